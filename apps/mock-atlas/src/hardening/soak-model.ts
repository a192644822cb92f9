// The replay behind the soak's consistency check. Every response the clients received is put
// in the server's order — the state revision the mock's journal recorded for it — and replayed
// against a model of the resources in which each accepted write sets exactly the fields it sent
// (Atlas's PATCH is a merge; the last writer wins per field). Then:
// - every accepted write must have been acceptable in the model's state at that point (a PATCH
//   only of a cluster that exists and is not being deleted, a create only of one that is not
//   there, …), and every refusal must be explained by it (404 CLUSTER_NOT_FOUND only after an
//   accepted DELETE, …);
// - every body read back (GETs, and the answer of each write) must show the model's values at
//   its revision: no lost update, no stale read;
// - after the run, the final GETs must show what replaying all accepted writes predicts.
// Timer-driven changes (a DELETING cluster removed, snapshots completing) are not in the journal;
// the model only relies on what they cannot change: a deleted cluster never comes back without
// an accepted create, and nothing a client wrote is altered by them.
import type { ClusterFields, EarFields, ScheduleFields } from './soak-fixture';
import { policyItemsKey, type PolicyItemBody } from './soak-fixture';
import type { ClusterSeen, Observation, SnapshotSeen } from './soak-observe';
import { clusterKey, type PlannedOp } from './soak-ops';

/** A response a client received, with the refusal code when it was one. */
export interface Exchange {
  readonly client: number;
  readonly op: PlannedOp;
  readonly status: number;
  readonly errorCode?: string;
  readonly observed: Observation;
}

/** An exchange placed in the server's order. */
export interface OrderedExchange extends Exchange {
  readonly revision: number;
  readonly journalId: number;
  /** When the request arrived, on the mock's clock (a snapshot past its expiresAt may be swept by then). */
  readonly at: string;
}

interface ClusterModel {
  live: boolean;
  /** Incarnation: grows with each accepted create, so snapshots of a deleted cluster are told apart. */
  gen: number;
  fields: ClusterFields;
  /** Only the fields known since the cluster was (re)created: a new cluster's default schedule is the mock's. */
  schedule: Partial<ScheduleFields>;
}

interface SnapshotModel {
  readonly id: string;
  readonly key: string;
  readonly gen: number;
  readonly createdAt: string;
  expiresAt: string;
  deleted: boolean;
}

/** What the final GETs returned, per cluster key (`undefined` for a 404). */
export interface FinalReads {
  readonly clusters: ReadonlyMap<string, ClusterSeen | undefined>;
  readonly clusterLists: ReadonlyMap<string, readonly string[]>;
  readonly schedules: ReadonlyMap<string, ScheduleFields>;
  readonly snapshots: ReadonlyMap<string, readonly SnapshotSeen[]>;
  readonly ears: ReadonlyMap<string, EarFields>;
  /** The mock's clock after settling. */
  readonly now: string;
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'DELETE']);
const DAY_MS = 86_400_000;
const MAX_SAMPLES = 25;

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The disk size a cluster body sets, in either layout, if it sets one. */
function diskSizeOf(body: Json): number | undefined {
  if (typeof body['diskSizeGB'] === 'number') return body['diskSizeGB'];
  const size = obj(obj(obj(arr(obj(arr(body['replicationSpecs'])[0])['regionConfigs'])[0])['electableSpecs']))['diskSizeGB'];
  return typeof size === 'number' ? size : undefined;
}

function isWriteAccepted(e: Exchange): boolean {
  return WRITE_METHODS.has(e.op.method) && e.status < 300;
}

/**
 * The server's order: by revision; at one revision the write that made it comes before what
 * merely saw it (several accepted writes at one revision changed nothing but one).
 * @example ordered.sort(serverOrder)
 */
export function serverOrder(a: OrderedExchange, b: OrderedExchange): number {
  return a.revision - b.revision || Number(isWriteAccepted(b)) - Number(isWriteAccepted(a)) || a.journalId - b.journalId;
}

function describe(e: OrderedExchange): string {
  return `rev ${e.revision} client ${e.client} ${e.op.kind} ${e.op.method} ${e.op.path.replace(/^\/api\/atlas\/v2\/groups\//, '')} → ${e.status}${e.errorCode ? ` ${e.errorCode}` : ''}`;
}

function differences<T extends object>(expected: Partial<T>, seen: T): string[] {
  return Object.entries(expected)
    .filter(([field, value]) => value !== undefined && (seen as Record<string, unknown>)[field] !== value)
    .map(([field, value]) => `${field} ${JSON.stringify((seen as Record<string, unknown>)[field])} ≠ ${JSON.stringify(value)}`);
}

