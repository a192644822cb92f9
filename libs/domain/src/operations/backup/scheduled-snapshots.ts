// Scheduled snapshots and expiry, run by the hourly 'backup-sweep' timer. Built to stay
// cheap for thousands of clusters: a remembered index per snapshots array, one state copy
// per sweep, and one progress timer for all the snapshots a sweep takes.
import type { Cluster, Project, Snapshot } from '@mock-atlas/model';
import { mintObjectId } from '../../state/object-ids';
import type { MockState } from '../../state/mock-state';
import { later, schedule } from '../../state/timers';
import type { OperationContext } from '../result';
import { hasCloudBackup } from './lookup';
import { retainUntil } from './retention';
import { baseItemFor, periodOf } from './schedule-policy';
import { queuedSnapshot } from './snapshots';

/** How often the sweep runs (its timer re-arms itself this much later). */
export const BACKUP_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** A cluster whose scheduled snapshots run: idle, running, not disabled by its key, with Cloud Backup. */
function takesScheduledSnapshots(cluster: Cluster): boolean {
  return (cluster.stateName ?? 'IDLE') === 'IDLE' && !cluster.paused && !cluster.disabled && hasCloudBackup(cluster);
}

/** What the sweep needs to know about a project's snapshots, read in one pass. */
interface SnapshotIndex {
  /** The earliest `expiresAt` of any snapshot (ms), Infinity when none has one: nothing expires before it. */
  readonly earliestExpiry: number;
  /** When each cluster last had a scheduled snapshot (ms). */
  readonly lastScheduled: ReadonlyMap<string, number>;
}

// State is immutable, so a snapshots array never changes: its index is computed once and
// remembered for as long as the array lives, and carried over to the arrays the sweep and
// the progress timers derive from it. Most hourly sweeps then cost a lookup per project.
const INDEXES = new WeakMap<readonly Snapshot[], SnapshotIndex>();

function extended(index: SnapshotIndex, added: readonly Snapshot[]): SnapshotIndex {
  let earliestExpiry = index.earliestExpiry;
  const lastScheduled = new Map(index.lastScheduled);
  for (const s of added) {
    if (s.expiresAt !== undefined) earliestExpiry = Math.min(earliestExpiry, Date.parse(s.expiresAt));
    if (s.snapshotType === 'scheduled') lastScheduled.set(s.clusterName, Math.max(lastScheduled.get(s.clusterName) ?? Number.NEGATIVE_INFINITY, Date.parse(s.createdAt)));
  }
  return { earliestExpiry, lastScheduled };
}

function indexOf(snapshots: readonly Snapshot[]): SnapshotIndex {
  let index = INDEXES.get(snapshots);
  if (!index) {
    index = extended({ earliestExpiry: Number.POSITIVE_INFINITY, lastScheduled: new Map() }, snapshots);
    INDEXES.set(snapshots, index);
  }
  return index;
}

/**
 * Tells the sweep that `to` holds the same snapshots as `from`, taken at the same instants
 * and kept as long, only in other statuses (a progress step), so `from`'s index holds.
 */
export function sameSnapshotTimes(from: readonly Snapshot[], to: readonly Snapshot[]): void {
  const index = INDEXES.get(from);
  if (index) INDEXES.set(to, index);
}

/** The snapshots still kept at `nowMs`: a completed snapshot whose `expiresAt` has passed is deleted. The same array when none is. */
function unexpired(snapshots: readonly Snapshot[], nowMs: number): readonly Snapshot[] {
  if (indexOf(snapshots).earliestExpiry > nowMs) return snapshots;
  const kept = snapshots.filter((s) => s.status !== 'completed' || s.expiresAt === undefined || Date.parse(s.expiresAt) > nowMs);
  return kept.length === snapshots.length ? snapshots : kept;
}

