import type { MockState, Timer } from './mock-state';

/** Adds a timer, keeping the queue in `at` order (ties keep insertion order). */
export function schedule(state: MockState, timer: Timer): MockState {
  const timers = state.timers.slice();
  insertInOrder(timers, timer);
  return { ...state, timers };
}

/** Removes the timers a predicate matches (e.g. a deleted cluster's). */
export function unschedule(state: MockState, matches: (timer: Timer) => boolean): MockState {
  const timers = state.timers.filter((t) => !matches(t));
  return timers.length === state.timers.length ? state : { ...state, timers };
}

/**
 * Replaces the timers a predicate matches with `timer`: `unschedule` then `schedule` with one copy
 * of the queue instead of two (every cluster update does this, with a timer per busy cluster).
 */
export function reschedule(state: MockState, matches: (timer: Timer) => boolean, timer: Timer): MockState {
  // An exact-size copy compacted in place: filter() grows its result as it goes, and the usual
  // replacement then fits in the slot the removed timer left.
  const timers = state.timers.slice();
  let kept = 0;
  for (const t of timers) if (!matches(t)) timers[kept++] = t;
  timers.length = kept;
  insertInOrder(timers, timer);
  return { ...state, timers };
}

/** Inserts `timer` into an ordered queue the caller owns, after every timer due at or before it. */
function insertInOrder(timers: Timer[], timer: Timer): void {
  const at = dueMs(timer);
  const last = timers[timers.length - 1];
  // A new timer is usually the latest (now + a fixed delay): append without searching.
  if (last === undefined || dueMs(last) <= at) {
    timers.push(timer);
    return;
  }
  let low = 0;
  let high = timers.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (dueMs(timers[mid]!) > at) high = mid;
    else low = mid + 1;
  }
  timers.splice(low, 0, timer);
}

// Timers are immutable, so each `at` is parsed once, not on every insertion that compares with it
// (a linear scan parsing each `at` was 3% of a PATCH under load with 100 busy clusters).
const parsedDue = new WeakMap<Timer, number>();

function dueMs(timer: Timer): number {
  let ms = parsedDue.get(timer);
  if (ms === undefined) {
    ms = Date.parse(timer.at);
    parsedDue.set(timer, ms);
  }
  return ms;
}

/** An instant `ms` after `iso`, as ISO-8601. */
export function later(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** Mints the next id and returns it with the state that remembers it was used. */
export function nextId(state: MockState, now: string, mint: (sequence: number, now: string) => string): [string, MockState] {
  const sequence = state.sequence + 1;
  return [mint(sequence, now), { ...state, sequence }];
}
