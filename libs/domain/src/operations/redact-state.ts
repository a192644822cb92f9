import { CLOUD_PROVIDERS, SECRET_FIELDS, type Project } from '@mock-atlas/model';
import type { MockState } from '../state/mock-state';

export const REDACTED = '<redacted>';

/** Called for each secret field with its value and its path in the state (`apiKeys[0].privateKey`). */
export type SecretMapper = (value: string, at: string) => string;

function mapProject(project: Project, at: string, fn: SecretMapper): Project {
  const providers = { ...project.encryptionAtRest.providers };
  for (const provider of CLOUD_PROVIDERS) {
    const settings = { ...providers[provider].settings };
    for (const field of SECRET_FIELDS[provider]) {
      const value = settings[field];
      if (typeof value === 'string') settings[field] = fn(value, `${at}.encryptionAtRest.providers.${provider}.settings.${field}`);
    }
    providers[provider] = { ...providers[provider], settings };
  }
  return {
    ...project,
    encryptionAtRest: { ...project.encryptionAtRest, providers },
    credentials: project.credentials.map((c, i) => ({ ...c, secret: fn(c.secret, `${at}.credentials[${i}].secret`) })),
  };
}

/**
 * A copy of `state` with every secret field replaced by `fn(value, path)`: API private keys,
 * service-account secrets, the projects' credential secrets and each provider's SECRET_FIELDS.
 * The one list of where secrets live; redaction (GET /_mock/state) and sealing (--state-file)
 * both go through it, so a secret added here is covered by both.
 * @example mapSecrets(state, () => REDACTED)
 */
export function mapSecrets(state: MockState, fn: SecretMapper): MockState {
  return {
    ...state,
    projects: Object.fromEntries(Object.entries(state.projects).map(([id, p]) => [id, mapProject(p, `projects.${id}`, fn)])),
    apiKeys: state.apiKeys.map((k, i) => ({ ...k, privateKey: fn(k.privateKey, `apiKeys[${i}].privateKey`) })),
    serviceAccounts: state.serviceAccounts.map((s, i) => ({ ...s, clientSecret: fn(s.clientSecret, `serviceAccounts[${i}].clientSecret`) })),
  };
}

/**
 * The state as GET /_mock/state exports it: every secret (private keys, client secrets,
 * provider secrets) replaced by a marker, so an export can be pasted into a bug report.
 */
export function redactState(state: MockState): MockState {
  return mapSecrets(state, () => REDACTED);
}
