// Atlas roles: the display names the spec's x-rolesRequirements uses, the role ids API keys and
// service accounts carry, and which role includes which.
//
// Evidence (atlas-openapi README §2, §5.4; mongodb.com/docs/atlas/reference/user-roles):
// - ids verified in the spec's GroupNotification.roles enum: GROUP_OWNER, GROUP_READ_ONLY,
//   GROUP_CLUSTER_MANAGER, GROUP_BACKUP_MANAGER;
// - ids from the user-roles docs page: the ORG_* roles, GROUP_REPLICA_SET_MANAGER and the
//   GROUP_DATA_ACCESS_* roles;
// - inferred (display name → id by Atlas's naming pattern, and not listed by any source the README
//   read): GROUP_CLUSTER_CREATOR, GROUP_CLUSTER_RESILIENCE_TESTER, GROUP_BACKUP_CREATOR,
//   GROUP_BACKUP_EXPORT_OPERATOR, GROUP_BACKUP_RECOVERY_OPERATOR, GROUP_ALERTS_MANAGER.

/** Organization roles (apply to every project of the organization). */
export const ORG_ROLE_IDS = ['ORG_OWNER', 'ORG_GROUP_CREATOR', 'ORG_BILLING_ADMIN', 'ORG_BILLING_READ_ONLY', 'ORG_READ_ONLY', 'ORG_MEMBER'] as const;

/** Project roles (apply to the project they are granted in). */
export const PROJECT_ROLE_IDS = [
  'GROUP_OWNER',
  'GROUP_CLUSTER_MANAGER',
  'GROUP_CLUSTER_CREATOR',
  'GROUP_CLUSTER_RESILIENCE_TESTER',
  'GROUP_REPLICA_SET_MANAGER',
  'GROUP_BACKUP_MANAGER',
  'GROUP_BACKUP_CREATOR',
  'GROUP_BACKUP_EXPORT_OPERATOR',
  'GROUP_BACKUP_RECOVERY_OPERATOR',
  'GROUP_ALERTS_MANAGER',
  'GROUP_DATA_ACCESS_ADMIN',
  'GROUP_DATA_ACCESS_READ_WRITE',
  'GROUP_DATA_ACCESS_READ_ONLY',
  'GROUP_READ_ONLY',
] as const;

/** A role id an API key or service account can hold. */
export type RoleId = (typeof ORG_ROLE_IDS)[number] | (typeof PROJECT_ROLE_IDS)[number];

/** Every role id, organization roles first. */
export const ROLE_IDS: readonly RoleId[] = [...ORG_ROLE_IDS, ...PROJECT_ROLE_IDS];

/** True when `role` is a known role id. */
export function isRoleId(role: string): role is RoleId {
  return KNOWN_ROLES.has(role);
}

const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLE_IDS);

/** True for roles granted on the organization (they reach every project). */
export function isOrgRole(role: RoleId): boolean {
  return (ORG_ROLE_IDS as readonly string[]).includes(role);
}

/** Display names (as in x-rolesRequirements and the docs) → role ids. */
export const ROLE_BY_DISPLAY_NAME: Readonly<Record<string, RoleId>> = {
  'Organization Owner': 'ORG_OWNER',
  'Organization Project Creator': 'ORG_GROUP_CREATOR',
  'Organization Billing Admin': 'ORG_BILLING_ADMIN',
  'Organization Billing Viewer': 'ORG_BILLING_READ_ONLY',
  'Organization Read Only': 'ORG_READ_ONLY',
  'Organization Member': 'ORG_MEMBER',
  'Project Owner': 'GROUP_OWNER',
  'Project Cluster Manager': 'GROUP_CLUSTER_MANAGER',
  'Project Cluster Creator': 'GROUP_CLUSTER_CREATOR',
  'Project Cluster Resilience Tester': 'GROUP_CLUSTER_RESILIENCE_TESTER',
  'Project Replica Set Manager': 'GROUP_REPLICA_SET_MANAGER',
  'Project Backup Manager': 'GROUP_BACKUP_MANAGER',
  'Project Backup Creator': 'GROUP_BACKUP_CREATOR',
  'Project Backup Export Operator': 'GROUP_BACKUP_EXPORT_OPERATOR',
  'Project Backup Recovery Operator': 'GROUP_BACKUP_RECOVERY_OPERATOR',
  'Project Alerts Manager': 'GROUP_ALERTS_MANAGER',
  'Project Data Access Admin': 'GROUP_DATA_ACCESS_ADMIN',
  'Project Data Access Read/Write': 'GROUP_DATA_ACCESS_READ_WRITE',
  'Project Data Access Read Only': 'GROUP_DATA_ACCESS_READ_ONLY',
  'Project Read Only': 'GROUP_READ_ONLY',
};

/**
 * The role id for a display name, or undefined for a name this table does not know.
 * @example roleIdOf('Project Cluster Manager') // 'GROUP_CLUSTER_MANAGER'
 */
export function roleIdOf(displayName: string): RoleId | undefined {
  return ROLE_BY_DISPLAY_NAME[displayName];
}

const OTHER_PROJECT_ROLES = PROJECT_ROLE_IDS.filter((r) => r !== 'GROUP_OWNER');

