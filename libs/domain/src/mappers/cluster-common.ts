// What the two cluster layouts share: Atlas defaults, the top-level fields both spell
// the same way, and how a partial reading becomes a whole model cluster.
import {
  CLUSTER_STATES,
  CLUSTER_TYPES,
  EAR_PROVIDER_NAMES,
  type CloudProvider,
  type Cluster,
  type ClusterSettings,
  type Path,
  type RegionPlacement,
  type ReplicationSpec,
} from '@mock-atlas/model';
import { asBoolean, asOneOf, asString, type Body } from './read';

/**
 * What a cluster body may leave out, filled the way Atlas fills it on create:
 * - `clusterType` REPLICASET (the spec's only default for a new cluster);
 * - every flag false and `encryptionAtRestProvider` NONE (Atlas's defaults; the spec
 *   gives `terminationProtectionEnabled` default false);
 * - `instanceSize` M10, the smallest dedicated tier, when a body names none (a create must
 *   name one: the schemas and create-cluster.ts, not the mapper, report its absence);
 * - `name` '' and no replication specs when the body says nothing about them.
 * `diskSizeGB` and `mongoDBMajorVersion` stay unset: Atlas derives them from the tier
 * and its current default version.
 */
export const CLUSTER_DEFAULTS = {
  name: '',
  clusterType: 'REPLICASET',
  instanceSize: 'M10',
  replicationSpecs: [],
  legacyBackupEnabled: false,
  cloudBackupEnabled: false,
  pitEnabled: false,
  encryptionAtRestProvider: 'NONE',
  paused: false,
  terminationProtectionEnabled: false,
} as const satisfies Omit<ClusterSettings, 'diskSizeGB' | 'mongoDBMajorVersion'> & Pick<Cluster, 'name'>;

/** The zone Atlas names a single-zone cluster's only zone. */
export const DEFAULT_ZONE_NAME = 'Zone 1';

/** The cloud assumed when a body names none (the v1.0 and Atlas CLI default). */
export const DEFAULT_CLOUD: CloudProvider = 'AWS';

/** Atlas's node layout for a cluster in one region: a three-member replica set, highest priority. */
export const SINGLE_REGION = { priority: 7, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 } as const;

/** Model fields that only Atlas sets; an update body never changes them. */
export const READ_ONLY_FACTS = ['id', 'groupId', 'stateName', 'mongoDBVersion', 'createDate'] as const;

/** The part of a cluster one body spells out, with where it spells each field. */
export interface ClusterReading {
  readonly values: Partial<Cluster>;
  readonly fields: Record<string, Path>;
}

/** Node counts as a region document gives them (each possibly missing). */
export interface PlacementCounts {
  readonly priority?: number | undefined;
  readonly electableNodes?: number | undefined;
  readonly readOnlyNodes?: number | undefined;
  readonly analyticsNodes?: number | undefined;
}

/**
 * A region placement with Atlas's defaults for what the document leaves out: a lone
 * region gets the single-region layout (3 electable at priority 7), a region among
 * several contributes nothing that is not written down.
 */
export function placementOf(provider: CloudProvider, region: string, counts: PlacementCounts, lone: boolean): RegionPlacement {
  const fallback = lone ? SINGLE_REGION : { priority: 0, electableNodes: 0, readOnlyNodes: 0, analyticsNodes: 0 };
  return {
    provider,
    region,
    priority: counts.priority ?? fallback.priority,
    electableNodes: counts.electableNodes ?? fallback.electableNodes,
    readOnlyNodes: counts.readOnlyNodes ?? fallback.readOnlyNodes,
    analyticsNodes: counts.analyticsNodes ?? fallback.analyticsNodes,
  };
}

/** Reads the top-level fields both layouts spell the same way into `reading`. */
export function readSharedFields(body: Body, reading: ClusterReading): void {
  const values = reading.values as Record<string, unknown>;
  const set = (field: string, value: unknown): void => {
    if (value === undefined) return;
    values[field] = value;
    reading.fields[field] = [field];
  };
  set('name', asString(body['name']));
  set('clusterType', asOneOf(body['clusterType'], CLUSTER_TYPES));
  set('mongoDBMajorVersion', asString(body['mongoDBMajorVersion']));
  set('pitEnabled', asBoolean(body['pitEnabled']));
  set('encryptionAtRestProvider', asOneOf(body['encryptionAtRestProvider'], EAR_PROVIDER_NAMES));
  set('paused', asBoolean(body['paused']));
  set('terminationProtectionEnabled', asBoolean(body['terminationProtectionEnabled']));
  set('id', asString(body['id']));
  set('groupId', asString(body['groupId']));
  set('stateName', asOneOf(body['stateName'], CLUSTER_STATES));
  set('mongoDBVersion', asString(body['mongoDBVersion']));
  set('createDate', asString(body['createDate']));
}

/** The shared top-level fields of a model cluster, in a representation's spelling, written into `out`. */
export function writeSharedFields(c: Cluster, out: Record<string, unknown> = {}): Record<string, unknown> {
  if (c.id !== undefined) out['id'] = c.id;
  if (c.groupId !== undefined) out['groupId'] = c.groupId;
  out['name'] = c.name;
  out['clusterType'] = c.clusterType;
  if (c.mongoDBMajorVersion !== undefined) out['mongoDBMajorVersion'] = c.mongoDBMajorVersion;
  if (c.mongoDBVersion !== undefined) out['mongoDBVersion'] = c.mongoDBVersion;
  out['pitEnabled'] = c.pitEnabled;
  out['encryptionAtRestProvider'] = c.encryptionAtRestProvider;
  out['paused'] = c.paused;
  out['terminationProtectionEnabled'] = c.terminationProtectionEnabled;
  if (c.stateName !== undefined) out['stateName'] = c.stateName;
  if (c.createDate !== undefined) out['createDate'] = c.createDate;
  return out;
}

/** A whole cluster: Atlas defaults, then what the body said, with its source map. */
export function assembleCluster(reading: ClusterReading, layoutFields: Readonly<Record<string, Path>>, base: Path): Cluster {
  return { ...CLUSTER_DEFAULTS, ...reading.values, src: { base, fields: { ...layoutFields, ...reading.fields } } } as Cluster;
}

/** Two zone lists describe the same topology (field by field, whatever the key order). */
export function sameReplicationSpecs(a: readonly ReplicationSpec[], b: readonly ReplicationSpec[]): boolean {
  return a.length === b.length && a.every((spec, i) => {
    const other = b[i];
    return other !== undefined && spec.zoneName === other.zoneName && spec.numShards === other.numShards && sameRegions(spec.regions, other.regions);
  });
}

/** Two region lists place the same nodes in the same order. */
export function sameRegions(a: readonly RegionPlacement[], b: readonly RegionPlacement[]): boolean {
  return a.length === b.length && a.every((r, i) => {
    const o = b[i];
    return (
      o !== undefined &&
      r.provider === o.provider &&
      r.region === o.region &&
      r.priority === o.priority &&
      r.electableNodes === o.electableNodes &&
      r.readOnlyNodes === o.readOnlyNodes &&
      r.analyticsNodes === o.analyticsNodes
    );
  });
}
