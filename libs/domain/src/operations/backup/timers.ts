import type { Project, Snapshot, SnapshotStatus } from '@mock-atlas/model';
import type { MockState, Timer } from '../../state/mock-state';
import type { TimerHandler, TimerHandlers } from '../clock';
import { later, schedule } from '../../state/timers';
import { completeRestoreJob } from './restore-jobs';
import { sameSnapshotTimes, sweepBackups } from './scheduled-snapshots';

type SnapshotTimer = Extract<Timer, { kind: 'snapshot-transition' }>;

const PREVIOUS: Readonly<Record<SnapshotTimer['to'], SnapshotStatus>> = { inProgress: 'queued', completed: 'inProgress' };

/**
 * When the snapshots a timer moves were taken: its anchor snapshot's `createdAt`, or, if
 * the anchor is gone (its project was reloaded), the instant the timer was queued for.
 */
function takenAt(state: MockState, timer: SnapshotTimer, stepMs: number): string {
  const anchor = state.projects[timer.groupId]?.snapshots.find((s) => s.id === timer.snapshotId);
  return anchor?.createdAt ?? later(timer.at, -(timer.to === 'inProgress' ? 1 : 2) * stepMs);
}

/**
 * `a <= b` for ISO-8601 instants. Instants the mock writes come from toISOString (24
 * characters, fixed layout) and compare as text; anything else (a config file's
 * `2026-03-01T06:00:00Z`) is parsed.
 */
function notAfter(a: string, b: string): boolean {
  return a.length === 24 && b.length === 24 ? a <= b : Date.parse(a) <= Date.parse(b);
}

/** The project with its snapshots taken at `instant` in status `from` moved to `to`, or undefined when none is. */
function moved(project: Project, instant: string, from: SnapshotStatus, to: SnapshotStatus): Project | undefined {
  const snapshots = project.snapshots;
  // Snapshots are appended as they are taken, so the ones taken at `instant` are at the end.
  let i = snapshots.length - 1;
  while (i >= 0 && !notAfter(snapshots[i]!.createdAt, instant)) i -= 1;
  let hit = false;
  for (let j = i; j >= 0 && snapshots[j]!.createdAt === instant; j -= 1) hit ||= snapshots[j]!.status === from;
  if (!hit) return undefined;
  const moves = (s: Snapshot) => s.createdAt === instant && s.status === from;
  const next = snapshots.map((s) => (moves(s) ? { ...s, status: to } : s));
  sameSnapshotTimes(snapshots, next);
  return { ...project, snapshots: next };
}

/**
 * Snapshots move one step (queued → inProgress → completed) on their timer, and with them
 * every snapshot taken at the same instant and in the same status, in any project: one
 * sweep queues one timer for all the scheduled snapshots it took, so that thousands of
 * clusters cost one state update per step rather than one each.
 */
const snapshotTransition: TimerHandler<'snapshot-transition'> = (state, timer, ctx) => {
  const instant = takenAt(state, timer, ctx.options.backupStepMs);
  const from = PREVIOUS[timer.to];
  const changed: Record<string, Project> = {};
  for (const project of Object.values(state.projects)) {
    const updated = moved(project, instant, from, timer.to);
    if (updated) changed[project.id] = updated;
  }
  if (Object.keys(changed).length === 0) return state;
  const next = { ...state, projects: { ...state.projects, ...changed } };
  if (timer.to !== 'inProgress') return next;
  return schedule(next, { ...timer, at: later(ctx.now, ctx.options.backupStepMs), to: 'completed' });
};

/** What the backup slice does when its timers come due: snapshot progress, restore completion, the hourly sweep. */
export const backupTimerHandlers: TimerHandlers = {
  'snapshot-transition': snapshotTransition,
  // Restore jobs are queued with their completion only; an 'inProgress' step changes nothing the model holds.
  'restore-transition': (state, timer, ctx) => (timer.to === 'completed' ? completeRestoreJob(state, timer.groupId, timer.restoreJobId, ctx.now) : state),
  'backup-sweep': (state, _timer, ctx) => sweepBackups(state, ctx),
};
