import { fieldPath } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

/** Roles that include Project Owner's rights in a project. */
const OWNER_ROLES = ['GROUP_OWNER', 'ORG_OWNER'];

/**
 * S0:37 "You must have the Project Owner role to enable customer key management for
 * clusters in that project." Any change of the provider counts, including back to NONE.
 * Atlas answers an insufficient role with 401, not 403 (atlas-openapi README §5.4). Mock
 * only: the linter has no caller, so the rule stays silent without one.
 */
export default defineRule({
  id: 'cluster/ear-requires-project-owner',
  severity: 'error',
  scope: ['mock'],
  errorCode: 'USER_UNAUTHORIZED',
  httpStatus: 401,
  description: "Changing a cluster's `encryptionAtRestProvider` needs the Project Owner role.",
  sources: ['S0:37'],
  appliesTo: ['createCluster', 'updateCluster'],
  check({ op, caller }) {
    if (!caller || caller.roles.some((r) => OWNER_ROLES.includes(r))) return [];
    const cluster = op.cluster;
    const changing =
      op.kind === 'createCluster'
        ? cluster.encryptionAtRestProvider !== 'NONE'
        : op.changed.includes('encryptionAtRestProvider') && op.before.encryptionAtRestProvider !== cluster.encryptionAtRestProvider;
    if (!changing) return [];
    return [
      {
        path: fieldPath(cluster, 'encryptionAtRestProvider'),
        message: `Current user is not authorized to perform this action: changing the customer key management of cluster ${cluster.name} needs the Project Owner role.`,
      },
    ];
  },
});
