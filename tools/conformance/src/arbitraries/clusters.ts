// Random clusters in both request layouts: dedicated tiers and M0/M2/M5/FLEX, single-cloud and
// multi-cloud, with or without a customer key, with legacy and/or Cloud Backup.
import fc from 'fast-check';
import { CLOUD_PROVIDERS, type CloudProvider } from '@mock-atlas/model';
import { SHRINK_TO_FIRST, compact, maybe, mostly } from './choice';
import { REGIONS } from './pools';

type Doc = Record<string, unknown>;

const cloud = fc.constantFrom<CloudProvider>(...CLOUD_PROVIDERS);

/**
 * Which key provider the cluster asks for: one the file enables (resolved when the config is
 * assembled), none, or any provider, enabled or not (cluster/ear-provider-enabled).
 */
export type ProviderIntent = 'enabled' | 'NONE' | 'absent' | CloudProvider;

const providerIntent: fc.Arbitrary<ProviderIntent> = fc.oneof(
  SHRINK_TO_FIRST,
  { arbitrary: fc.constant('enabled' as const), weight: 10 },
  { arbitrary: fc.constantFrom('NONE' as const, 'absent' as const), weight: 8 },
  { arbitrary: cloud, weight: 1 },
);

/** True now and then (weight 1 against `weight`), else false or left out. */
const rarely = (weight: number) => mostly(fc.constantFrom(undefined, false), fc.constant(true), weight);
/** True mostly, else false or left out. */
const usually = (weight: number) => mostly(fc.constant(true), fc.constantFrom(false, undefined), weight);

/** What both layouts share: continuous backup, pausing. */
const common = fc.record({ pitEnabled: usually(3), paused: rarely(25) });

/** v1.0 `providerSettings`: a dedicated tier on one cloud, or now and then a shared tier (TENANT) or FLEX. */
const providerSettings = mostly(
  fc
    .record({ cloud, size: fc.constantFrom('M10', 'M30'), region: fc.nat(1) })
    .map(({ cloud: p, size, region }) => ({ providerName: p, instanceSizeName: size, regionName: REGIONS[p][region] })),
  fc.oneof(
    SHRINK_TO_FIRST,
    fc
      .record({ backing: cloud, size: fc.constantFrom('M0', 'M2', 'M5') })
      .map(({ backing, size }) => ({ providerName: 'TENANT', backingProviderName: backing, instanceSizeName: size, regionName: REGIONS[backing][0] })),
    cloud.map((backing) => ({ providerName: 'FLEX', backingProviderName: backing, instanceSizeName: 'FLEX', regionName: REGIONS[backing][0] })),
  ),
  8,
);

/** A v1.0 (LegacyAtlasCluster) body: `backupEnabled` is Legacy Backup, `providerBackupEnabled` Cloud Backup. */
const legacyCluster = fc
  .record({ providerSettings: maybe(providerSettings, 30), backupEnabled: rarely(10), providerBackupEnabled: usually(3), common })
  .map(({ common: shared, ...cluster }) => compact({ ...cluster, ...shared }));

/** One regionConfig of a 2024-08-05 body. */
function regionConfig(provider: CloudProvider, priority: number, size: string): Doc {
  return { providerName: provider, regionName: REGIONS[provider][0], priority, electableSpecs: { instanceSize: size, nodeCount: 3 } };
}

/** 2024-08-05 `replicationSpecs`: one cloud, or now and then two clouds (multi-cloud) or a shared tier. */
const replicationSpecs = mostly(
  fc.record({ p: cloud, size: fc.constantFrom('M10', 'M30') }).map(({ p, size }) => [regionConfig(p, 7, size)]),
  fc.oneof(
    SHRINK_TO_FIRST,
    {
      arbitrary: fc
        .record({ first: cloud, second: cloud, size: fc.constantFrom('M10', 'M30') })
        .map(({ first, second, size }) => [regionConfig(first, 7, size), regionConfig(second, 6, size)]),
      weight: 2,
    },
    {
      arbitrary: fc
        .record({ backing: cloud, size: fc.constantFrom('M0', 'M5') })
        .map(({ backing, size }) => [
          { providerName: 'TENANT', backingProviderName: backing, regionName: REGIONS[backing][0], priority: 7, electableSpecs: { instanceSize: size } },
        ]),
      weight: 1,
    },
  ),
  3,
).map((regionConfigs) => [{ zoneName: 'Zone 1', regionConfigs }]);

/** A 2024-08-05 (ClusterDescription20240805) body: `backupEnabled` is Cloud Backup. */
const v2Cluster = fc
  .record({ replicationSpecs, backupEnabled: usually(3), common })
  .map(({ common: shared, ...cluster }) => compact({ clusterType: 'REPLICASET', ...cluster, ...shared }));

/**
 * A cluster without its name and key provider (the assembly adds both). Now and then a v1.0 body
 * leaves `providerSettings` out, which the API and the config schema both refuse (MISSING_ATTRIBUTE).
 */
export const clusterDrawArb = fc.record({ body: fc.oneof(SHRINK_TO_FIRST, legacyCluster, v2Cluster), provider: providerIntent });
