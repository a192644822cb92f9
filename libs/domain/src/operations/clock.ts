import type { MockState, Timer, TimerKind } from '../state/mock-state';
import type { OperationContext } from './result';
import { clusterTimerHandlers } from './clusters/timers';
import { backupTimerHandlers } from './backup/timers';
import { kmsTimerHandlers } from './kms/timers';

/** Runs one due timer; `ctx.now` is the timer's own instant, so effects are dated when they happened. */
export type TimerHandler<K extends TimerKind> = (state: MockState, timer: Extract<Timer, { kind: K }>, ctx: OperationContext) => MockState;
export type TimerHandlers = { readonly [K in TimerKind]?: TimerHandler<K> };

const HANDLERS: TimerHandlers = { ...clusterTimerHandlers, ...backupTimerHandlers, ...kmsTimerHandlers };

// A handler that re-arms itself at its own instant would loop forever; this bounds one catch-up.
const MAX_TIMERS_PER_ADVANCE = 1_000_000;

/**
 * Whether a timer is due at or before `untilMs` (epoch milliseconds): whether advanceClock would
 * change anything. Cheap — the queue is kept in time order — so a caller can ask it on every
 * request before building an operation context.
 * @example if (hasDueTimer(state, Date.now())) state = advanceClock(state, ctx)
 */
export function hasDueTimer(state: MockState, untilMs: number): boolean {
  const first = state.timers[0];
  return first !== undefined && !(Date.parse(first.at) > untilMs);
}

/**
 * Brings the state up to `ctx.now`: runs every timer due at or before it, earliest first,
 * each at its own instant (so a week of virtual time runs 672 validity checks in order).
 * @example store.replace(advanceClock(store.state, store.context()))
 */
export function advanceClock(state: MockState, ctx: OperationContext): MockState {
  const until = Date.parse(ctx.now);
  let current = state;
  for (let i = 0; i < MAX_TIMERS_PER_ADVANCE; i += 1) {
    if (!hasDueTimer(current, until)) return current;
    const due = current.timers[0] as Timer;
    current = { ...current, timers: current.timers.slice(1) };
    const handler = HANDLERS[due.kind] as TimerHandler<TimerKind> | undefined;
    if (handler) current = handler(current, due, { ...ctx, now: due.at });
  }
  throw new Error('advanceClock: timers keep re-arming at the same instant');
}