/**
 * Which roles each role directly includes; {@link impliedRoles} closes it transitively.
 * - ORG_OWNER has Project Owner access to every project and every other organization role [doc].
 * - GROUP_OWNER includes every project role [doc: Project Owner has full administration access].
 * - Every project role includes GROUP_READ_ONLY [doc: "All project roles also grant all privileges
 *   that the Project Read Only role contains"].
 * - ORG_READ_ONLY includes GROUP_READ_ONLY in every project [inferred from "read-only access to the
 *   settings, users, and projects in the organization"]; ORG_MEMBER includes no project role [doc].
 * - GROUP_CLUSTER_MANAGER includes GROUP_REPLICA_SET_MANAGER and GROUP_CLUSTER_RESILIENCE_TESTER
 *   (it edits replication specs and tiers, pauses clusters and tests failover) but not
 *   GROUP_CLUSTER_CREATOR [inferred].
 * - GROUP_BACKUP_MANAGER includes GROUP_BACKUP_CREATOR, GROUP_BACKUP_EXPORT_OPERATOR and
 *   GROUP_BACKUP_RECOVERY_OPERATOR (it takes, restores and exports snapshots) [inferred].
 * - GROUP_DATA_ACCESS_ADMIN ⊃ GROUP_DATA_ACCESS_READ_WRITE ⊃ GROUP_DATA_ACCESS_READ_ONLY [doc].
 */
export const ROLE_INCLUDES: Readonly<Record<RoleId, readonly RoleId[]>> = {
  ORG_OWNER: ['GROUP_OWNER', 'ORG_GROUP_CREATOR', 'ORG_BILLING_ADMIN', 'ORG_READ_ONLY'],
  ORG_GROUP_CREATOR: ['ORG_MEMBER'],
  ORG_BILLING_ADMIN: ['ORG_BILLING_READ_ONLY'],
  ORG_BILLING_READ_ONLY: ['ORG_MEMBER'],
  ORG_READ_ONLY: ['ORG_MEMBER', 'GROUP_READ_ONLY'],
  ORG_MEMBER: [],
  GROUP_OWNER: OTHER_PROJECT_ROLES,
  GROUP_CLUSTER_MANAGER: ['GROUP_REPLICA_SET_MANAGER', 'GROUP_CLUSTER_RESILIENCE_TESTER', 'GROUP_READ_ONLY'],
  GROUP_CLUSTER_CREATOR: ['GROUP_READ_ONLY'],
  GROUP_CLUSTER_RESILIENCE_TESTER: ['GROUP_READ_ONLY'],
  GROUP_REPLICA_SET_MANAGER: ['GROUP_READ_ONLY'],
  GROUP_BACKUP_MANAGER: ['GROUP_BACKUP_CREATOR', 'GROUP_BACKUP_EXPORT_OPERATOR', 'GROUP_BACKUP_RECOVERY_OPERATOR', 'GROUP_READ_ONLY'],
  GROUP_BACKUP_CREATOR: ['GROUP_READ_ONLY'],
  GROUP_BACKUP_EXPORT_OPERATOR: ['GROUP_READ_ONLY'],
  GROUP_BACKUP_RECOVERY_OPERATOR: ['GROUP_READ_ONLY'],
  GROUP_ALERTS_MANAGER: ['GROUP_READ_ONLY'],
  GROUP_DATA_ACCESS_ADMIN: ['GROUP_DATA_ACCESS_READ_WRITE', 'GROUP_READ_ONLY'],
  GROUP_DATA_ACCESS_READ_WRITE: ['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY'],
  GROUP_DATA_ACCESS_READ_ONLY: ['GROUP_READ_ONLY'],
  GROUP_READ_ONLY: [],
};

/**
 * A role and everything it includes, transitively (the role itself included).
 * @example impliedRoles('GROUP_BACKUP_MANAGER').has('GROUP_BACKUP_CREATOR') // true
 */
export function impliedRoles(role: RoleId): ReadonlySet<RoleId> {
  return IMPLIED[role];
}

function closureOf(role: RoleId): ReadonlySet<RoleId> {
  const seen = new Set<RoleId>([role]);
  const queue: RoleId[] = [role];
  for (let next = queue.pop(); next; next = queue.pop()) {
    for (const included of ROLE_INCLUDES[next]) {
      if (!seen.has(included)) {
        seen.add(included);
        queue.push(included);
      }
    }
  }
  return seen;
}

// The inclusion graph is fixed, so its closure is worked out once rather than per request.
const IMPLIED = Object.fromEntries(ROLE_IDS.map((r) => [r, closureOf(r)])) as Readonly<Record<RoleId, ReadonlySet<RoleId>>>;

/** Every role the granted roles amount to; unknown role strings are ignored. */
export function effectiveRoles(grantedRoles: readonly string[]): ReadonlySet<RoleId> {
  const all = new Set<RoleId>();
  for (const role of grantedRoles) if (isRoleId(role)) for (const r of impliedRoles(role)) all.add(r);
  return all;
}

/**
 * True when the granted roles include any one of the required roles (x-rolesRequirements lists
 * alternatives); an empty requirement is met by anyone.
 * @example isAllowed(['GROUP_OWNER'], ['GROUP_CLUSTER_MANAGER']) // true
 * @example isAllowed(['GROUP_READ_ONLY'], ['GROUP_OWNER']) // false
 */
export function isAllowed(grantedRoles: readonly string[], requiredRoleIds: readonly RoleId[]): boolean {
  return meetsRequirement(effectiveRoles(grantedRoles), requiredRoleIds);
}

/**
 * {@link isAllowed} for roles already expanded through the hierarchy (effectiveRoles), for a
 * caller that keeps them.
 * @example meetsRequirement(effectiveRoles(['GROUP_OWNER']), ['GROUP_CLUSTER_MANAGER']) // true
 */
export function meetsRequirement(effective: ReadonlySet<RoleId>, requiredRoleIds: readonly RoleId[]): boolean {
  return requiredRoleIds.length === 0 || requiredRoleIds.some((r) => effective.has(r));
}
