// Authorisation per operation: the spec's x-rolesRequirements (any one suffices), through the role
// hierarchy, in the project the path names. Too little role is 401 USER_UNAUTHORIZED (README §5.4:
// Atlas uses 401, not 403, for this).
import { AtlasError, effectiveRoles, isAllowed, isOrgRole, isRoleId, OPERATION_VERSIONS, type OperationKey, type RoleId } from '@mock-atlas/atlas-http';
import type { RequestHandler } from 'express';
import { principalOf } from '../locals';
import type { Grant, Principal } from './credential-store';

/**
 * The grants that apply in a project: organization roles, roles granted without a project, and
 * roles granted in that project. Without a project (e.g. GET /groups) every grant applies.
 */
export function grantsIn(principal: Principal, groupId: string | undefined): Grant[] {
  return principal.grants.filter((g) => groupId === undefined || g.groupId === undefined || g.groupId === groupId || (isRoleId(g.role) && isOrgRole(g.role)));
}

/**
 * Every role the principal holds in a project, hierarchy applied (what rules that look at the
 * caller's roles, such as cluster/ear-requires-project-owner, should be given).
 * @example effectiveRolesIn(principal, groupId).has('GROUP_OWNER')
 */
export function effectiveRolesIn(principal: Principal, groupId: string | undefined): ReadonlySet<RoleId> {
  return effectiveRoles(grantsIn(principal, groupId).map((g) => g.role));
}

/** Options of {@link requireRoles}. */
export interface RequireRolesOptions {
  /** The route parameter holding the project id (default `groupId`). */
  readonly groupIdParam?: string;
}

/**
 * Lets the request through only when the authenticated principal holds one of the operation's
 * required roles in the project of the path; otherwise 401 USER_UNAUTHORIZED. Mount after
 * `authenticate`.
 * @example route(v2, '/groups/:groupId/encryptionAtRest', { PATCH: [requireRoles('PATCH /groups/{groupId}/encryptionAtRest'), ...] })
 */
export function requireRoles(operationKey: OperationKey, options: RequireRolesOptions = {}): RequestHandler {
  const required: readonly RoleId[] = OPERATION_VERSIONS[operationKey].roleIds;
  const param = options.groupIdParam ?? 'groupId';
  return (req, res, next) => {
    const principal = principalOf(res);
    if (!principal) {
      next(new Error(`requireRoles(${operationKey}) ran before authenticate`));
      return;
    }
    const groupId = req.params[param];
    const roles = grantsIn(principal, typeof groupId === 'string' ? groupId : undefined).map((g) => g.role);
    if (!isAllowed(roles, required)) {
      next(new AtlasError('USER_UNAUTHORIZED'));
      return;
    }
    next();
  };
}
