// fast-check generators of model entities for the mappers' round-trip properties.
import fc from 'fast-check';
import {
  CLOUD_PROVIDERS,
  CLUSTER_STATES,
  CLUSTER_TYPES,
  DELIVERY_TYPES,
  EAR_PROVIDER_NAMES,
  SNAPSHOT_STATUSES,
  type BackupSchedule,
  type CloudProvider,
  type Cluster,
  type EarProviderState,
  type EncryptionAtRest,
  type RegionPlacement,
  type ReplicationSpec,
  type RestoreJob,
  type Snapshot,
  type SnapshotKey,
} from '@mock-atlas/model';

const REGIONS: Record<CloudProvider, readonly string[]> = {
  AWS: ['US_EAST_1', 'US_WEST_2', 'EU_WEST_1', 'AP_SOUTH_1', 'SA_EAST_1'],
  AZURE: ['US_EAST_2', 'EUROPE_WEST', 'ASIA_EAST', 'UK_SOUTH'],
  GCP: ['CENTRAL_US', 'WESTERN_EUROPE', 'EASTERN_US', 'ASIA_EAST_2'],
};

export const DEDICATED_SIZES = ['M10', 'M30', 'M60', 'R40', 'M40_NVME', 'M30_GEN_2'] as const;
export const NON_DEDICATED_SIZES = ['M0', 'M2', 'M5', 'FLEX'] as const;

export const hex24 = fc.stringMatching(/^[a-f0-9]{24}$/);
export const clusterName = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,15}$/);
const isoDate = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
const cloud = fc.constantFrom(...CLOUD_PROVIDERS);
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/** A region with the node counts Atlas allows (electable 0/3/5/7, priority 0–7). */
function placement(provider: CloudProvider, region: string): fc.Arbitrary<RegionPlacement> {
  return fc.record({
    provider: fc.constant(provider),
    region: fc.constant(region),
    priority: fc.integer({ min: 0, max: 7 }),
    electableNodes: fc.constantFrom(0, 3, 5, 7),
    readOnlyNodes: fc.integer({ min: 0, max: 3 }),
    analyticsNodes: fc.integer({ min: 0, max: 3 }),
  });
}

/** Regions of one zone; `clouds` lists the clouds they may be on (one for single-cloud). */
function regions(clouds: readonly CloudProvider[]): fc.Arbitrary<RegionPlacement[]> {
  const candidates = clouds.flatMap((c) => REGIONS[c].map((r) => [c, r] as const));
  return fc
    .uniqueArray(fc.constantFrom(...candidates), { minLength: 1, maxLength: 3, selector: ([, r]) => r })
    .chain((picked) => fc.tuple(...picked.map(([c, r]) => placement(c, r))));
}

/** Zones with distinct names (so that per-shard specs of neighbouring zones never fold together). */
function zones(clouds: readonly CloudProvider[]): fc.Arbitrary<ReplicationSpec[]> {
  return fc
    .uniqueArray(fc.constantFrom('Zone 1', 'Zone 2', 'EU', 'US', 'Asia'), { minLength: 1, maxLength: 3 })
    .chain((names) =>
      fc.tuple(...names.map((zoneName) => fc.record({ zoneName: fc.constant(zoneName), numShards: fc.integer({ min: 1, max: 4 }), regions: regions(clouds) }))),
    );
}

/** The one layout Atlas gives shared tiers: one zone, one region, a three-node replica set. */
function tenantZones(clouds: readonly CloudProvider[]): fc.Arbitrary<ReplicationSpec[]> {
  return fc
    .record({ c: fc.constantFrom(...clouds), priority: fc.integer({ min: 0, max: 7 }) })
    .chain(({ c, priority }) =>
      fc.constantFrom(...REGIONS[c]).map((region) => [
        { zoneName: 'Zone 1', numShards: 1, regions: [{ provider: c, region, priority, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 }] },
      ]),
    );
}

function clusterWith(instanceSize: fc.Arbitrary<string>, specs: fc.Arbitrary<ReplicationSpec[]>, legacyBackup: fc.Arbitrary<boolean>): fc.Arbitrary<Cluster> {
  return fc.record({
    name: clusterName,
    clusterType: fc.constantFrom(...CLUSTER_TYPES),
    instanceSize,
    diskSizeGB: optional(fc.integer({ min: 10, max: 4096 })),
    replicationSpecs: specs,
    mongoDBMajorVersion: optional(fc.constantFrom('7.0', '8.0')),
    legacyBackupEnabled: legacyBackup,
    cloudBackupEnabled: fc.boolean(),
    pitEnabled: fc.boolean(),
    encryptionAtRestProvider: fc.constantFrom(...EAR_PROVIDER_NAMES),
    paused: fc.boolean(),
    terminationProtectionEnabled: fc.boolean(),
    id: optional(hex24),
    groupId: optional(hex24),
    stateName: optional(fc.constantFrom(...CLUSTER_STATES)),
    mongoDBVersion: optional(fc.constantFrom('7.0.12', '8.0.29')),
    createDate: optional(isoDate),
  });
}

/** Single-cloud clusters of any tier: what the legacy layout can hold. */
export const legacyCluster: fc.Arbitrary<Cluster> = cloud.chain((c) =>
  clusterWith(fc.constantFrom(...DEDICATED_SIZES, ...NON_DEDICATED_SIZES), zones([c]), fc.boolean()),
);

/**
 * Clusters the 2024-08-05 layout can hold: dedicated tiers across clouds, shared tiers in
 * their fixed single-region layout, and never legacy backup.
 */
