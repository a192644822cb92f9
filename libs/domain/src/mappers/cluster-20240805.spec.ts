import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldPath, isMultiCloud, tierClassOf, type Cluster, type RegionPlacement } from '@mock-atlas/model';
import { CLUSTER_20240805_FIELDS, clusterFrom20240805, clusterTo20240805 } from './cluster-20240805';
import { clusterFromAnyLayout, clusterLayoutOf } from './cluster-layout';
import { clusterFromLegacy } from './cluster-legacy';
import { cluster20240805, withoutSrc } from './testing/arbitraries';
import { valueAt } from './testing/body-path';

const aws = (region: string, electableNodes = 3, priority = 7): RegionPlacement => ({
  provider: 'AWS',
  region,
  priority,
  electableNodes,
  readOnlyNodes: 0,
  analyticsNodes: 0,
});

function cluster(overrides: Partial<Cluster>): Cluster {
  return {
    name: 'orders',
    clusterType: 'SHARDED',
    instanceSize: 'M30',
    replicationSpecs: [],
    legacyBackupEnabled: false,
    cloudBackupEnabled: true,
    pitEnabled: false,
    encryptionAtRestProvider: 'NONE',
    paused: false,
    terminationProtectionEnabled: false,
    ...overrides,
  };
}

describe('2024-08-05 layout round trip (ClusterDescription20240805)', () => {
  it('from(to(m)) equals m, multi-cloud included, legacy backup off', () => {
    fc.assert(
      fc.property(cluster20240805, (m) => {
        expect(withoutSrc(clusterFrom20240805(clusterTo20240805(m)))).toEqual(m);
      }),
      { numRuns: 300 },
    );
  });

  it('every mapped field the model sets points at a value in the written body', () => {
    fc.assert(
      fc.property(cluster20240805, (m) => {
        const body = clusterTo20240805(m);
        const read = clusterFrom20240805(body);
        for (const field of Object.keys(CLUSTER_20240805_FIELDS)) {
          if ((m as unknown as Record<string, unknown>)[field] === undefined) continue;
          expect(valueAt(body, fieldPath(read, field)), field).not.toBeUndefined();
        }
      }),
    );
  });
});

