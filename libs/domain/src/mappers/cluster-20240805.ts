// The 2024-08-05 cluster layout (`ClusterDescription20240805`, also served for
// 2024-10-23). Every region names its own cloud, so multi-cloud clusters are expressible;
// the tier lives in each region's hardware specs; and a sharded zone is written as one
// replication spec per shard, which the model folds back into `numShards`.
import {
  isCloudProvider,
  tierClassOf,
  type CloudProvider,
  type Cluster,
  type Path,
  type RegionPlacement,
  type ReplicationSpec,
} from '@mock-atlas/model';
import {
  DEFAULT_CLOUD,
  DEFAULT_ZONE_NAME,
  assembleCluster,
  placementOf,
  readSharedFields,
  sameRegions,
  writeSharedFields,
  type ClusterReading,
} from './cluster-common';
import { asArray, asBoolean, asNumber, asRecord, asString, type Body } from './read';

const FIRST_ELECTABLE: Path = ['replicationSpecs', 0, 'regionConfigs', 0, 'electableSpecs'];

/**
 * Where each model field lives in a 2024-08-05 body. `legacyBackupEnabled` has no home:
 * v2 `backupEnabled` is Cloud Backup, and legacy backup cannot be asked for.
 */
export const CLUSTER_20240805_FIELDS: Readonly<Record<string, Path>> = {
  name: ['name'],
  clusterType: ['clusterType'],
  instanceSize: [...FIRST_ELECTABLE, 'instanceSize'],
  diskSizeGB: [...FIRST_ELECTABLE, 'diskSizeGB'],
  replicationSpecs: ['replicationSpecs'],
  mongoDBMajorVersion: ['mongoDBMajorVersion'],
  cloudBackupEnabled: ['backupEnabled'],
  pitEnabled: ['pitEnabled'],
  encryptionAtRestProvider: ['encryptionAtRestProvider'],
  paused: ['paused'],
  terminationProtectionEnabled: ['terminationProtectionEnabled'],
};

/** A region config's cloud: its own providerName, or the backing cloud of a TENANT region. */
function cloudOfRegion(rc: Body, fallback: CloudProvider): CloudProvider {
  const providerName = rc['providerName'];
  if (isCloudProvider(providerName)) return providerName;
  const backing = rc['backingProviderName'];
  return isCloudProvider(backing) ? backing : fallback;
}

function nodeCountOf(spec: unknown): number | undefined {
  return asNumber(asRecord(spec)?.['nodeCount']);
}

function regionsOf(spec: Body, fallback: CloudProvider): RegionPlacement[] {
  const configs = (asArray(spec['regionConfigs']) ?? []).flatMap((item) => {
    const rc = asRecord(item);
    return rc ? [rc] : [];
  });
  return configs.map((rc) =>
    placementOf(
      cloudOfRegion(rc, fallback),
      asString(rc['regionName']) ?? '',
      {
        priority: asNumber(rc['priority']),
        electableNodes: nodeCountOf(rc['electableSpecs']),
        readOnlyNodes: nodeCountOf(rc['readOnlySpecs']),
        analyticsNodes: nodeCountOf(rc['analyticsSpecs']),
      },
      configs.length === 1,
    ),
  );
}

/** Consecutive per-shard specs with the same zone and regions become one zone with that many shards. */
function foldShards(perShard: readonly Omit<ReplicationSpec, 'numShards'>[]): ReplicationSpec[] {
  const zones: ReplicationSpec[] = [];
  for (const shard of perShard) {
    const last = zones[zones.length - 1];
    if (last && last.zoneName === shard.zoneName && sameRegions(last.regions, shard.regions)) {
      zones[zones.length - 1] = { ...last, numShards: last.numShards + 1 };
    } else {
      zones.push({ zoneName: shard.zoneName, numShards: 1, regions: shard.regions });
    }
  }
  return zones;
}

