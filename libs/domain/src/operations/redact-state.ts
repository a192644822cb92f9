import { CLOUD_PROVIDERS, SECRET_FIELDS, type Project } from '@mock-atlas/model';
import type { MockState } from '../state/mock-state';

export const REDACTED = '<redacted>';

function redactProject(project: Project): Project {
  const providers = { ...project.encryptionAtRest.providers };
  for (const p of CLOUD_PROVIDERS) {
    const settings = { ...providers[p].settings };
    for (const field of SECRET_FIELDS[p]) if (field in settings) settings[field] = REDACTED;
    providers[p] = { ...providers[p], settings };
  }
  return {
    ...project,
    encryptionAtRest: { ...project.encryptionAtRest, providers },
    credentials: project.credentials.map((c) => ({ ...c, secret: REDACTED })),
  };
}

/**
 * The state as GET /_mock/state exports it: every secret (private keys, client secrets,
 * provider secrets) replaced by a marker, so an export can be pasted into a bug report.
 */
export function redactState(state: MockState): MockState {
  return {
    ...state,
    projects: Object.fromEntries(Object.entries(state.projects).map(([id, p]) => [id, redactProject(p)])),
    apiKeys: state.apiKeys.map((k) => ({ ...k, privateKey: REDACTED })),
    serviceAccounts: state.serviceAccounts.map((s) => ({ ...s, clientSecret: REDACTED })),
  };
}