/**
 * The model of the soak's resources; feed it the initial state, then the ordered exchanges.
 * @example const model = new ReplayModel(); model.initCluster(key, fields, schedule); model.replay(ordered); model.finalIssues(reads)
 */
export class ReplayModel {
  private readonly clusters = new Map<string, ClusterModel>();
  private readonly ears = new Map<string, EarFields>();
  private readonly snapshots = new Map<string, SnapshotModel>();
  /** Inconsistencies found (first MAX_SAMPLES kept) and their count. */
  readonly samples: string[] = [];
  issues = 0;
  writesReplayed = 0;
  readsChecked = 0;
  refusalsExplained = 0;

  /**
   * `slackMs`: how far the mock's clock may have moved on between a request's arrival (the time
   * the journal gives) and its handling: a tick or two. Snapshots expiring that close are optional.
   */
  constructor(private readonly slackMs = 0) {}

  /** Whether a snapshot may already have been swept away at `now`. */
  private mayHaveExpired(s: SnapshotModel, now: string): boolean {
    return Date.parse(s.expiresAt) <= Date.parse(now) + this.slackMs;
  }

  initCluster(key: string, fields: ClusterFields, schedule: ScheduleFields): void {
    this.clusters.set(key, { live: true, gen: 0, fields, schedule });
  }

  initEar(groupId: string, ear: EarFields): void {
    this.ears.set(groupId, ear);
  }

  private issue(message: string): void {
    this.issues += 1;
    if (this.samples.length < MAX_SAMPLES) this.samples.push(message);
  }

  private expect(condition: boolean, e: OrderedExchange, why: string): void {
    if (!condition) this.issue(`${describe(e)}: ${why}`);
  }

  private compare<T extends object>(e: OrderedExchange, what: string, expected: Partial<T>, seen: T): void {
    this.readsChecked += 1;
    const diff = differences(expected, seen);
    if (diff.length > 0) this.issue(`${describe(e)}: ${what} ${diff.join(', ')}`);
  }

  private cluster(e: OrderedExchange): ClusterModel {
    const key = clusterKey(e.op.groupId, e.op.cluster ?? '');
    const found = this.clusters.get(key);
    if (!found) throw new Error(`the soak targeted ${key}, which it did not set up`);
    return found;
  }

  /** Replays exchanges already sorted by serverOrder. */
  replay(ordered: readonly OrderedExchange[]): void {
    for (const e of ordered) {
      if (isWriteAccepted(e)) this.writesReplayed += 1;
      if (e.status >= 400) this.refusal(e);
      else if (e.op.kind.startsWith('cluster.')) this.clusterOp(e);
      else if (e.op.kind.startsWith('ear.')) this.earOp(e);
      else if (e.op.kind.startsWith('schedule.')) this.scheduleOp(e);
      else this.snapshotOp(e);
    }
  }

  /** A refusal must follow from the model's state (the table of allowed codes is checked elsewhere). */
  private refusal(e: OrderedExchange): void {
    const code = e.errorCode;
    if (code === 'CLUSTER_NOT_FOUND' || code === 'CLUSTER_ALREADY_REQUESTED_DELETION') {
      this.expect(!this.cluster(e).live, e, 'refused as deleted, yet the last accepted create/delete of the cluster was a create');
    } else if (code === 'SNAPSHOT_NOT_FOUND') {
      const c = this.cluster(e);
      const s = this.snapshots.get(e.op.snapshotId ?? '');
      const expired = s !== undefined && this.mayHaveExpired(s, e.at);
      this.expect(!s || s.deleted || s.gen !== c.gen || expired, e, 'snapshot refused as not found, yet it was neither deleted, expired nor lost with its cluster');
    } else {
      // DUPLICATE_CLUSTER_NAME (the name may still be DELETING), and refusals that depend on
      // snapshot progress, which only the mock's clock decides.
      return;
    }
    this.refusalsExplained += 1;
  }

