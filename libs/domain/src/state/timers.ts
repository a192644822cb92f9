import type { MockState, Timer } from './mock-state';

/** Adds a timer, keeping the queue in `at` order (ties keep insertion order). */
export function schedule(state: MockState, timer: Timer): MockState {
  // Binary search for the first later timer: every cluster change schedules one, and a linear
  // scan parsing each `at` was 3% of a PATCH under load with 100 busy clusters.
  const at = Date.parse(timer.at);
  let low = 0;
  let high = state.timers.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (Date.parse(state.timers[mid]!.at) > at) high = mid;
    else low = mid + 1;
  }
  const timers = state.timers.slice();
  timers.splice(low, 0, timer);
  return { ...state, timers };
}

/** Removes the timers a predicate matches (e.g. a deleted cluster's). */
export function unschedule(state: MockState, matches: (timer: Timer) => boolean): MockState {
  const timers = state.timers.filter((t) => !matches(t));
  return timers.length === state.timers.length ? state : { ...state, timers };
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
