import { emptyEncryptionAtRest, type KmsKey, type Project } from '@mock-atlas/model';
import { checkProjectConfig } from '../config/check-project-config';
import type { ApiKeyRecord, MockState, ServiceAccountRecord } from '../state/mock-state';
import { syncRotationAlerts } from './rotation-alerts';
import { accepted, firstError, refused, type OperationContext, type OperationResult } from './result';

export interface LoadProjectOptions {
  /** Environment for `${env:NAME}` secrets. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

function mergeKeys(existing: readonly KmsKey[], declared: readonly KmsKey[]): KmsKey[] {
  const same = (a: KmsKey, b: KmsKey) => a.provider === b.provider && a.keyId === b.keyId;
  return [...existing.filter((k) => !declared.some((d) => same(k, d))), ...declared.map(({ src: _src, ...key }) => key)];
}

/**
 * Loads one project config into the mock (startup `--config`, `POST /_mock/projects`):
 * the file is checked by every rule the mock enforces, exactly as atlas-lint checks it,
 * and refused whole with the findings if any rule objects. A project with the same id is
 * replaced, together with the credentials the file declares for it.
 */
export function loadProjectConfig(
  state: MockState,
  config: unknown,
  ctx: OperationContext,
  options: LoadProjectOptions,
): OperationResult<Project> {
  const { findings, model } = checkProjectConfig(config, {
    scope: 'mock',
    now: ctx.now,
    keyRotationDays: ctx.options.keyRotationDays,
    env: options.env,
  });
  if (firstError(findings) || !model) return refused(findings);

  const project = model.project;
  const groupId = project.id;
  const grantsFor = (roles: readonly string[]) => roles.map((role) => ({ role, groupId }));
  const apiKeys: ApiKeyRecord[] = project.credentials
    .filter((c) => c.kind === 'apiKey')
    .map((c) => ({ publicKey: c.id, privateKey: c.secret, grants: grantsFor(c.roles) }));
  const serviceAccounts: ServiceAccountRecord[] = project.credentials
    .filter((c) => c.kind === 'serviceAccount')
    .map((c) => ({ clientId: c.id, clientSecret: c.secret, grants: grantsFor(c.roles) }));
  const replaced = new Set([...apiKeys.map((k) => k.publicKey), ...serviceAccounts.map((s) => s.clientId)]);

  let next: MockState = {
    ...state,
    projects: { ...state.projects, [groupId]: project },
    kmsKeys: mergeKeys(state.kmsKeys, model.kms.keys),
    apiKeys: [...state.apiKeys.filter((k) => !replaced.has(k.publicKey)), ...apiKeys],
    serviceAccounts: [...state.serviceAccounts.filter((s) => !replaced.has(s.clientId)), ...serviceAccounts],
    alertConfigs: state.alertConfigs.filter((a) => a.groupId !== groupId),
  };
  next = syncRotationAlerts(next, groupId, emptyEncryptionAtRest(), project.encryptionAtRest, ctx);
  return accepted(next, project, findings);
}
