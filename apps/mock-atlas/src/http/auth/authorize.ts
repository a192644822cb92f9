// Authorisation per operation: the spec's x-rolesRequirements (any one suffices), through the role
// hierarchy, in the project the path names. Too little role is 401 USER_UNAUTHORIZED (README §5.4:
// Atlas uses 401, not 403, for this).
import { AtlasError, effectiveRoles, isOrgRole, isRoleId, meetsRequirement, OPERATION_VERSIONS, type OperationKey, type RoleId } from '@mock-atlas/atlas-http';
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

// Every request asks for the caller's roles in its project, twice (requireRoles, then the rules'
// caller). A credential's grants are part of the immutable state, so the same array means the
// same roles: remembered per grants array (forgotten with it) and project, at most
// PROJECTS_REMEMBERED projects per credential, so made-up group ids cannot grow it.
const PROJECTS_REMEMBERED = 256;
const rolesOfGrants = new WeakMap<readonly Grant[], Map<string, ReadonlySet<RoleId>>>();

/**
 * Every role the principal holds in a project, hierarchy applied (what rules that look at the
 * caller's roles, such as cluster/ear-requires-project-owner, should be given).
 * @example effectiveRolesIn(principal, groupId).has('GROUP_OWNER')
 */
export function effectiveRolesIn(principal: Principal, groupId: string | undefined): ReadonlySet<RoleId> {
  let byProject = rolesOfGrants.get(principal.grants);
  if (!byProject) {
    byProject = new Map();
    rolesOfGrants.set(principal.grants, byProject);
  }
  const key = groupId ?? '';
  let roles = byProject.get(key);
  if (!roles) {
    roles = effectiveRoles(grantsIn(principal, groupId).map((g) => g.role));
    if (byProject.size >= PROJECTS_REMEMBERED) byProject.clear();
    byProject.set(key, roles);
  }
  return roles;
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
    const roles = effectiveRolesIn(principal, typeof groupId === 'string' ? groupId : undefined);
    if (!meetsRequirement(roles, required)) {
      next(new AtlasError('USER_UNAUTHORIZED'));
      return;
    }
    next();
  };
}
