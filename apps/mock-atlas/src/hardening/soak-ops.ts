// What soak clients do: a weighted, seeded mix of reads and writes on the same few resources,
// and the only refusals Atlas gives for them when clients race each other. Anything else
// (another 4xx, any 5xx, a dropped connection) fails the run.
import {
  createClusterBody,
  DISK_SIZES,
  diskSizePatch20240805,
  EAR_PROVIDERS,
  POLICY_VARIANTS,
  V20230101,
  V20240805,
  type SoakWorld,
} from './soak-fixture';
import type { SeededRandom } from './soak-random';

export const OP_KINDS = [
  'cluster.list',
  'cluster.get',
  'cluster.create',
  'cluster.patch',
  'cluster.delete',
  'ear.get',
  'ear.patch',
  'schedule.get',
  'schedule.patch',
  'schedule.delete',
  'snapshot.list',
  'snapshot.take',
  'snapshot.get',
  'snapshot.patch',
  'snapshot.delete',
] as const;
export type OpKind = (typeof OP_KINDS)[number];

/** How often each operation is chosen: writes about half of the mix. */
export const OP_WEIGHTS: Readonly<Record<OpKind, number>> = {
  'cluster.list': 3,
  'cluster.get': 10,
  'cluster.create': 5,
  'cluster.patch': 12,
  'cluster.delete': 4,
  'ear.get': 5,
  'ear.patch': 8,
  'schedule.get': 5,
  'schedule.patch': 8,
  'schedule.delete': 2,
  'snapshot.list': 4,
  'snapshot.take': 6,
  'snapshot.get': 4,
  'snapshot.patch': 5,
  'snapshot.delete': 4,
};

const GONE = '404 CLUSTER_NOT_FOUND';
const DELETING = '400 CLUSTER_ALREADY_REQUESTED_DELETION';
const SNAPSHOT_GONE = '404 SNAPSHOT_NOT_FOUND';

/**
 * The `<status> <errorCode>` refusals each operation may meet because another client got
 * there first, and why; nothing else is allowed. All are codes Atlas documents for these
 * operations (libs/atlas-http catalogue):
 * - 404 CLUSTER_NOT_FOUND: another client's DELETE was accepted and the cluster has since been
 *   removed (the clock ticked past the DELETING transition); every cluster-scoped call then 404s.
 * - 400 CLUSTER_ALREADY_REQUESTED_DELETION: a PATCH or DELETE of a cluster another client has
 *   just deleted, still DELETING (Atlas answers 400, not 409, README §5.2).
 * - 400 DUPLICATE_CLUSTER_NAME: a create of a name that exists, or is still DELETING (400 in
 *   Atlas, not 409).
 * - 404 SNAPSHOT_NOT_FOUND: a snapshot another client deleted, or one of an earlier
 *   incarnation of a deleted and re-created cluster.
 * - 400 UNFINISHED_ON_DEMAND_SNAPSHOT: another client's on-demand snapshot of that cluster is
 *   still queued or in progress.
 * - 400 CANNOT_MODIFY_IN_PROGRESS_SNAPSHOT_RETENTION / CANNOT_DELETE_IN_PROGRESS_SNAPSHOT: the
 *   snapshot another client just took has not completed yet.
 * encryptionAtRest and the cluster list are never refused: the projects are never deleted.
 */
export const ALLOWED_REFUSALS: Readonly<Record<OpKind, readonly string[]>> = {
  'cluster.list': [],
  'cluster.get': [GONE],
  'cluster.create': ['400 DUPLICATE_CLUSTER_NAME'],
  'cluster.patch': [GONE, DELETING],
  'cluster.delete': [GONE, DELETING],
  'ear.get': [],
  'ear.patch': [],
  'schedule.get': [GONE],
  'schedule.patch': [GONE],
  'schedule.delete': [GONE],
  'snapshot.list': [GONE],
  'snapshot.take': [GONE, '400 UNFINISHED_ON_DEMAND_SNAPSHOT'],
  'snapshot.get': [GONE, SNAPSHOT_GONE],
  'snapshot.patch': [GONE, SNAPSHOT_GONE, '400 CANNOT_MODIFY_IN_PROGRESS_SNAPSHOT_RETENTION'],
  'snapshot.delete': [GONE, SNAPSHOT_GONE, '400 CANNOT_DELETE_IN_PROGRESS_SNAPSHOT'],
};

/** One request a client is about to send. */
export interface PlannedOp {
  readonly kind: OpKind;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the base URL; lists ask for one page of 500 (Atlas's largest). */
  readonly path: string;
  readonly accept: string;
  readonly body?: Readonly<Record<string, unknown>>;
  readonly groupId: string;
  readonly cluster?: string;
  readonly snapshotId?: string;
}

/** `groupId/clusterName`, the key of a cluster across projects. */
export function clusterKey(groupId: string, cluster: string): string {
  return `${groupId}/${cluster}`;
}

/**
 * Snapshot ids seen so far per cluster, shared by all clients so that they act on the same
 * snapshots. Ids of deleted snapshots are kept a while on purpose (they exercise 404s), until
 * the cluster is created anew.
 */
export class SnapshotBoard {
  private readonly ids = new Map<string, string[]>();

  constructor(private readonly keep = 6) {}

  note(key: string, id: string): void {
    const list = this.ids.get(key) ?? [];
    if (list.includes(id)) return;
    list.push(id);
    if (list.length > this.keep) list.shift();
    this.ids.set(key, list);
  }

  /** Forgets a cluster's snapshots: it was created anew, without them. */
  forget(key: string): void {
    this.ids.delete(key);
  }

