// The legacy cluster layout: v1.0 bodies and v2 2023-01-01 `LegacyAtlasCluster`.
// One `providerSettings` names the cloud, tier and (first) region for the whole cluster,
// and `replicationSpecs[].regionsConfig` is keyed by region name alone, so this layout
// cannot express a multi-cloud cluster: every region is on the providerSettings cloud.
import {
  isCloudProvider,
  primaryCloudOf,
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
  sameReplicationSpecs,
  writeSharedFields,
  type ClusterReading,
} from './cluster-common';
import { asArray, asBoolean, asNumber, asRecord, asString, type Body } from './read';

/** Where each model field lives in a legacy body (fields not listed keep their own name). */
export const LEGACY_CLUSTER_FIELDS: Readonly<Record<string, Path>> = {
  name: ['name'],
  clusterType: ['clusterType'],
  instanceSize: ['providerSettings', 'instanceSizeName'],
  diskSizeGB: ['diskSizeGB'],
  // Where a body without replicationSpecs places its only region.
  replicationSpecs: ['providerSettings', 'regionName'],
  mongoDBMajorVersion: ['mongoDBMajorVersion'],
  legacyBackupEnabled: ['backupEnabled'],
  cloudBackupEnabled: ['providerBackupEnabled'],
  pitEnabled: ['pitEnabled'],
  encryptionAtRestProvider: ['encryptionAtRestProvider'],
  paused: ['paused'],
  terminationProtectionEnabled: ['terminationProtectionEnabled'],
};

/** providerSettings.providerName values that are not a cloud but a tier family on a backing cloud. */
const TIER_FAMILY_OF_CLASS = { FREE: 'TENANT', SHARED: 'TENANT', FLEX: 'FLEX', SERVERLESS: 'SERVERLESS' } as const;

/** The size a tier family implies when `instanceSizeName` is left out (FLEX and serverless have one size). */
const IMPLIED_SIZE: Readonly<Record<string, string>> = { FLEX: 'FLEX', SERVERLESS: 'SERVERLESS' };

/** A legacy body read into the model, plus what the update merge needs to know. */
interface LegacyReading extends ClusterReading {
  /** The cloud providerSettings names, directly or as the backing provider of a tenant tier. */
  readonly cloud: CloudProvider | undefined;
  readonly cloudPath: Path | undefined;
  readonly regionName: string | undefined;
  readonly numShards: number | undefined;
  /** True when the body spells out its zones (replicationSpecs or replicationSpec). */
  readonly explicitSpecs: boolean;
}

function cloudOf(settings: Body | undefined): { cloud: CloudProvider | undefined; path: Path | undefined } {
  const providerName = settings?.['providerName'];
  if (isCloudProvider(providerName)) return { cloud: providerName, path: ['providerSettings', 'providerName'] };
  const backing = settings?.['backingProviderName'];
  if (isCloudProvider(backing)) return { cloud: backing, path: ['providerSettings', 'backingProviderName'] };
  return { cloud: undefined, path: undefined };
}

/** One regionsConfig map as model placements on `cloud`, in the map's order. */
function regionsOf(regionsConfig: Body, cloud: CloudProvider): ReplicationSpec['regions'] {
  const entries = Object.entries(regionsConfig);
  return entries.map(([region, value]) => {
    const counts = asRecord(value) ?? {};
    return placementOf(
      cloud,
      region,
      {
        priority: asNumber(counts['priority']),
        electableNodes: asNumber(counts['electableNodes']),
        readOnlyNodes: asNumber(counts['readOnlyNodes']),
        analyticsNodes: asNumber(counts['analyticsNodes']),
      },
      entries.length === 1,
    );
  });
}

/**
 * The zones a body spells out. `replicationSpecs` wins over the older single-zone
 * `replicationSpec` map (Atlas refuses both together); a missing `numShards` of a lone
 * spec falls back to the top-level `numShards`, then to 1 (the spec default). A zone without
 * regions places nothing and is left out; zones that place nothing at all (`replicationSpecs: []`,
 * `replicationSpec: {}`) are no placement, and `providerSettings.regionName` says where the
 * cluster runs (found by the request fuzzer, tools/conformance/src/fuzz: such a cluster had no
 * region, and was reported as an AWS cluster of whatever size it asked for).
 */
function explicitSpecsOf(body: Body, cloud: CloudProvider): { specs: ReplicationSpec[]; path: Path } | undefined {
  // Most PATCH bodies name no zones at all.
  if (body['replicationSpecs'] === undefined && body['replicationSpec'] === undefined) return undefined;
  for (const spelled of [specListOf(body, cloud), singleSpecOf(body, cloud)]) {
    const specs = spelled?.specs.filter((spec) => spec.regions.length > 0) ?? [];
    if (spelled && specs.length > 0) return { specs, path: spelled.path };
  }
  return undefined;
}

