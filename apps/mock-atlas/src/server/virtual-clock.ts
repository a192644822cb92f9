import type { Clock } from '../http/clock';

/** `real`: time runs with the wall clock (shifted by any advance); `manual`: only advance/set move it. */
export type ClockMode = 'real' | 'manual';

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Milliseconds in an ISO-8601 duration of days, hours, minutes and seconds.
 * @example durationMs('PT6H') // → 21600000
 */
export function durationMs(iso: string): number | undefined {
  const m = DURATION.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return undefined;
  const [, d = '0', h = '0', min = '0', s = '0'] = m;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(s) * 1000;
}

/** The mock's clock: every expiry, transition and scheduled check reads it. */
export class VirtualClock implements Clock {
  private offsetMs = 0;
  private manualNow: number;
  private readonly startedAt: number;

  constructor(
    readonly mode: ClockMode = 'real',
    private readonly wall: () => number = Date.now,
  ) {
    this.startedAt = wall();
    this.manualNow = this.startedAt;
  }

  now(): Date {
    return new Date(this.mode === 'manual' ? this.manualNow : this.wall() + this.offsetMs);
  }

  /** Moves time forward; never backwards, so expiries stay monotonic. */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('the clock only moves forward');
    if (this.mode === 'manual') this.manualNow += ms;
    else this.offsetMs += ms;
  }

  /**
   * Back to the instant the clock started at (manual), or to the wall clock (real): for a test
   * harness that resets the state to what it was at start, whose timers are due from then.
   * Never reachable through the Atlas or control API, where time only moves forward.
   */
  restart(): void {
    this.offsetMs = 0;
    this.manualNow = this.startedAt;
  }

  /** Jumps to an instant at or after now. */
  set(instant: Date): void {
    this.advance(Math.max(0, instant.getTime() - this.now().getTime()));
  }
}
