import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldPath, isMultiCloud, tierClassOf, type Cluster } from '@mock-atlas/model';
import { clusterFromLegacy, clusterToLegacy, LEGACY_CLUSTER_FIELDS } from './cluster-legacy';
import { legacyCluster, withoutSrc } from './testing/arbitraries';
import { valueAt } from './testing/body-path';

describe('legacy layout round trip (v1.0, 2023-01-01 LegacyAtlasCluster)', () => {
  it('from(to(m)) equals m for single-cloud clusters of every tier', () => {
    fc.assert(
      fc.property(legacyCluster, (m) => {
        expect(withoutSrc(clusterFromLegacy(clusterToLegacy(m)))).toEqual(m);
      }),
      { numRuns: 300 },
    );
  });

  it('every mapped field the model sets points at a value in the written body', () => {
    fc.assert(
      fc.property(legacyCluster, (m) => {
        const body = clusterToLegacy(m);
        const read = clusterFromLegacy(body);
        for (const field of Object.keys(LEGACY_CLUSTER_FIELDS)) {
          if ((m as unknown as Record<string, unknown>)[field] === undefined) continue;
          expect(valueAt(body, fieldPath(read, field)), field).not.toBeUndefined();
        }
      }),
    );
  });
});

describe('clusterFromLegacy', () => {
  // PRODUCT.md "The project config": the `orders` cluster of the example.
  const orders = {
    name: 'orders',
    providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' },
    encryptionAtRestProvider: 'AWS',
    providerBackupEnabled: true,
  };

  it('PRODUCT.md orders: a region-only body becomes one "Zone 1" with 3 electable nodes at priority 7', () => {
    const c = clusterFromLegacy(orders, ['clusters', 0]);
    expect(c).toMatchObject({
      name: 'orders',
      instanceSize: 'M30',
      encryptionAtRestProvider: 'AWS',
      cloudBackupEnabled: true,
      legacyBackupEnabled: false,
      pitEnabled: false,
      clusterType: 'REPLICASET',
      replicationSpecs: [
        { zoneName: 'Zone 1', numShards: 1, regions: [{ provider: 'AWS', region: 'US_EAST_1', priority: 7, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 }] },
      ],
    });
  });

  it('src maps model fields to where the body spells them, under the base', () => {
    const c = clusterFromLegacy(orders, ['clusters', 0]);
    expect(fieldPath(c, 'instanceSize')).toEqual(['clusters', 0, 'providerSettings', 'instanceSizeName']);
    expect(fieldPath(c, 'cloudBackupEnabled')).toEqual(['clusters', 0, 'providerBackupEnabled']);
    expect(fieldPath(c, 'legacyBackupEnabled')).toEqual(['clusters', 0, 'backupEnabled']);
    expect(fieldPath(c, 'replicationSpecs')).toEqual(['clusters', 0, 'providerSettings', 'regionName']);
    expect(fieldPath(c, 'encryptionAtRestProvider')).toEqual(['clusters', 0, 'encryptionAtRestProvider']);
    const config = { clusters: [orders] };
    expect(valueAt(config, fieldPath(c, 'instanceSize'))).toBe('M30');
    expect(valueAt(config, fieldPath(c, 'cloudBackupEnabled'))).toBe(true);
  });

  it('spec: backupEnabled is legacy backup and providerBackupEnabled is Cloud Backup in v1.0', () => {
    const c = clusterFromLegacy({ ...orders, backupEnabled: true, providerBackupEnabled: false });
    expect([c.legacyBackupEnabled, c.cloudBackupEnabled]).toEqual([true, false]);
  });

  it('spec TENANT: an M0 runs on its backingProviderName and is the FREE tier', () => {
    const body = { name: 'free', providerSettings: { providerName: 'TENANT', backingProviderName: 'GCP', instanceSizeName: 'M0', regionName: 'CENTRAL_US' } };
    const c = clusterFromLegacy(body);
    expect(c.instanceSize).toBe('M0');
    expect(tierClassOf(c.instanceSize)).toBe('FREE');
    expect(c.replicationSpecs[0]?.regions[0]).toMatchObject({ provider: 'GCP', region: 'CENTRAL_US' });
    expect(clusterToLegacy(c)['providerSettings']).toEqual(body.providerSettings);
  });

  it('spec FLEX: providerName FLEX implies instanceSize FLEX, pointed at providerName', () => {
    const c = clusterFromLegacy({ name: 'flex', providerSettings: { providerName: 'FLEX', backingProviderName: 'AZURE', regionName: 'US_EAST_2' } });
    expect(c.instanceSize).toBe('FLEX');
    expect(tierClassOf(c.instanceSize)).toBe('FLEX');
    expect(fieldPath(c, 'instanceSize')).toEqual(['providerSettings', 'providerName']);
    expect(c.replicationSpecs[0]?.regions[0]?.provider).toBe('AZURE');
  });

  it('spec numShards: a region-only body takes the top-level numShards', () => {
    const c = clusterFromLegacy({ ...orders, clusterType: 'SHARDED', numShards: 3 });
    expect(c.replicationSpecs).toHaveLength(1);
    expect(c.replicationSpecs[0]?.numShards).toBe(3);
  });

  it('spec LegacyReplicationSpec: regionsConfig keys become regions on the providerSettings cloud', () => {
    const c = clusterFromLegacy({
      name: 'multi',
      providerSettings: { providerName: 'AZURE', instanceSizeName: 'M30', regionName: 'US_EAST_2' },
      replicationSpecs: [
        {
          id: '5e2211c17a3e5a48f5497de4',
          numShards: 1,
          zoneName: 'Zone 1',
          regionsConfig: {
            US_EAST_2: { electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0, priority: 7 },
            EUROPE_WEST: { readOnlyNodes: 2 },
          },
        },
      ],
    });
    expect(c.replicationSpecs[0]?.regions).toEqual([
      { provider: 'AZURE', region: 'US_EAST_2', priority: 7, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 },
      { provider: 'AZURE', region: 'EUROPE_WEST', priority: 0, electableNodes: 0, readOnlyNodes: 2, analyticsNodes: 0 },
    ]);
    expect(fieldPath(c, 'replicationSpecs')).toEqual(['replicationSpecs']);
  });

  it('v1.0 replicationSpec (single-zone map) is read as one zone', () => {
    const c = clusterFromLegacy({
      name: 'old',
      numShards: 2,
      providerSettings: { providerName: 'GCP', instanceSizeName: 'M10' },
      replicationSpec: { CENTRAL_US: { electableNodes: 3, priority: 7 } },
    });
    expect(c.replicationSpecs).toEqual([
      { zoneName: 'Zone 1', numShards: 2, regions: [{ provider: 'GCP', region: 'CENTRAL_US', priority: 7, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 }] },
    ]);
    expect(fieldPath(c, 'replicationSpecs')).toEqual(['replicationSpec']);
  });

  it('odd input gets Atlas defaults and never throws', () => {
    const c = clusterFromLegacy({ providerSettings: 'AWS', replicationSpecs: [null, 5, { regionsConfig: [] }], paused: 'yes' });
    expect(c).toMatchObject({ name: '', instanceSize: 'M10', clusterType: 'REPLICASET', paused: false, encryptionAtRestProvider: 'NONE' });
    // A zone without regions places nothing, so there is no zone at all.
    expect(c.replicationSpecs).toEqual([]);
    expect(clusterFromLegacy({}).replicationSpecs).toEqual([]);
  });

  // Found by the request fuzzer: `replicationSpecs: []` left an Azure cluster without a region, reported as AWS.
  it('zones that place nothing (replicationSpecs [], replicationSpec {}) leave providerSettings.regionName in charge', () => {
    const providerSettings = { providerName: 'AZURE', instanceSizeName: 'M30', regionName: 'US_EAST_2' };
    const single = [{ provider: 'AZURE', region: 'US_EAST_2', priority: 7, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 }];
    for (const zones of [{ replicationSpecs: [] }, { replicationSpec: {} }, { replicationSpecs: [{ zoneName: 'empty', regionsConfig: {} }] }]) {
      const c = clusterFromLegacy({ name: 'a', providerSettings, ...zones });
      expect(c.replicationSpecs, JSON.stringify(zones)).toEqual([{ zoneName: 'Zone 1', numShards: 1, regions: single }]);
    }
    // An empty list does not hide the single-zone map beside it.
    const both = clusterFromLegacy({ name: 'a', providerSettings: { providerName: 'AZURE', instanceSizeName: 'M90' }, replicationSpecs: [], replicationSpec: { US_EAST_2: {} } });
    expect(both.replicationSpecs.flatMap((s) => s.regions.map((r) => r.region))).toEqual(['US_EAST_2']);
  });
});

