// Reading and writing one cluster of a project in the immutable state, and the facts Atlas
// derives for a cluster (its full MongoDB version, its default disk size).
import { tierClassOf, type Cluster, type ClusterSettings, type Project } from '@mock-atlas/model';
import { derivedClusterId } from '../../mappers/ids';
import type { MockState } from '../../state/mock-state';

/** The major version a cluster gets when its body names none (Atlas's current default). */
export const DEFAULT_MONGODB_MAJOR_VERSION = '8.0';

/** The patch release the mock reports for each major version (`mongoDBVersion`). */
const RELEASE_OF_MAJOR: Readonly<Record<string, string>> = {
  '5.0': '5.0.31',
  '6.0': '6.0.20',
  '7.0': '7.0.16',
  '8.0': '8.0.4',
};

/**
 * The full version a cluster of a major version runs, as Atlas reports it in `mongoDBVersion`.
 * @example mongoDBVersionOf('8.0') // → '8.0.4'
 * @example mongoDBVersionOf('9.1') // → '9.1.0'
 */
export function mongoDBVersionOf(major: string | undefined): string {
  const wanted = major ?? DEFAULT_MONGODB_MAJOR_VERSION;
  const known = RELEASE_OF_MAJOR[wanted];
  if (known) return known;
  return /^\d+\.\d+$/.test(wanted) ? `${wanted}.0` : (RELEASE_OF_MAJOR[DEFAULT_MONGODB_MAJOR_VERSION] ?? '8.0.4');
}

/** Storage Atlas gives a dedicated tier when the body names no `diskSizeGB` (AWS defaults, GB). */
const DEFAULT_DISK_GB: Readonly<Record<string, number>> = {
  '10': 10,
  '20': 20,
  '30': 40,
  '40': 80,
  '50': 160,
  '60': 320,
  '80': 760,
  '140': 1000,
  '200': 1500,
  '300': 2000,
  '400': 3000,
  '700': 4000,
};

/**
 * The default disk size of a tier, for dedicated M/R tiers without NVMe storage; undefined
 * for shared, flex and serverless tiers and sizes the table does not know.
 * @example defaultDiskSizeGB('M30') // → 40
 */
export function defaultDiskSizeGB(instanceSize: string): number | undefined {
  if (tierClassOf(instanceSize) !== 'DEDICATED') return undefined;
  const m = /^[MR](\d+)$/.exec(instanceSize.toUpperCase());
  return m?.[1] === undefined ? undefined : DEFAULT_DISK_GB[m[1]];
}

/** The settings a user can change, in the order the model declares them. */
export const CLUSTER_SETTING_FIELDS = [
  'clusterType',
  'instanceSize',
  'diskSizeGB',
  'replicationSpecs',
  'mongoDBMajorVersion',
  'legacyBackupEnabled',
  'cloudBackupEnabled',
  'pitEnabled',
  'encryptionAtRestProvider',
  'paused',
  'terminationProtectionEnabled',
] as const satisfies readonly (keyof ClusterSettings)[];

/** Structural equality of two JSON-like values (objects compared key by key, whatever the order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The settings in which `after` differs from `before`.
 * @example settingsDiff(orders, { ...orders, diskSizeGB: 160 }) // → { diskSizeGB: 160 }
 */
export function settingsDiff(before: ClusterSettings, after: ClusterSettings): Partial<ClusterSettings> {
  const diff: Record<string, unknown> = {};
  for (const field of CLUSTER_SETTING_FIELDS) {
    if (!sameValue(before[field], after[field])) diff[field] = after[field];
  }
  return diff as Partial<ClusterSettings>;
}

/**
 * A cluster with settings applied, keeping `mongoDBVersion` in step with a changed major
 * version. Used for updates and for the pending changes of a disabled cluster once its key
 * is valid again (S0:65).
 * @example applyClusterSettings(orders, orders.pendingChanges ?? {})
 */
export function applyClusterSettings(cluster: Cluster, settings: Partial<ClusterSettings>): Cluster {
  const next: Cluster = { ...cluster, ...settings };
  const majorChanged = settings.mongoDBMajorVersion !== undefined && settings.mongoDBMajorVersion !== cluster.mongoDBMajorVersion;
  return majorChanged ? { ...next, mongoDBVersion: mongoDBVersionOf(settings.mongoDBMajorVersion) } : next;
}

/**
 * A stored cluster with the facts Atlas always reports filled in, for one that lacks them (a
 * cluster loaded from a config was never created through the API): its id derived from the
 * name, IDLE, the default major version and its release, and the tier's default disk size.
 * Every presenter reads a cluster through this, so the cluster's body and its snapshots agree.
 * @example clusterFacts(loaded, groupId).diskSizeGB // → 40 for an M30 without diskSizeGB
 */
export function clusterFacts(cluster: Cluster, groupId: string): Cluster & { readonly id: string } {
  const major = cluster.mongoDBMajorVersion ?? DEFAULT_MONGODB_MAJOR_VERSION;
  const diskSizeGB = cluster.diskSizeGB ?? defaultDiskSizeGB(cluster.instanceSize);
  return {
    ...cluster,
    id: cluster.id ?? derivedClusterId(groupId, cluster.name),
    groupId,
    stateName: cluster.stateName ?? 'IDLE',
    mongoDBMajorVersion: major,
    mongoDBVersion: cluster.mongoDBVersion ?? mongoDBVersionOf(major),
    ...(diskSizeGB === undefined ? {} : { diskSizeGB }),
  };
}

/** A cluster as the user will see it once its pending changes apply (itself when it has none). */
export function clusterWithPendingChanges(cluster: Cluster): Cluster {
  return cluster.pendingChanges ? applyClusterSettings(cluster, cluster.pendingChanges) : cluster;
}

/** The cluster of a project by name. */
export function findCluster(project: Project, name: string): Cluster | undefined {
  return project.clusters.find((c) => c.name === name);
}

/** The state with one project replaced. */
export function putProject(state: MockState, project: Project): MockState {
  return { ...state, projects: { ...state.projects, [project.id]: project } };
}

/** The state with a project's cluster of the same name replaced (or appended when new). */
export function putCluster(state: MockState, groupId: string, cluster: Cluster): MockState {
  const project = state.projects[groupId];
  if (!project) return state;
  const index = project.clusters.findIndex((c) => c.name === cluster.name);
  // A copy with one slot replaced: every cluster update runs this over all of a project's clusters.
  const clusters = project.clusters.slice();
  if (index < 0) clusters.push(cluster);
  else clusters[index] = cluster;
  return putProject(state, { ...project, clusters });
}

/** A cluster without its source map: a stored cluster's `src` would point into a request long gone. */
export function withoutSource(cluster: Cluster): Cluster {
  // Only a cluster read from a config or a body has one; the rest copy (slow in V8) is skipped
  // for the stored clusters every update starts from.
  if (!('src' in cluster)) return cluster;
  const { src: _src, ...rest } = cluster;
  return rest;
}
