import { describe, expect, it } from 'vitest';
import { fieldPath, type Cluster, type RegionPlacement } from '@mock-atlas/model';
import { applyClusterUpdate } from './cluster-update';

const region = (name: string, priority: number, electableNodes: number): RegionPlacement => ({
  provider: 'AWS',
  region: name,
  priority,
  electableNodes,
  readOnlyNodes: 0,
  analyticsNodes: 0,
});

/** An M30 in US_EAST_1 (and, for multiRegion, a second electable region). */
function orders(overrides: Partial<Cluster> = {}): Cluster {
  return {
    name: 'orders',
    id: '6a793f5ac0eb9e7a17714407',
    stateName: 'IDLE',
    clusterType: 'REPLICASET',
    instanceSize: 'M30',
    diskSizeGB: 40,
    replicationSpecs: [{ zoneName: 'Zone 1', numShards: 1, regions: [region('US_EAST_1', 7, 3)] }],
    legacyBackupEnabled: false,
    cloudBackupEnabled: false,
    pitEnabled: false,
    encryptionAtRestProvider: 'NONE',
    paused: false,
    terminationProtectionEnabled: false,
    src: { base: ['clusters', 0] },
    ...overrides,
  };
}

const multiRegion = [{ zoneName: 'Zone 1', numShards: 1, regions: [region('US_EAST_1', 7, 3), region('US_WEST_2', 6, 2)] }];