export const cluster20240805: fc.Arbitrary<Cluster> = fc.oneof(
  clusterWith(fc.constantFrom(...DEDICATED_SIZES), zones(CLOUD_PROVIDERS), fc.constant(false)),
  clusterWith(fc.constantFrom(...NON_DEDICATED_SIZES), tenantZones(CLOUD_PROVIDERS), fc.constant(false)),
);

/**
 * The readable (non-secret) settings of each provider per version, written out from the spec's
 * schemas rather than read from the mapper: the round trip must notice the mapper dropping one.
 */
export const READABLE_SETTINGS: Record<'v1.0' | '2023-01-01', Record<CloudProvider, readonly string[]>> = {
  'v1.0': {
    AWS: ['accessKeyID', 'customerMasterKeyID', 'region', 'roleId'],
    AZURE: ['azureEnvironment', 'clientID', 'keyIdentifier', 'keyVaultName', 'resourceGroupName', 'subscriptionID', 'tenantID'],
    GCP: ['keyVersionResourceID'],
  },
  '2023-01-01': {
    AWS: ['accessKeyID', 'customerMasterKeyID', 'region', 'requirePrivateNetworking'],
    AZURE: [
      'azureEnvironment', 'clientID', 'keyIdentifier', 'keyVaultName', 'requirePrivateNetworking', 'resourceGroupName',
      'roleId', 'subscriptionID', 'tenantID',
    ],
    GCP: ['keyVersionResourceID', 'roleId'],
  },
};

function providerState(fields: readonly string[]): fc.Arbitrary<EarProviderState> {
  const settings = fc.record(
    Object.fromEntries(fields.map((f) => [f, f === 'requirePrivateNetworking' ? fc.boolean() : fc.string({ minLength: 1, maxLength: 12 })])),
    { requiredKeys: [] },
  ) as fc.Arbitrary<EarProviderState['settings']>;
  return fc.record({ enabled: fc.boolean(), valid: fc.boolean(), settings });
}

/** Project EAR configurations without secrets, holding only what `version` can show. */
export function encryptionAtRest(version: 'v1.0' | '2023-01-01'): fc.Arbitrary<EncryptionAtRest> {
  const fields = (provider: CloudProvider) => providerState(READABLE_SETTINGS[version][provider]);
  return fc.record(
    {
      providers: fc.record({ AWS: fields('AWS'), AZURE: fields('AZURE'), GCP: fields('GCP') }),
      enabledForSearchNodes: version === 'v1.0' ? fc.constant(undefined) : optional(fc.boolean()),
    },
    { requiredKeys: ['providers'] },
  );
}

export const snapshotKey: fc.Arbitrary<SnapshotKey> = fc.record(
  { provider: cloud, keyId: fc.string({ minLength: 1, maxLength: 20 }), masterKeyUUID: fc.uuid() },
  { requiredKeys: ['provider', 'keyId'] },
);

export const snapshot: fc.Arbitrary<Snapshot> = fc.record(
  {
    id: hex24,
    clusterName,
    createdAt: isoDate,
    status: fc.constantFrom(...SNAPSHOT_STATUSES),
    snapshotType: fc.constantFrom('onDemand', 'scheduled', 'fallback'),
    description: fc.string({ maxLength: 20 }),
    expiresAt: isoDate,
    encryptionKey: snapshotKey,
  },
  { requiredKeys: ['id', 'clusterName', 'createdAt', 'status', 'snapshotType'] },
);

/** Restore jobs as a client may send them: targets only where the delivery type uses one. */
export const restoreJob: fc.Arbitrary<RestoreJob> = fc
  .record(
    {
      id: hex24,
      clusterName,
      snapshotId: hex24,
      deliveryType: fc.constantFrom(...DELIVERY_TYPES),
      targetClusterName: clusterName,
      targetGroupId: hex24,
      pointInTimeUTCSeconds: fc.integer({ min: 1199145600, max: 2000000000 }),
      oplogTs: fc.integer({ min: 1199145600, max: 2000000000 }),
      oplogInc: fc.integer({ min: 1, max: 100 }),
      createdAt: isoDate,
    },
    { requiredKeys: ['clusterName'] },
  )
  .map((job) => {
    if (job.deliveryType === 'automated' || job.deliveryType === 'pointInTime') return job;
    const { targetClusterName: _name, targetGroupId: _group, ...rest } = job;
    return rest;
  });

const policyItem = fc.record(
  {
    id: hex24,
    frequencyType: fc.constantFrom('hourly', 'daily', 'weekly', 'monthly', 'yearly', 'ondemand'),
    frequencyInterval: fc.integer({ min: 1, max: 40 }),
    retentionUnit: fc.constantFrom('days', 'weeks', 'months', 'years'),
    retentionValue: fc.integer({ min: 1, max: 365 }),
  },
  { requiredKeys: [] },
);

export const backupSchedule: fc.Arbitrary<BackupSchedule> = fc.record(
  {
    clusterName,
    referenceHourOfDay: fc.integer({ min: 0, max: 23 }),
    referenceMinuteOfHour: fc.integer({ min: 0, max: 59 }),
    restoreWindowDays: fc.integer({ min: 1, max: 30 }),
    policies: fc.array(
      fc.record({ id: hex24, policyItems: fc.array(policyItem, { maxLength: 5 }) }, { requiredKeys: ['policyItems'] }),
      { maxLength: 1 },
    ),
  },
  { requiredKeys: ['clusterName', 'policies'] },
);

/** The entity without its source map, for round-trip comparisons. */
export function withoutSrc<T extends { readonly src?: unknown }>(entity: T): Omit<T, 'src'> {
  const { src: _src, ...rest } = entity;
  return rest;
}
