import type { Cluster, Snapshot } from '@mock-atlas/domain';
import { describe, expect, it } from 'vitest';
import { presentCluster } from './cluster';
import { presentSnapshot } from './snapshot';

const GROUP = '5e2211c17a3e5a48f5497de3';
const API_ROOT = 'http://127.0.0.1:8080/api/atlas/v2';

// As a config loads it: no diskSizeGB, no versions, no state; Atlas's facts come from the tier.
const loaded: Cluster = {
  name: 'orders',
  clusterType: 'REPLICASET',
  instanceSize: 'M30',
  replicationSpecs: [{ zoneName: 'Zone 1', numShards: 1, regions: [{ provider: 'GCP', region: 'CENTRAL_US', priority: 7, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 }] }],
  legacyBackupEnabled: false,
  cloudBackupEnabled: true,
  pitEnabled: false,
  encryptionAtRestProvider: 'NONE',
  paused: false,
  terminationProtectionEnabled: false,
};

const snapshot: Snapshot = { id: '6a1b2c3d4e5f60718293a4b5', clusterName: 'orders', createdAt: '2026-11-01T06:00:00Z', status: 'completed', snapshotType: 'onDemand' };

describe('presentSnapshot', () => {
  it('reports the size and version of the cluster as the cluster body shows them (M30: 40 GB, 8.0.4)', () => {
    const body = presentSnapshot(snapshot, loaded, GROUP, API_ROOT);
    const shown = presentCluster(loaded, { groupId: GROUP, apiRoot: API_ROOT, layout: '20240805' });
    // 5 % of the 40 GB an M30 gets by default (it was computed from 10 GB for a loaded cluster).
    expect(body['storageSizeBytes']).toBe(2_147_483_648);
    // The 2024-08-05 layout shows the disk per region's hardware.
    expect(shown['replicationSpecs']).toMatchObject([{ regionConfigs: [{ electableSpecs: { instanceSize: 'M30', diskSizeGB: 40 } }] }]);
    expect(body['mongodVersion']).toBe('8.0.4');
    expect(shown['mongoDBVersion']).toBe('8.0.4');
    expect(body['cloudProvider']).toBe('GCP');
  });

  it('reports 0 bytes while the snapshot is queued', () => {
    expect(presentSnapshot({ ...snapshot, status: 'queued' }, loaded, GROUP, API_ROOT)['storageSizeBytes']).toBe(0);
  });
});
