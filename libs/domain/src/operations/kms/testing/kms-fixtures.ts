// A project with AWS KMS on and a CMK cluster, built through the real operations, for the
// kms specs. Not a spec file itself.
import { emptyProject, type Cluster } from '@mock-atlas/model';
import { DEFAULT_MOCK_OPTIONS, emptyState, type MockState } from '../../../state/mock-state';
import { updateEncryptionAtRest } from '../../encryption-at-rest';
import type { OperationContext } from '../../result';

export const GROUP = '5e2211c17a3e5a48f5497de3';
export const OTHER_GROUP = '5e2211c17a3e5a48f5497de4';
export const KEY = '030gce02-586d-48d2-a966-05ea954fde0g';
export const NOW = '2026-11-22T12:00:00.000Z';
export const ctx: OperationContext = { now: NOW, options: DEFAULT_MOCK_OPTIONS };

/** The context of an operation `minutes` after NOW. */
export function at(minutes: number): OperationContext {
  return { ...ctx, now: new Date(Date.parse(NOW) + minutes * 60_000).toISOString() };
}

/** An idle M30 AWS cluster with Cloud Backup, encrypted with the project's `provider` key. */
export function cluster(name: string, provider: Cluster['encryptionAtRestProvider'] = 'AWS'): Cluster {
  return {
    name,
    clusterType: 'REPLICASET',
    instanceSize: 'M30',
    diskSizeGB: 40,
    replicationSpecs: [{ zoneName: 'Zone 1', numShards: 1, regions: [{ provider: 'AWS', region: 'US_EAST_1', priority: 7, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 }] }],
    legacyBackupEnabled: false,
    cloudBackupEnabled: true,
    pitEnabled: false,
    encryptionAtRestProvider: provider,
    paused: false,
    terminationProtectionEnabled: false,
    stateName: 'IDLE',
  };
}

/**
 * S3:513-532: AWS KMS enabled with the seed's request in `groupId`, which holds `clusters`;
 * owners: one API key with GROUP_OWNER on the project, one service account with GROUP_OWNER
 * everywhere; plus a reader that must not be e-mailed.
 */
export function awsProject(clusters: readonly Cluster[] = [cluster('orders')], groupId = GROUP, base: MockState = emptyState()): MockState {
  const withProject: MockState = {
    ...base,
    projects: { ...base.projects, [groupId]: { ...emptyProject(groupId, `payments-${groupId.slice(-2)}`), clusters } },
    apiKeys: [
      ...base.apiKeys.filter((k) => !['owner-key', 'reader-key'].includes(k.publicKey)),
      { publicKey: 'owner-key', privateKey: 'x', grants: [{ role: 'GROUP_OWNER', groupId: GROUP }] },
      { publicKey: 'reader-key', privateKey: 'x', grants: [{ role: 'GROUP_READ_ONLY' }] },
    ],
    serviceAccounts: [{ clientId: 'owner-sa', clientSecret: 'x', grants: [{ role: 'GROUP_OWNER' }] }],
  };
  const result = updateEncryptionAtRest(
    withProject,
    groupId,
    { awsKms: { enabled: true, customerMasterKeyID: KEY, region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' } },
    ctx,
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.state;
}

/** The state with the AWS key in `keyState` (as POST /_mock/kms/keys would leave it). */
export function withKeyState(state: MockState, keyState: 'ENABLED' | 'DISABLED' | 'PENDING_DELETION' | 'DELETED'): MockState {
  return { ...state, kmsKeys: state.kmsKeys.map((k) => (k.keyId === KEY ? { ...k, state: keyState } : k)) };
}