  private clusterOp(e: OrderedExchange): void {
    if (e.op.kind === 'cluster.list') {
      if (e.observed.type === 'clusters') this.checkList(e, e.observed.clusters);
      return;
    }
    const c = this.cluster(e);
    const body = obj(e.op.body);
    switch (e.op.kind) {
      case 'cluster.create': {
        this.expect(!c.live, e, 'create accepted while the last accepted create/delete was a create');
        c.live = true;
        c.gen += 1;
        c.fields = { diskSizeGB: diskSizeOf(body) ?? NaN, pitEnabled: body['pitEnabled'] === true, encryptionAtRestProvider: String(body['encryptionAtRestProvider']) };
        c.schedule = {};
        break;
      }
      case 'cluster.delete':
        this.expect(c.live, e, 'delete accepted while the cluster was already deleted');
        c.live = false;
        return;
      case 'cluster.patch': {
        this.expect(c.live, e, 'update accepted while the cluster was deleted');
        const disk = diskSizeOf(body);
        c.fields = {
          ...c.fields,
          ...(disk !== undefined ? { diskSizeGB: disk } : {}),
          ...(typeof body['pitEnabled'] === 'boolean' ? { pitEnabled: body['pitEnabled'] } : {}),
          ...(typeof body['encryptionAtRestProvider'] === 'string' ? { encryptionAtRestProvider: body['encryptionAtRestProvider'] } : {}),
        };
        break;
      }
      default:
        break;
    }
    if (e.observed.type !== 'cluster') return;
    const seen = e.observed.cluster;
    this.expect(c.live ? seen.stateName !== 'DELETING' : seen.stateName === 'DELETING', e, `stateName ${seen.stateName} while the model says ${c.live ? 'live' : 'deleted'}`);
    this.compare(e, 'cluster', c.fields, seen);
  }

  private checkList(e: OrderedExchange, seen: readonly ClusterSeen[]): void {
    const prefix = `${e.op.groupId}/`;
    const byName = new Map(seen.map((c) => [c.name, c]));
    for (const [key, c] of this.clusters) {
      if (!key.startsWith(prefix)) continue;
      const name = key.slice(prefix.length);
      const listed = byName.get(name);
      byName.delete(name);
      if (c.live) {
        this.expect(listed !== undefined && listed.stateName !== 'DELETING', e, `${name} is live but listed as ${listed?.stateName ?? 'absent'}`);
      } else {
        this.expect(listed === undefined || listed.stateName === 'DELETING', e, `${name} was deleted but is listed as ${listed?.stateName}`);
      }
      if (listed) this.compare(e, `listed ${name}`, c.fields, listed);
    }
    this.expect(byName.size === 0, e, `lists clusters nobody created: ${[...byName.keys()].join(', ')}`);
  }

  private earOp(e: OrderedExchange): void {
    const ear = this.ears.get(e.op.groupId);
    if (!ear) throw new Error(`the soak targeted project ${e.op.groupId}, which it did not set up`);
    let next = ear;
    if (e.op.kind === 'ear.patch') {
      const body = obj(e.op.body);
      const key = obj(body['awsKms'])['customerMasterKeyID'];
      next = {
        ...ear,
        ...(typeof key === 'string' ? { customerMasterKeyID: key } : {}),
        ...(typeof body['enabledForSearchNodes'] === 'boolean' ? { enabledForSearchNodes: body['enabledForSearchNodes'] } : {}),
      };
      this.ears.set(e.op.groupId, next);
    }
    if (e.observed.type === 'ear') this.compare(e, 'encryptionAtRest', next, e.observed.ear);
  }

  private scheduleOp(e: OrderedExchange): void {
    // A deleting cluster still has its schedule until it is removed: reads and writes succeed.
    const c = this.cluster(e);
    if (e.op.kind === 'schedule.patch') {
      const body = obj(e.op.body);
      c.schedule = {
        ...c.schedule,
        policyItems: policyItemsKey(arr(body['policies']).map((p) => ({ policyItems: arr(obj(p)['policyItems']) as PolicyItemBody[] }))),
        ...(typeof body['referenceHourOfDay'] === 'number' ? { referenceHourOfDay: body['referenceHourOfDay'] } : {}),
        ...(typeof body['referenceMinuteOfHour'] === 'number' ? { referenceMinuteOfHour: body['referenceMinuteOfHour'] } : {}),
        ...(typeof body['restoreWindowDays'] === 'number' ? { restoreWindowDays: body['restoreWindowDays'] } : {}),
      };
    } else if (e.op.kind === 'schedule.delete') {
      c.schedule = { ...c.schedule, policyItems: '' };
    }
    if (e.observed.type === 'schedule') this.compare(e, 'schedule', c.schedule, e.observed.schedule);
  }

