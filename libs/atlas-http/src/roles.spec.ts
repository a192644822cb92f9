import { describe, expect, it } from 'vitest';
import { effectiveRoles, impliedRoles, isAllowed, PROJECT_ROLE_IDS, roleIdOf, ROLE_IDS } from './roles';

describe('roleIdOf', () => {
  it.each([
    // README §2: verified in the spec's GroupNotification.roles enum.
    ['Project Owner', 'GROUP_OWNER'],
    ['Project Read Only', 'GROUP_READ_ONLY'],
    ['Project Cluster Manager', 'GROUP_CLUSTER_MANAGER'],
    ['Project Backup Manager', 'GROUP_BACKUP_MANAGER'],
    // README §2 inferred names.
    ['Project Cluster Creator', 'GROUP_CLUSTER_CREATOR'],
    ['Project Backup Creator', 'GROUP_BACKUP_CREATOR'],
    ['Project Backup Export Operator', 'GROUP_BACKUP_EXPORT_OPERATOR'],
    ['Project Backup Recovery Operator', 'GROUP_BACKUP_RECOVERY_OPERATOR'],
    ['Project Alerts Manager', 'GROUP_ALERTS_MANAGER'],
    ['Project Replica Set Manager', 'GROUP_REPLICA_SET_MANAGER'],
    ['Project Cluster Resilience Tester', 'GROUP_CLUSTER_RESILIENCE_TESTER'],
  ])('spec %s → %s', (name, id) => {
    expect(roleIdOf(name)).toBe(id);
  });

  it('knows no made-up name', () => {
    expect(roleIdOf('Project Janitor')).toBeUndefined();
  });
});

describe('the hierarchy', () => {
  it('issue 3: org owner implies every project role', () => {
    for (const role of PROJECT_ROLE_IDS) expect(impliedRoles('ORG_OWNER').has(role), role).toBe(true);
  });

  it('doc: Project Owner implies every project role, and no organization role', () => {
    for (const role of PROJECT_ROLE_IDS) expect(impliedRoles('GROUP_OWNER').has(role), role).toBe(true);
    expect(impliedRoles('GROUP_OWNER').has('ORG_MEMBER')).toBe(false);
  });

  it('doc: every project role includes Project Read Only', () => {
    for (const role of PROJECT_ROLE_IDS) expect(impliedRoles(role).has('GROUP_READ_ONLY'), role).toBe(true);
  });

  it('Project Read Only includes nothing else, and Organization Member no project role', () => {
    expect([...impliedRoles('GROUP_READ_ONLY')]).toEqual(['GROUP_READ_ONLY']);
    expect([...impliedRoles('ORG_MEMBER')]).toEqual(['ORG_MEMBER']);
  });

  it('inferred: the backup manager includes the three backup operators; the cluster manager does not create clusters', () => {
    expect(isAllowed(['GROUP_BACKUP_MANAGER'], ['GROUP_BACKUP_CREATOR'])).toBe(true);
    expect(isAllowed(['GROUP_BACKUP_MANAGER'], ['GROUP_BACKUP_RECOVERY_OPERATOR'])).toBe(true);
    expect(isAllowed(['GROUP_CLUSTER_MANAGER'], ['GROUP_CLUSTER_CREATOR'])).toBe(false);
  });

  it('is acyclic apart from the role itself: no role is implied by the roles it implies', () => {
    for (const role of ROLE_IDS) {
      for (const implied of impliedRoles(role)) if (implied !== role) expect(impliedRoles(implied).has(role), `${role} ↔ ${implied}`).toBe(false);
    }
  });
});

describe('isAllowed', () => {
  it.each([
    [['GROUP_OWNER'], ['GROUP_READ_ONLY'], true],
    [['GROUP_READ_ONLY'], ['GROUP_OWNER'], false],
    [['GROUP_CLUSTER_MANAGER'], ['GROUP_CLUSTER_MANAGER', 'GROUP_CLUSTER_RESILIENCE_TESTER', 'GROUP_REPLICA_SET_MANAGER'], true],
    [['GROUP_BACKUP_CREATOR'], ['GROUP_BACKUP_MANAGER'], false],
    [['ORG_READ_ONLY'], ['GROUP_READ_ONLY'], true],
    [['ORG_MEMBER'], ['GROUP_READ_ONLY'], false],
    [['NOT_A_ROLE'], ['GROUP_READ_ONLY'], false],
    [[], [], true],
  ] as const)('%j needing any of %j → %s', (granted, required, allowed) => {
    expect(isAllowed(granted, required)).toBe(allowed);
  });

  it('effectiveRoles ignores unknown strings', () => {
    expect([...effectiveRoles(['BOGUS'])]).toEqual([]);
  });
});
