import type { MockState, Timer } from './mock-state';

/** Adds a timer, keeping the queue in `at` order (ties keep insertion order). */
export function schedule(state: MockState, timer: Timer): MockState {
  const at = Date.parse(timer.at);
  const index = state.timers.findIndex((t) => Date.parse(t.at) > at);
  const timers = index < 0 ? [...state.timers, timer] : [...state.timers.slice(0, index), timer, ...state.timers.slice(index)];
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