describe('clusterTo20240805 / clusterFrom20240805', () => {
  it('spec: a zone of n shards is n consecutive specs, folded back into one zone when read', () => {
    const m = cluster({ replicationSpecs: [{ zoneName: 'Zone 1', numShards: 3, regions: [aws('US_EAST_1')] }] });
    const body = clusterTo20240805(m);
    const specs = body['replicationSpecs'] as { zoneName: string }[];
    expect(specs.map((s) => s.zoneName)).toEqual(['Zone 1', 'Zone 1', 'Zone 1']);
    expect(clusterFrom20240805(body).replicationSpecs).toEqual(m.replicationSpecs);
  });

  it('only neighbouring identical specs fold: A, B, A stays three zones', () => {
    const region = (name: string) => ({ providerName: 'AWS', regionName: name, priority: 7, electableSpecs: { instanceSize: 'M30', nodeCount: 3 } });
    const c = clusterFrom20240805({
      name: 'geo',
      clusterType: 'GEOSHARDED',
      replicationSpecs: [
        { zoneName: 'US', regionConfigs: [region('US_EAST_1')] },
        { zoneName: 'US', regionConfigs: [region('US_EAST_1')] },
        { zoneName: 'EU', regionConfigs: [region('EU_WEST_1')] },
        { zoneName: 'US', regionConfigs: [region('US_EAST_1')] },
      ],
    });
    expect(c.replicationSpecs.map((s) => [s.zoneName, s.numShards])).toEqual([
      ['US', 2],
      ['EU', 1],
      ['US', 1],
    ]);
  });

  it('examples/demo-project.yaml reporting: tier and disk from the first electableSpecs, backupEnabled is Cloud Backup', () => {
    const reporting = {
      name: 'reporting',
      clusterType: 'REPLICASET',
      backupEnabled: true,
      encryptionAtRestProvider: 'AZURE',
      replicationSpecs: [
        {
          zoneName: 'Zone 1',
          regionConfigs: [{ providerName: 'AWS', regionName: 'EU_WEST_1', priority: 7, electableSpecs: { instanceSize: 'M10', nodeCount: 3, diskSizeGB: 20 } }],
        },
      ],
    };
    const c = clusterFrom20240805(reporting, ['clusters', 1]);
    expect(c).toMatchObject({ instanceSize: 'M10', diskSizeGB: 20, cloudBackupEnabled: true, legacyBackupEnabled: false, encryptionAtRestProvider: 'AZURE' });
    expect(c.replicationSpecs).toEqual([{ zoneName: 'Zone 1', numShards: 1, regions: [aws('EU_WEST_1')] }]);
    expect(fieldPath(c, 'instanceSize')).toEqual(['clusters', 1, 'replicationSpecs', 0, 'regionConfigs', 0, 'electableSpecs', 'instanceSize']);
    expect(fieldPath(c, 'cloudBackupEnabled')).toEqual(['clusters', 1, 'backupEnabled']);
    const config = { clusters: [{}, reporting] };
    expect(valueAt(config, fieldPath(c, 'instanceSize'))).toBe('M10');
    expect(valueAt(config, fieldPath(c, 'diskSizeGB'))).toBe(20);
  });

  it('spec TENANT: an M0 region runs on its backingProviderName with Atlas’s three nodes', () => {
    const c = clusterFrom20240805({
      name: 'free',
      replicationSpecs: [
        { regionConfigs: [{ providerName: 'TENANT', backingProviderName: 'GCP', regionName: 'CENTRAL_US', priority: 7, electableSpecs: { instanceSize: 'M0' } }] },
      ],
    });
    expect(tierClassOf(c.instanceSize)).toBe('FREE');
    expect(c.replicationSpecs[0]?.regions).toEqual([
      { provider: 'GCP', region: 'CENTRAL_US', priority: 7, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 },
    ]);
    const written = clusterTo20240805(c);
    expect(valueAt(written, ['replicationSpecs', 0, 'regionConfigs', 0])).toEqual({
      providerName: 'TENANT',
      backingProviderName: 'GCP',
      regionName: 'CENTRAL_US',
      priority: 7,
      electableSpecs: { instanceSize: 'M0' },
    });
  });

  it('FLEX is written as a TENANT region with instanceSize FLEX and read back as FLEX', () => {
    const m = cluster({ clusterType: 'REPLICASET', instanceSize: 'FLEX', replicationSpecs: [{ zoneName: 'Zone 1', numShards: 1, regions: [aws('US_EAST_1')] }] });
    const body = clusterTo20240805(m);
    expect(valueAt(body, ['replicationSpecs', 0, 'regionConfigs', 0, 'providerName'])).toBe('TENANT');
    expect(tierClassOf(clusterFrom20240805(body).instanceSize)).toBe('FLEX');
  });

  it('spec: regions on two clouds make a multi-cloud cluster', () => {
    const c = clusterFrom20240805({
      name: 'mc',
      replicationSpecs: [
        {
          regionConfigs: [
            { providerName: 'AWS', regionName: 'US_EAST_1', priority: 7, electableSpecs: { instanceSize: 'M30', nodeCount: 2 } },
            { providerName: 'GCP', regionName: 'CENTRAL_US', priority: 6, electableSpecs: { instanceSize: 'M30', nodeCount: 1 } },
          ],
        },
      ],
    });
    expect(isMultiCloud(c)).toBe(true);
  });

  it('D v2 has no legacy backup: legacyBackupEnabled is not written and reads as false', () => {
    const m = cluster({ legacyBackupEnabled: true, replicationSpecs: [{ zoneName: 'Zone 1', numShards: 1, regions: [aws('US_EAST_1')] }] });
    const body = clusterTo20240805(m);
    expect(body).not.toHaveProperty('legacyBackupEnabled');
    expect(body['backupEnabled']).toBe(true);
    expect(clusterFrom20240805(body).legacyBackupEnabled).toBe(false);
  });

  it('odd input gets Atlas defaults and never throws', () => {
    const c = clusterFrom20240805({ replicationSpecs: [{ regionConfigs: [null, { providerName: 'MARS' }] }, 'x'] });
    expect(c).toMatchObject({ instanceSize: 'M10', clusterType: 'REPLICASET', cloudBackupEnabled: false });
    expect(c.replicationSpecs[0]?.regions[0]).toMatchObject({ provider: 'AWS', region: '', electableNodes: 3, priority: 7 });
  });
});

describe('clusterFromAnyLayout', () => {
  it('PRODUCT.md: a config cluster with regionConfigs is 2024-08-05, anything else legacy', () => {
    const v2 = { name: 'b', replicationSpecs: [{ regionConfigs: [{ providerName: 'AWS', regionName: 'US_EAST_1', electableSpecs: { instanceSize: 'M30' } }] }] };
    const v1 = { name: 'a', providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' } };
    const v1Specs = { name: 'c', replicationSpecs: [{ regionsConfig: { US_EAST_1: { electableNodes: 3, priority: 7 } } }] };
    expect([clusterLayoutOf(v2), clusterLayoutOf(v1), clusterLayoutOf(v1Specs)]).toEqual(['20240805', 'legacy', 'legacy']);
    expect(clusterFromAnyLayout(v2, ['clusters', 1])).toEqual(clusterFrom20240805(v2, ['clusters', 1]));
    expect(clusterFromAnyLayout(v1, ['clusters', 0])).toEqual(clusterFromLegacy(v1, ['clusters', 0]));
  });
});