describe('clusterToLegacy', () => {
  it('D the legacy layout cannot express multi-cloud: every region lands on the primary cloud', () => {
    const multi: Cluster = {
      ...clusterFromLegacy({ name: 'mc', providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' } }),
      replicationSpecs: [
        {
          zoneName: 'Zone 1',
          numShards: 1,
          regions: [
            { provider: 'AWS', region: 'US_EAST_1', priority: 7, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 },
            { provider: 'GCP', region: 'CENTRAL_US', priority: 6, electableNodes: 2, readOnlyNodes: 0, analyticsNodes: 0 },
          ],
        },
      ],
    };
    expect(isMultiCloud(multi)).toBe(true);
    const body = clusterToLegacy(multi);
    expect(body['providerSettings']).toEqual({ providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' });
    expect(isMultiCloud(clusterFromLegacy(body))).toBe(false);
  });

  it('writes the v1.0 field names, numShards of the first zone and the regionsConfig map', () => {
    const c = clusterFromLegacy({
      name: 'orders',
      clusterType: 'SHARDED',
      numShards: 2,
      diskSizeGB: 80,
      backupEnabled: false,
      providerBackupEnabled: true,
      pitEnabled: true,
      providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' },
    });
    expect(clusterToLegacy(c)).toEqual({
      name: 'orders',
      clusterType: 'SHARDED',
      pitEnabled: true,
      encryptionAtRestProvider: 'NONE',
      paused: false,
      terminationProtectionEnabled: false,
      providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' },
      backupEnabled: false,
      providerBackupEnabled: true,
      numShards: 2,
      diskSizeGB: 80,
      replicationSpecs: [
        { numShards: 2, zoneName: 'Zone 1', regionsConfig: { US_EAST_1: { analyticsNodes: 0, electableNodes: 3, priority: 7, readOnlyNodes: 0 } } },
      ],
    });
  });
});