function specListOf(body: Body, cloud: CloudProvider): { specs: ReplicationSpec[]; path: Path } | undefined {
  const topShards = asNumber(body['numShards']);
  const list = asArray(body['replicationSpecs']);
  if (list) {
    const specs = list.flatMap((item): ReplicationSpec[] => {
      const spec = asRecord(item);
      if (!spec) return [];
      return [
        {
          zoneName: asString(spec['zoneName']) ?? DEFAULT_ZONE_NAME,
          numShards: asNumber(spec['numShards']) ?? (list.length === 1 ? topShards : undefined) ?? 1,
          regions: regionsOf(asRecord(spec['regionsConfig']) ?? {}, cloud),
        },
      ];
    });
    return { specs, path: ['replicationSpecs'] };
  }
  return undefined;
}

function singleSpecOf(body: Body, cloud: CloudProvider): { specs: ReplicationSpec[]; path: Path } | undefined {
  const topShards = asNumber(body['numShards']);
  const single = asRecord(body['replicationSpec']);
  if (single) {
    return { specs: [{ zoneName: DEFAULT_ZONE_NAME, numShards: topShards ?? 1, regions: regionsOf(single, cloud) }], path: ['replicationSpec'] };
  }
  return undefined;
}

function readLegacy(body: Body, fallbackCloud: CloudProvider): LegacyReading {
  const reading: ClusterReading = { values: {}, fields: {} };
  readSharedFields(body, reading);
  const values = reading.values as Record<string, unknown>;
  const { fields } = reading;

  const settings = asRecord(body['providerSettings']);
  const providerName = asString(settings?.['providerName']);
  const { cloud, path: cloudPath } = cloudOf(settings);
  const sizeName = asString(settings?.['instanceSizeName']);
  const impliedSize = providerName === undefined ? undefined : IMPLIED_SIZE[providerName];
  if (sizeName !== undefined) {
    values['instanceSize'] = sizeName;
    fields['instanceSize'] = ['providerSettings', 'instanceSizeName'];
  } else if (impliedSize !== undefined) {
    values['instanceSize'] = impliedSize;
    fields['instanceSize'] = ['providerSettings', 'providerName'];
  }

  const flag = (field: string, key: string): void => {
    const value = asBoolean(body[key]);
    if (value === undefined) return;
    values[field] = value;
    fields[field] = [key];
  };
  flag('legacyBackupEnabled', 'backupEnabled');
  flag('cloudBackupEnabled', 'providerBackupEnabled');

  const diskSizeGB = asNumber(body['diskSizeGB']);
  if (diskSizeGB !== undefined) {
    values['diskSizeGB'] = diskSizeGB;
    fields['diskSizeGB'] = ['diskSizeGB'];
  }

  const regionName = asString(settings?.['regionName']);
  const numShards = asNumber(body['numShards']);
  const explicit = explicitSpecsOf(body, cloud ?? fallbackCloud);
  if (explicit) {
    values['replicationSpecs'] = explicit.specs;
    fields['replicationSpecs'] = explicit.path;
  } else if (regionName !== undefined) {
    // A v1.0 body that names only a region: one zone, that region, Atlas's single-region layout.
    values['replicationSpecs'] = [
      { zoneName: DEFAULT_ZONE_NAME, numShards: numShards ?? 1, regions: [placementOf(cloud ?? fallbackCloud, regionName, {}, true)] },
    ];
    fields['replicationSpecs'] = ['providerSettings', 'regionName'];
  }
  return { ...reading, cloud, cloudPath, regionName, numShards, explicitSpecs: explicit !== undefined };
}

/**
 * A legacy-layout body (v1.0, or v2 2023-01-01 `LegacyAtlasCluster`) as a model cluster.
 * TENANT (M0/M2/M5), FLEX and SERVERLESS provider settings put the regions on their
 * `backingProviderName`; a body with only `providerSettings.regionName` becomes one zone
 * "Zone 1" with that region at priority 7 and 3 electable nodes; `numShards` comes from
 * the spec, else the body, else 1. Missing fields get CLUSTER_DEFAULTS; an unnamed cloud
 * is AWS.
 * @example clusterFromLegacy({ name: 'orders', providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' } }, ['clusters', 0])
 */
export function clusterFromLegacy(body: Readonly<Record<string, unknown>>, base: Path = []): Cluster {
  return assembleCluster(readLegacy(body, DEFAULT_CLOUD), LEGACY_CLUSTER_FIELDS, base);
}

/**
 * A model cluster in the legacy layout. The layout has one cloud per cluster: the regions
 * of a multi-cloud cluster are all written under its primary (first region's) cloud, so
 * a multi-cloud cluster does not survive the trip; serve those in the 2024-08-05 layout.
 * `disabled` and `pendingChanges` are mock-side state and are not written.
 */
