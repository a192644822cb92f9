import {
  CLOUD_PROVIDERS,
  EAR_DOCUMENT,
  keyIdOf,
  type CloudProvider,
  type EarProviderState,
  type EncryptionAtRest,
  type Finding,
  type Project,
} from '@mock-atlas/model';
import type { Operation } from '@mock-atlas/rules';
import { checkMockRules } from './mock-rules';
import { validate } from '@mock-atlas/schemas';
import { applyEarRequest } from '../mappers/encryption-at-rest';
import { isProviderValid } from '../kms/provider-validity';
import { kmsViewOf, registerUnseenKeys } from '../state/mock-kms';
import type { MockState } from '../state/mock-state';
import { getProject } from './projects';
import { syncRotationAlerts } from './rotation-alerts';
import { accepted, firstError, notFound, refused, type OperationContext, type OperationResult } from './result';

/** GET /groups/{groupId}/encryptionAtRest. */
export function getEncryptionAtRest(state: MockState, groupId: string): OperationResult<EncryptionAtRest> {
  const found = getProject(state, groupId);
  return found.ok ? accepted(state, found.value.encryptionAtRest) : found;
}

function providerDocuments(body: Readonly<Record<string, unknown>>): [CloudProvider, Readonly<Record<string, unknown>>][] {
  return CLOUD_PROVIDERS.flatMap((p) => {
    const doc = body[EAR_DOCUMENT[p]];
    return doc !== null && typeof doc === 'object' ? [[p, doc as Readonly<Record<string, unknown>>]] : [];
  });
}

/**
 * PATCH /groups/{groupId}/encryptionAtRest: turns providers on (every field required),
 * updates them (changed fields only), or turns them off (`{enabled: false}` clears the
 * configuration), after every `ear/*` rule of the catalog agrees. All or nothing: one
 * refused provider document refuses the request and the state stays as it was.
 */
export function updateEncryptionAtRest(
  state: MockState,
  groupId: string,
  body: unknown,
  ctx: OperationContext,
): OperationResult<EncryptionAtRest> {
  const original = state.projects[groupId];
  if (!original) return refused([notFound.group(groupId)]);
  const schemaFindings = validate('encryption-at-rest.request', body);
  if (schemaFindings.length > 0) return refused(schemaFindings);

  const docs = providerDocuments(body as Readonly<Record<string, unknown>>);
  const wantedKeys = docs.flatMap(([provider, doc]) => {
    const keyId = keyIdOf(provider, { enabled: true, valid: false, settings: doc as EarProviderState['settings'] });
    return keyId === undefined ? [] : [{ provider, keyId }];
  });
  let next = registerUnseenKeys(state, wantedKeys, ctx.options, ctx.now);
  const kms = kmsViewOf(next, groupId, ctx.options);

  let project: Project = original;
  const findings: Finding[] = [];
  for (const [provider, doc] of docs) {
    const before = project.encryptionAtRest.providers[provider];
    const merged = applyEarRequest(before, provider, doc);
    const after: EarProviderState = { ...merged, valid: isProviderValid(kms, provider, merged) };
    const op: Operation = { kind: 'updateEncryptionAtRest', provider, request: doc, at: [EAR_DOCUMENT[provider]], before, after };
    findings.push(...checkMockRules(next, project, op, ctx));
    if (firstError(findings)) return refused(findings);
    project = {
      ...project,
      encryptionAtRest: { ...project.encryptionAtRest, providers: { ...project.encryptionAtRest.providers, [provider]: after } },
    };
  }
  const searchNodes = (body as Readonly<Record<string, unknown>>).enabledForSearchNodes;
  if (typeof searchNodes === 'boolean') {
    project = { ...project, encryptionAtRest: { ...project.encryptionAtRest, enabledForSearchNodes: searchNodes } };
  }

  next = { ...next, projects: { ...next.projects, [groupId]: project } };
  next = syncRotationAlerts(next, groupId, original.encryptionAtRest, project.encryptionAtRest, ctx);
  return accepted(next, project.encryptionAtRest, findings);
}
