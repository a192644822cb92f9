import { durationMs, type MockStore } from './embedded-app';

/** The mock's virtual clock (GET/POST /_mock/clock). Moving it runs everything that came due. */
export interface ClockHelpers {
  /** `manual`: time moves only through `advance` and `set`; `real`: with the wall clock too. */
  readonly mode: 'manual' | 'real';
  now(): Promise<Date>;
  /**
   * Moves time forward by an ISO-8601 duration (`PT15M`, `PT6H`, `P91D`) or a number of
   * milliseconds, then runs the checks, snapshots and transitions that came due.
   * @example await atlas.clock.advance('PT6H')
   */
  advance(duration: string | number): Promise<Date>;
  /** Jumps to an instant at or after now, then runs what came due. */
  set(instant: string | Date): Promise<Date>;
}

function millisecondsOf(duration: string | number): number {
  const ms = typeof duration === 'number' ? duration : durationMs(duration);
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`clock.advance takes an ISO-8601 duration such as PT15M, PT6H or P91D, or milliseconds >= 0; got ${String(duration)}`);
  }
  return ms;
}

/** The clock helpers of one store. */
export function clockHelpers(store: MockStore): ClockHelpers {
  const moved = (): Date => {
    store.catchUp();
    return store.clock.now();
  };
  return {
    mode: store.clock.mode,
    now: async () => moved(),
    advance: async (duration) => {
      store.catchUp();
      store.clock.advance(millisecondsOf(duration));
      return moved();
    },
    set: async (instant) => {
      const target = instant instanceof Date ? instant : new Date(instant);
      if (Number.isNaN(target.getTime())) throw new RangeError(`clock.set takes an ISO-8601 instant such as 2027-01-01T00:00:00Z; got ${String(instant)}`);
      store.catchUp();
      const now = store.clock.now();
      if (target.getTime() < now.getTime()) {
        throw new RangeError(`The clock only moves forward: ${target.toISOString()} is before the current time ${now.toISOString()}.`);
      }
      store.clock.set(target);
      return moved();
    },
  };
}