  private snapshotOp(e: OrderedExchange): void {
    const c = this.cluster(e);
    const key = clusterKey(e.op.groupId, e.op.cluster ?? '');
    if (e.op.kind === 'snapshot.take' && e.observed.type === 'snapshot') {
      const seen = e.observed.snapshot;
      const days = Number(obj(e.op.body)['retentionInDays'] ?? 1);
      this.snapshots.set(seen.id, { id: seen.id, key, gen: c.gen, createdAt: seen.createdAt, expiresAt: seen.expiresAt, deleted: false });
      this.compare(e, 'snapshot', { expiresAt: new Date(Date.parse(seen.createdAt) + days * DAY_MS).toISOString() }, seen);
      return;
    }
    if (e.op.kind === 'snapshot.list') {
      if (e.observed.type === 'snapshots') this.checkSnapshots(e, key, c.gen, e.observed.snapshots, e.at);
      return;
    }
    const s = this.snapshots.get(e.op.snapshotId ?? '');
    if (!s) return;
    this.expect(!s.deleted && s.gen === c.gen, e, `accepted for a snapshot that was ${s.deleted ? 'deleted' : 'lost with an earlier incarnation of its cluster'}`);
    if (e.op.kind === 'snapshot.delete') {
      s.deleted = true;
      return;
    }
    if (e.op.kind === 'snapshot.patch') {
      const body = obj(e.op.body);
      const days = Number(body['retentionValue']) * (body['retentionUnit'] === 'WEEKS' ? 7 : 1);
      s.expiresAt = new Date(Date.parse(s.createdAt) + days * DAY_MS).toISOString();
    }
    if (e.observed.type === 'snapshot') this.compare(e, 'snapshot', { expiresAt: s.expiresAt }, e.observed.snapshot);
  }

  /**
   * Compares a cluster's listed on-demand snapshots with the model's: those taken in this
   * incarnation and not deleted must be there, unless past their expiresAt at `now` (the
   * mock's backup sweep deletes them when it next runs); no other may be.
   */
  private checkSnapshots(e: OrderedExchange | undefined, key: string, gen: number, seen: readonly SnapshotSeen[], now: string): void {
    const onDemand = new Map(seen.filter((s) => s.snapshotType === 'onDemand').map((s) => [s.id, s]));
    const fail = (why: string) => (e ? this.expect(false, e, why) : this.issue(`final ${key}: ${why}`));
    for (const s of this.snapshots.values()) {
      if (s.key !== key || s.gen !== gen || s.deleted) continue;
      const listed = onDemand.get(s.id);
      onDemand.delete(s.id);
      if (!listed) {
        if (!this.mayHaveExpired(s, now)) fail(`an accepted snapshot (${s.id}) is missing`);
        continue;
      }
      this.readsChecked += 1;
      if (listed.expiresAt !== s.expiresAt) fail(`snapshot ${s.id} expiresAt ${listed.expiresAt} ≠ ${s.expiresAt}`);
    }
    if (onDemand.size > 0) fail(`lists on-demand snapshots that should not exist: ${[...onDemand.keys()].join(', ')}`);
  }

  /** Names of clusters whose last accepted create/delete was a create, per project. */
  liveClusters(groupId: string): string[] {
    const prefix = `${groupId}/`;
    return [...this.clusters].filter(([key, c]) => key.startsWith(prefix) && c.live).map(([key]) => key.slice(prefix.length)).sort();
  }

  /** Compares the state after settling with what replaying every accepted write predicts. */
  checkFinal(reads: FinalReads): void {
    for (const [groupId, ear] of this.ears) {
      const seen = reads.ears.get(groupId);
      const diff = seen ? differences(ear, seen) : ['not read'];
      if (diff.length > 0) this.issue(`final encryptionAtRest of ${groupId}: ${diff.join(', ')}`);
      const listed = [...(reads.clusterLists.get(groupId) ?? [])].sort();
      const live = this.liveClusters(groupId);
      if (listed.join() !== live.join()) this.issue(`final clusters of ${groupId}: [${listed.join(', ')}], expected [${live.join(', ')}] (the last accepted create/delete of each)`);
    }
    for (const [key, c] of this.clusters) {
      const seen = reads.clusters.get(key);
      if (!c.live) {
        if (seen !== undefined) this.issue(`final ${key}: exists (${seen.stateName}) though its last accepted create/delete was a delete`);
        continue;
      }
      if (seen === undefined) {
        this.issue(`final ${key}: 404 though its last accepted create/delete was a create`);
        continue;
      }
      const diff = [...differences(c.fields, seen), ...(seen.stateName === 'IDLE' ? [] : [`stateName ${seen.stateName} ≠ "IDLE"`])];
      if (diff.length > 0) this.issue(`final ${key}: ${diff.join(', ')}`);
      const schedule = reads.schedules.get(key);
      const scheduleDiff = schedule ? differences(c.schedule, schedule) : ['schedule not read'];
      if (scheduleDiff.length > 0) this.issue(`final schedule of ${key}: ${scheduleDiff.join(', ')}`);
      this.checkSnapshots(undefined, key, c.gen, reads.snapshots.get(key) ?? [], reads.now);
    }
  }
}