describe('applyClusterUpdate (legacy layout)', () => {
  it('D PATCH merge: only the named fields change, and changed lists them', () => {
    const { cluster, changed } = applyClusterUpdate(orders(), { backupEnabled: false, providerBackupEnabled: true }, 'legacy');
    expect([...changed].sort()).toEqual(['cloudBackupEnabled', 'legacyBackupEnabled']);
    expect(cluster).toMatchObject({ cloudBackupEnabled: true, legacyBackupEnabled: false, instanceSize: 'M30', diskSizeGB: 40, name: 'orders' });
  });

  it('src is relative to the body: a finding points at the attribute the request sent', () => {
    const { cluster } = applyClusterUpdate(orders(), { encryptionAtRestProvider: 'AWS', backupEnabled: true }, 'legacy');
    expect(cluster.src?.base).toEqual([]);
    expect(fieldPath(cluster, 'legacyBackupEnabled')).toEqual(['backupEnabled']);
    expect(fieldPath(cluster, 'encryptionAtRestProvider')).toEqual(['encryptionAtRestProvider']);
    expect(fieldPath(cluster, 'instanceSize')).toEqual(['providerSettings', 'instanceSizeName']);
  });

  it('a resize that repeats providerSettings keeps a multi-region topology untouched', () => {
    const before = orders({ replicationSpecs: multiRegion });
    const { cluster, changed } = applyClusterUpdate(
      before,
      { providerSettings: { providerName: 'AWS', instanceSizeName: 'M40', regionName: 'US_EAST_1' } },
      'legacy',
    );
    expect(changed).toEqual(['instanceSize']);
    expect(cluster.instanceSize).toBe('M40');
    expect(cluster.replicationSpecs).toBe(before.replicationSpecs);
  });

  it('a new regionName moves a single-region cluster, keeping its node layout', () => {
    const before = orders({ replicationSpecs: [{ zoneName: 'Zone 1', numShards: 1, regions: [region('US_EAST_1', 7, 5)] }] });
    const { cluster, changed } = applyClusterUpdate(
      before,
      { providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'EU_WEST_1' } },
      'legacy',
    );
    expect(changed).toContain('replicationSpecs');
    expect(cluster.replicationSpecs).toEqual([{ zoneName: 'Zone 1', numShards: 1, regions: [region('EU_WEST_1', 7, 5)] }]);
    expect(fieldPath(cluster, 'replicationSpecs')).toEqual(['providerSettings', 'regionName']);
  });

  it('a new regionName makes a multi-region cluster single-region in that region', () => {
    const { cluster } = applyClusterUpdate(orders({ replicationSpecs: multiRegion }), { providerSettings: { providerName: 'AWS', regionName: 'EU_WEST_1' } }, 'legacy');
    expect(cluster.replicationSpecs).toEqual([{ zoneName: 'Zone 1', numShards: 1, regions: [region('EU_WEST_1', 7, 3)] }]);
  });

  it('a new cloud moves every region to it', () => {
    const { cluster, changed } = applyClusterUpdate(orders({ replicationSpecs: multiRegion }), { providerSettings: { providerName: 'GCP', instanceSizeName: 'M30' } }, 'legacy');
    expect(changed.sort()).toEqual(['instanceSize', 'replicationSpecs']);
    expect(cluster.replicationSpecs[0]?.regions.map((r) => r.provider)).toEqual(['GCP', 'GCP']);
    expect(fieldPath(cluster, 'replicationSpecs')).toEqual(['providerSettings', 'providerName']);
  });

  it('spec numShards: a top-level numShards reshards a single-zone cluster', () => {
    const { cluster, changed } = applyClusterUpdate(orders(), { clusterType: 'SHARDED', numShards: 3 }, 'legacy');
    expect(changed.sort()).toEqual(['clusterType', 'replicationSpecs']);
    expect(cluster.replicationSpecs[0]?.numShards).toBe(3);
    expect(fieldPath(cluster, 'replicationSpecs')).toEqual(['numShards']);
  });

  it('explicit replicationSpecs replace the topology', () => {
    const { cluster, changed } = applyClusterUpdate(
      orders(),
      { replicationSpecs: [{ zoneName: 'Zone 1', numShards: 1, regionsConfig: { US_EAST_1: { electableNodes: 5, priority: 7 } } }] },
      'legacy',
    );
    expect(changed).toEqual(['replicationSpecs']);
    expect(cluster.replicationSpecs[0]?.regions).toEqual([region('US_EAST_1', 7, 5)]);
    expect(fieldPath(cluster, 'replicationSpecs')).toEqual(['replicationSpecs']);
  });

  it('spec readOnly: id, stateName and the other read-only facts are never taken from a body', () => {
    const { cluster, changed } = applyClusterUpdate(orders(), { stateName: 'DELETING', id: '000000000000000000000000', paused: true }, 'legacy');
    expect(changed).toEqual(['paused']);
    expect(cluster).toMatchObject({ stateName: 'IDLE', id: '6a793f5ac0eb9e7a17714407', paused: true });
  });

  it('S0:65 disabled and pending changes are carried over for the operation to decide', () => {
    const before = orders({ disabled: { reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', since: '2026-11-01T00:00:00Z' }, pendingChanges: { paused: true } });
    const { cluster } = applyClusterUpdate(before, { pitEnabled: true }, 'legacy');
    expect(cluster.disabled).toEqual(before.disabled);
    expect(cluster.pendingChanges).toEqual({ paused: true });
  });

  it('an empty body changes nothing', () => {
    const before = orders();
    const { cluster, changed } = applyClusterUpdate(before, {}, 'legacy');
    expect(changed).toEqual([]);
    expect({ ...cluster, src: undefined }).toEqual({ ...before, src: undefined });
  });
});

describe('applyClusterUpdate (2024-08-05 layout)', () => {
  it('spec: backupEnabled is Cloud Backup and leaves legacy backup alone', () => {
    const { cluster, changed } = applyClusterUpdate(orders({ legacyBackupEnabled: true }), { backupEnabled: true }, '20240805');
    expect(changed).toEqual(['cloudBackupEnabled']);
    expect(cluster).toMatchObject({ cloudBackupEnabled: true, legacyBackupEnabled: true });
    expect(fieldPath(cluster, 'cloudBackupEnabled')).toEqual(['backupEnabled']);
  });

  it('replicationSpecs carry the tier: a resize names replicationSpecs, instanceSize and diskSizeGB', () => {
    const body = {
      replicationSpecs: [
        { zoneName: 'Zone 1', regionConfigs: [{ providerName: 'AWS', regionName: 'US_EAST_1', priority: 7, electableSpecs: { instanceSize: 'M40', nodeCount: 3, diskSizeGB: 80 } }] },
      ],
    };
    const { cluster, changed } = applyClusterUpdate(orders(), body, '20240805');
    expect(changed.sort()).toEqual(['diskSizeGB', 'instanceSize', 'replicationSpecs']);
    expect(cluster).toMatchObject({ instanceSize: 'M40', diskSizeGB: 80 });
    expect(fieldPath(cluster, 'instanceSize')).toEqual(['replicationSpecs', 0, 'regionConfigs', 0, 'electableSpecs', 'instanceSize']);
  });

  it('a region config without a cloud keeps the cluster’s cloud', () => {
    const before = orders({ replicationSpecs: [{ zoneName: 'Zone 1', numShards: 1, regions: [{ ...region('CENTRAL_US', 7, 3), provider: 'GCP' }] }] });
    const { cluster } = applyClusterUpdate(before, { replicationSpecs: [{ regionConfigs: [{ regionName: 'EASTERN_US', priority: 7 }] }] }, '20240805');
    expect(cluster.replicationSpecs[0]?.regions[0]?.provider).toBe('GCP');
  });
});