/** A 2024-08-05 body read into the model: only the fields it sets, with their paths. */
export function read20240805(body: Body, fallbackCloud: CloudProvider): ClusterReading {
  const reading: ClusterReading = { values: {}, fields: {} };
  readSharedFields(body, reading);
  const values = reading.values as Record<string, unknown>;
  const { fields } = reading;

  const backup = asBoolean(body['backupEnabled']);
  if (backup !== undefined) {
    values['cloudBackupEnabled'] = backup;
    fields['cloudBackupEnabled'] = ['backupEnabled'];
  }

  const list = asArray(body['replicationSpecs']);
  if (list) {
    const perShard = list.flatMap((item) => {
      const spec = asRecord(item);
      return spec ? [{ zoneName: asString(spec['zoneName']) ?? DEFAULT_ZONE_NAME, regions: regionsOf(spec, fallbackCloud) }] : [];
    });
    values['replicationSpecs'] = foldShards(perShard);
    fields['replicationSpecs'] = ['replicationSpecs'];

    const firstConfig = asRecord(asArray(asRecord(list[0])?.['regionConfigs'])?.[0]);
    const electable = asRecord(firstConfig?.['electableSpecs']);
    const instanceSize = asString(electable?.['instanceSize']);
    if (instanceSize !== undefined) {
      values['instanceSize'] = instanceSize;
      fields['instanceSize'] = [...FIRST_ELECTABLE, 'instanceSize'];
    }
    const diskSizeGB = asNumber(electable?.['diskSizeGB']);
    if (diskSizeGB !== undefined) {
      values['diskSizeGB'] = diskSizeGB;
      fields['diskSizeGB'] = [...FIRST_ELECTABLE, 'diskSizeGB'];
    }
  }
  return reading;
}

/**
 * A 2024-08-05 / 2024-10-23 body (`ClusterDescription20240805`) as a model cluster.
 * `backupEnabled` is Cloud Backup, so `legacyBackupEnabled` is always false; the tier and
 * disk size are the first region's `electableSpecs`; TENANT regions run on their
 * `backingProviderName`; per-shard specs are folded into zones; a region without
 * `regionName` is ''. Missing fields get
 * CLUSTER_DEFAULTS; a lone region without node counts gets 3 electable nodes at priority 7.
 * @example clusterFrom20240805(body, ['clusters', 1]).src.fields.instanceSize
 *   // → ['replicationSpecs', 0, 'regionConfigs', 0, 'electableSpecs', 'instanceSize']
 */
export function clusterFrom20240805(body: Readonly<Record<string, unknown>>, base: Path = []): Cluster {
  return assembleCluster(read20240805(body, DEFAULT_CLOUD), CLUSTER_20240805_FIELDS, base);
}

/**
 * A model cluster in the 2024-08-05 layout: one replication spec per shard, every region
 * with electable, read-only and analytics specs carrying the tier and disk size. Shared,
 * FLEX and serverless tiers are written as TENANT regions with `backingProviderName` and
 * electable specs only (no node counts: Atlas fixes them). `legacyBackupEnabled` is not
 * expressible and is dropped.
 */
export function clusterTo20240805(c: Cluster): Record<string, unknown> {
  const dedicated = tierClassOf(c.instanceSize) === 'DEDICATED';
  const disk = c.diskSizeGB === undefined ? {} : { diskSizeGB: c.diskSizeGB };
  const hardware = (nodeCount: number): Record<string, unknown> => ({ instanceSize: c.instanceSize, nodeCount, ...disk });
  const regionConfig = (r: RegionPlacement): Record<string, unknown> =>
    dedicated
      ? {
          providerName: r.provider,
          regionName: r.region,
          priority: r.priority,
          electableSpecs: hardware(r.electableNodes),
          readOnlySpecs: hardware(r.readOnlyNodes),
          analyticsSpecs: hardware(r.analyticsNodes),
        }
      : {
          providerName: 'TENANT',
          backingProviderName: r.provider,
          regionName: r.region,
          priority: r.priority,
          electableSpecs: { instanceSize: c.instanceSize, ...disk },
        };
  // Fresh objects per shard, so that a caller editing one shard's spec does not edit them all.
  const replicationSpecs = c.replicationSpecs.flatMap((spec) =>
    Array.from({ length: Math.max(1, Math.trunc(spec.numShards)) }, () => ({
      zoneName: spec.zoneName,
      regionConfigs: spec.regions.map(regionConfig),
    })),
  );
  return { ...writeSharedFields(c), backupEnabled: c.cloudBackupEnabled, replicationSpecs };
}