/** A cluster's next scheduled snapshot is due once its base item's period has passed since the last one (at once if none). */
function isDue(project: Project, cluster: Cluster, lastMs: number | undefined, now: string, nowMs: number): { expiresAt: string } | undefined {
  const item = baseItemFor(project, cluster.name);
  const period = item && periodOf(item);
  if (!item || period === undefined) return undefined;
  if (lastMs !== undefined && nowMs - lastMs < period) return undefined;
  return { expiresAt: retainUntil(now, item.retentionValue, item.retentionUnit) ?? now };
}

/**
 * One run of the backup sweep at `ctx.now`: deletes completed snapshots whose `expiresAt`
 * has passed, and takes a `scheduled` snapshot of every idle, running, enabled
 * Cloud Backup cluster whose schedule's base item (every 6 hours by default, S0:95) has
 * come due, recording the active customer key like an on-demand snapshot. The snapshots
 * one sweep takes share one progress timer (see timers.ts), and the sweep re-arms itself
 * an hour later.
 */
export function sweepBackups(state: MockState, ctx: OperationContext): MockState {
  const now = ctx.now;
  const nowMs = Date.parse(now);
  let sequence = state.sequence;
  const changed: Record<string, Project> = {};
  // The first snapshot this sweep takes anchors the one timer that moves them all.
  let anchor: { groupId: string; snapshotId: string } | undefined;
  for (const project of Object.values(state.projects)) {
    const kept = unexpired(project.snapshots, nowMs);
    const candidates = project.clusters.filter(takesScheduledSnapshots);
    if (candidates.length === 0 && kept === project.snapshots) continue;
    const last = indexOf(kept).lastScheduled;
    const taken: Snapshot[] = [];
    for (const cluster of candidates) {
      const due = isDue(project, cluster, last.get(cluster.name), now, nowMs);
      if (!due) continue;
      sequence += 1;
      taken.push(queuedSnapshot(mintObjectId(sequence, now), project, cluster, { snapshotType: 'scheduled', expiresAt: due.expiresAt }, now));
    }
    if (taken.length === 0 && kept === project.snapshots) continue;
    const snapshots = [...kept, ...taken];
    INDEXES.set(snapshots, extended(indexOf(kept), taken));
    changed[project.id] = { ...project, snapshots };
    const first = taken[0];
    if (first) anchor ??= { groupId: project.id, snapshotId: first.id };
  }
  let next: MockState = {
    ...state,
    sequence,
    projects: Object.keys(changed).length === 0 ? state.projects : { ...state.projects, ...changed },
  };
  if (anchor) {
    next = schedule(next, { kind: 'snapshot-transition', at: later(now, ctx.options.backupStepMs), ...anchor, to: 'inProgress' });
  }
  return schedule(next, { kind: 'backup-sweep', at: later(now, BACKUP_SWEEP_INTERVAL_MS) });
}

/**
 * When the sweep will take the cluster's next scheduled snapshot (the schedule's
 * `nextSnapshot`): the first sweep at or after the base item's period has passed since the
 * last scheduled snapshot. Undefined when none will be taken.
 */
export function nextScheduledSnapshot(state: MockState, project: Project, cluster: Cluster, now: string): string | undefined {
  const item = baseItemFor(project, cluster.name);
  const period = item && periodOf(item);
  if (period === undefined || !hasCloudBackup(cluster)) return undefined;
  const last = indexOf(project.snapshots).lastScheduled.get(cluster.name);
  const dueAt = last === undefined ? Date.parse(now) : last + period;
  const sweep = state.timers.find((t) => t.kind === 'backup-sweep');
  if (!sweep) return new Date(dueAt).toISOString();
  const sweepAt = Date.parse(sweep.at);
  const steps = dueAt <= sweepAt ? 0 : Math.ceil((dueAt - sweepAt) / BACKUP_SWEEP_INTERVAL_MS);
  return new Date(sweepAt + steps * BACKUP_SWEEP_INTERVAL_MS).toISOString();
}