  of(key: string): readonly string[] {
    return this.ids.get(key) ?? [];
  }
}

/** A non-empty random subset of `fields`, each in with probability one half. */
function someOf<T extends string>(rng: SeededRandom, fields: readonly T[]): T[] {
  const chosen = fields.filter(() => rng.chance(0.5));
  return chosen.length > 0 ? chosen : [rng.pick(fields)];
}

function clusterPatch(rng: SeededRandom): { accept: string; body: Record<string, unknown> } {
  const legacy = rng.chance(0.5);
  const body: Record<string, unknown> = {};
  for (const field of someOf(rng, ['diskSizeGB', 'pitEnabled', 'encryptionAtRestProvider'] as const)) {
    if (field === 'pitEnabled') body['pitEnabled'] = rng.chance(0.5);
    else if (field === 'encryptionAtRestProvider') body['encryptionAtRestProvider'] = rng.pick(EAR_PROVIDERS);
    else if (legacy) body['diskSizeGB'] = rng.pick(DISK_SIZES);
    else Object.assign(body, diskSizePatch20240805(rng.pick(DISK_SIZES)));
  }
  return { accept: legacy ? V20230101 : V20240805, body };
}

function schedulePatch(rng: SeededRandom): Record<string, unknown> {
  const body: Record<string, unknown> = { policies: [{ policyItems: rng.pick(POLICY_VARIANTS) }] };
  if (rng.chance(0.5)) body['referenceHourOfDay'] = rng.int(0, 23);
  if (rng.chance(0.5)) body['referenceMinuteOfHour'] = rng.int(0, 59);
  if (rng.chance(0.5)) body['restoreWindowDays'] = rng.int(1, 7);
  return body;
}

/**
 * The next operation of a client: kind, target and body all drawn from `rng`. A snapshot call
 * with no snapshot known for its cluster yet lists the cluster's snapshots instead.
 * @example const op = planOp(new SeededRandom(1), world, board);
 */
export function planOp(rng: SeededRandom, world: SoakWorld, board: SnapshotBoard): PlannedOp {
  let kind = rng.weighted(OP_WEIGHTS);
  const project = rng.pick(world.projects);
  const groupId = project.groupId;
  const cluster = rng.pick(project.clusters);
  const group = `/api/atlas/v2/groups/${groupId}`;
  const clusterPath = `${group}/clusters/${cluster}`;
  const known = board.of(clusterKey(groupId, cluster));
  const snapshotId = known.length > 0 ? rng.pick(known) : undefined;
  if (kind.startsWith('snapshot.') && kind !== 'snapshot.list' && kind !== 'snapshot.take' && snapshotId === undefined) kind = 'snapshot.list';
  const on = { groupId, cluster };
  switch (kind) {
    case 'cluster.list':
      return { kind, method: 'GET', path: `${group}/clusters?itemsPerPage=500`, accept: V20240805, groupId };
    case 'cluster.get':
      return { kind, method: 'GET', path: clusterPath, accept: rng.pick([V20240805, V20230101]), ...on };
    case 'cluster.create': {
      const fields = { diskSizeGB: rng.pick(DISK_SIZES), pitEnabled: rng.chance(0.5), encryptionAtRestProvider: rng.pick(EAR_PROVIDERS) };
      return { kind, method: 'POST', path: `${group}/clusters`, accept: V20240805, body: createClusterBody(cluster, fields), ...on };
    }
    case 'cluster.patch':
      return { kind, method: 'PATCH', path: clusterPath, ...clusterPatch(rng), ...on };
    case 'cluster.delete':
      return { kind, method: 'DELETE', path: clusterPath, accept: V20240805, ...on };
    case 'ear.get':
      return { kind, method: 'GET', path: `${group}/encryptionAtRest`, accept: V20230101, groupId };
    case 'ear.patch': {
      const body: Record<string, unknown> = {};
      for (const field of someOf(rng, ['key', 'searchNodes'] as const)) {
        if (field === 'key') body['awsKms'] = { customerMasterKeyID: rng.pick(world.keys) };
        else body['enabledForSearchNodes'] = rng.chance(0.5);
      }
      return { kind, method: 'PATCH', path: `${group}/encryptionAtRest`, accept: V20230101, body, groupId };
    }
    case 'schedule.get':
      return { kind, method: 'GET', path: `${clusterPath}/backup/schedule`, accept: V20230101, ...on };
    case 'schedule.patch':
      return { kind, method: 'PATCH', path: `${clusterPath}/backup/schedule`, accept: V20230101, body: schedulePatch(rng), ...on };
    case 'schedule.delete':
      return { kind, method: 'DELETE', path: `${clusterPath}/backup/schedule`, accept: V20230101, ...on };
    case 'snapshot.list':
      return { kind, method: 'GET', path: `${clusterPath}/backup/snapshots?itemsPerPage=500`, accept: V20230101, ...on };
    case 'snapshot.take':
      return {
        kind,
        method: 'POST',
        path: `${clusterPath}/backup/snapshots`,
        accept: V20230101,
        body: { description: `soak ${rng.int(0, 999)}`, retentionInDays: rng.int(1, 3) },
        ...on,
      };
    default: {
      const id = snapshotId as string;
      const path = `${clusterPath}/backup/snapshots/${id}`;
      if (kind === 'snapshot.get') return { kind, method: 'GET', path, accept: V20230101, ...on, snapshotId: id };
      if (kind === 'snapshot.delete') return { kind, method: 'DELETE', path, accept: V20230101, ...on, snapshotId: id };
      const body = { retentionUnit: rng.pick(['DAYS', 'WEEKS']), retentionValue: rng.int(1, 5) };
      return { kind: 'snapshot.patch', method: 'PATCH', path, accept: V20230101, body, ...on, snapshotId: id };
    }
  }
}
