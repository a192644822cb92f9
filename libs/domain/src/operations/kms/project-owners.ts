import type { MockState, RoleGrant } from '../../state/mock-state';

const OWNER_ROLES = new Set(['GROUP_OWNER', 'ORG_OWNER']);

function ownsProject(grants: readonly RoleGrant[], groupId: string): boolean {
  return grants.some((g) => OWNER_ROLES.has(g.role) && (g.groupId === undefined || g.groupId === groupId));
}

/**
 * The Project Owners Atlas e-mails (S0:63): every API key and service account holding
 * GROUP_OWNER on the project, on every project (no groupId), or ORG_OWNER. Named by
 * public key / client id, API keys first, each once.
 * @example projectOwnersOf(state, '5e2211c17a3e5a48f5497de3') // → ['demo-owner', 'mdb_sa_id_demo']
 */
export function projectOwnersOf(state: MockState, groupId: string): string[] {
  const owners = [
    ...state.apiKeys.filter((k) => ownsProject(k.grants, groupId)).map((k) => k.publicKey),
    ...state.serviceAccounts.filter((s) => ownsProject(s.grants, groupId)).map((s) => s.clientId),
  ];
  return [...new Set(owners)];
}
