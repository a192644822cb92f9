/** The time source of everything that expires or is dated: injected, so tests and `--clock manual` can move it. */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };
