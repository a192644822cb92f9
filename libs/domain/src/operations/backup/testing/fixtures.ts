// A realistic project for the backup operations' tests: AWS KMS on, clusters of every
// kind a snapshot or restore meets, and the simulated KMS holding the key.
import { emptyProject, type Cluster, type EarProviderState, type Project } from '@mock-atlas/model';
import { DEFAULT_MOCK_OPTIONS, emptyState, initialTimers, type MockState } from '../../../state/mock-state';
import type { OperationContext } from '../../result';

export const GROUP = '5e2211c17a3e5a48f5497de3';
export const OTHER_GROUP = '6a0000000000000000000001';
export const AWS_KEY = '030gce02-586d-48d2-a966-05ea954fde0g';
export const AWS_KEY_2 = '4b1d2c3e-0f9a-4e8b-b7c6-d5e4f3a2b1c0';
export const NOW = '2026-11-22T12:00:00.000Z';
export const STEP_MS = DEFAULT_MOCK_OPTIONS.backupStepMs;
export const HOUR_MS = 3_600_000;

export const ctx: OperationContext = { now: NOW, options: DEFAULT_MOCK_OPTIONS };

/** The context of an operation `ms` after NOW. */
export function at(ms: number): OperationContext {
  return { ...ctx, now: new Date(Date.parse(NOW) + ms).toISOString() };
}

export function awsProvider(keyId = AWS_KEY): EarProviderState {
  return { enabled: true, valid: true, settings: { customerMasterKeyID: keyId, region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' } };
}

/** An M30 on AWS in US_EAST_1 with Cloud Backup and point-in-time restore, idle. */
export function cluster(name: string, overrides: Partial<Cluster> = {}): Cluster {
  return {
    name,
    clusterType: 'REPLICASET',
    instanceSize: 'M30',
    diskSizeGB: 40,
    replicationSpecs: [
      { zoneName: 'Zone 1', numShards: 1, regions: [{ provider: 'AWS', region: 'US_EAST_1', priority: 7, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 }] },
    ],
    mongoDBMajorVersion: '8.0',
    mongoDBVersion: '8.0.4',
    legacyBackupEnabled: false,
    cloudBackupEnabled: true,
    pitEnabled: true,
    encryptionAtRestProvider: 'NONE',
    paused: false,
    terminationProtectionEnabled: false,
    stateName: 'IDLE',
    ...overrides,
  };
}

/**
 * `payments` with AWS KMS on and: `orders` and `orders-copy` (AWS customer keys),
 * `plain` (no customer key), `legacy` (legacy backup), `nobackup` (no backup).
 */
export function paymentsProject(overrides: Partial<Project> = {}): Project {
  const base = emptyProject(GROUP, 'payments');
  return {
    ...base,
    encryptionAtRest: { providers: { ...base.encryptionAtRest.providers, AWS: awsProvider() } },
    clusters: [
      cluster('orders', { encryptionAtRestProvider: 'AWS' }),
      cluster('orders-copy', { encryptionAtRestProvider: 'AWS' }),
      cluster('plain'),
      cluster('legacy', { legacyBackupEnabled: true, cloudBackupEnabled: false, pitEnabled: false }),
      cluster('nobackup', { cloudBackupEnabled: false, pitEnabled: false }),
    ],
    ...overrides,
  };
}

/** A state holding `payments` (or the given projects) and both AWS keys, enabled, in the KMS; no timers. */
export function paymentsState(...projects: Project[]): MockState {
  const all = projects.length > 0 ? projects : [paymentsProject()];
  return {
    ...emptyState(),
    projects: Object.fromEntries(all.map((p) => [p.id, p])),
    kmsKeys: [
      { provider: 'AWS', keyId: AWS_KEY, state: 'ENABLED', createdAt: '2026-10-01T00:00:00Z' },
      { provider: 'AWS', keyId: AWS_KEY_2, state: 'ENABLED', createdAt: '2026-11-01T00:00:00Z' },
    ],
    timers: [],
  };
}

/** The state with the hourly backup sweep armed at NOW, as a starting mock has it. */
export function withSweep(state: MockState): MockState {
  return { ...state, timers: initialTimers(NOW).filter((t) => t.kind === 'backup-sweep') };
}

/** The state with one cluster of a project changed. */
export function withCluster(state: MockState, groupId: string, name: string, change: Partial<Cluster>): MockState {
  const project = state.projects[groupId]!;
  return {
    ...state,
    projects: { ...state.projects, [groupId]: { ...project, clusters: project.clusters.map((c) => (c.name === name ? { ...c, ...change } : c)) } },
  };
}

/** Unwraps an accepted result, failing the test with the refusal otherwise. */
export function ok<T>(result: { ok: true; state: MockState; value: T } | { ok: false; error: { message: string } }): { state: MockState; value: T } {
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  return result;
}