export function clusterToLegacy(c: Cluster): Record<string, unknown> {
  const cloud = primaryCloudOf(c) ?? DEFAULT_CLOUD;
  const tierClass = tierClassOf(c.instanceSize);
  const regionName = c.replicationSpecs[0]?.regions[0]?.region;
  const providerSettings: Record<string, unknown> =
    tierClass === 'DEDICATED'
      ? { providerName: cloud, instanceSizeName: c.instanceSize }
      : { providerName: TIER_FAMILY_OF_CLASS[tierClass], backingProviderName: cloud, instanceSizeName: c.instanceSize };
  if (regionName !== undefined) providerSettings['regionName'] = regionName;

  // Written into one object, not spread from a shared-fields copy: every cluster response runs this.
  const out = writeSharedFields(c);
  out['providerSettings'] = providerSettings;
  out['backupEnabled'] = c.legacyBackupEnabled;
  out['providerBackupEnabled'] = c.cloudBackupEnabled;
  out['numShards'] = c.replicationSpecs[0]?.numShards ?? 1;
  out['replicationSpecs'] = c.replicationSpecs.map((spec) => ({ numShards: spec.numShards, zoneName: spec.zoneName, regionsConfig: regionsConfigOf(spec.regions) }));
  if (c.diskSizeGB !== undefined) out['diskSizeGB'] = c.diskSizeGB;
  return out;
}

/** A zone's regions as the legacy `regionsConfig` map, keyed by region name in the zone's order. */
function regionsConfigOf(regions: readonly RegionPlacement[]): Record<string, unknown> {
  // fromEntries defines each key, so no region name can reach the prototype (`__proto__`).
  return Object.fromEntries(
    regions.map((r) => [r.region, { analyticsNodes: r.analyticsNodes, electableNodes: r.electableNodes, priority: r.priority, readOnlyNodes: r.readOnlyNodes }]),
  );
}

/**
 * A PATCH body's zones in the legacy layout. Explicit specs replace the cluster's. A
 * body that only repeats providerSettings (as v1.0 clients do on every resize) changes the
 * topology only where it differs: a new cloud moves every region to it, a new region
 * moves a single-region cluster there (or makes a multi-region one single-region), and a
 * top-level `numShards` reshards a single-zone cluster.
 */
function legacyUpdateSpecs(before: Cluster, r: LegacyReading): { specs: readonly ReplicationSpec[]; path: Path } | undefined {
  if (r.explicitSpecs) {
    const specs = r.values.replicationSpecs;
    const path = r.fields['replicationSpecs'];
    return specs && path ? { specs, path } : undefined;
  }
  let specs: readonly ReplicationSpec[] = before.replicationSpecs;
  let path: Path | undefined;
  if (r.cloud !== undefined && specs.some((s) => s.regions.some((p) => p.provider !== r.cloud))) {
    const cloud = r.cloud;
    specs = specs.map((s) => ({ ...s, regions: s.regions.map((p) => ({ ...p, provider: cloud })) }));
    path = r.cloudPath;
  }
  const first = specs[0];
  if (r.regionName !== undefined && first?.regions[0]?.region !== r.regionName) {
    const lone = first?.regions[0];
    const cloud = r.cloud ?? primaryCloudOf(before) ?? DEFAULT_CLOUD;
    specs =
      specs.length === 1 && first && first.regions.length === 1 && lone
        ? [{ ...first, regions: [{ ...lone, region: r.regionName }] }]
        : [{ zoneName: first?.zoneName ?? DEFAULT_ZONE_NAME, numShards: first?.numShards ?? 1, regions: [placementOf(cloud, r.regionName, {}, true)] }];
    path = ['providerSettings', 'regionName'];
  }
  const only = specs.length === 1 ? specs[0] : undefined;
  if (r.numShards !== undefined && only && only.numShards !== r.numShards) {
    specs = [{ ...only, numShards: r.numShards }];
    path ??= ['numShards'];
  }
  return path && !sameReplicationSpecs(specs, before.replicationSpecs) ? { specs, path } : undefined;
}

/** A legacy PATCH body read against the cluster it updates (see applyClusterUpdate). */
export function readLegacyUpdate(before: Cluster, body: Body): ClusterReading {
  const r = readLegacy(body, primaryCloudOf(before) ?? DEFAULT_CLOUD);
  const values: Record<string, unknown> = { ...r.values };
  const fields: Record<string, Path> = { ...r.fields };
  delete values['replicationSpecs'];
  delete fields['replicationSpecs'];
  const specs = legacyUpdateSpecs(before, r);
  if (specs) {
    values['replicationSpecs'] = specs.specs;
    fields['replicationSpecs'] = specs.path;
  }
  return { values: values as Partial<Cluster>, fields };
}
