// Follows the mock's request journal during a run: GET /_mock/requests?after=<last id> a few
// times a second, so that nothing is lost to the journal's bounded capacity however long the
// run. Ids are consecutive across the whole journal, so a jump means entries were dropped
// (overwritten before they were read, or cleared by someone else) and the check would no
// longer cover the whole run: that is reported, not ignored.
import type { ControlApi } from './soak-http';

/** The part of a journal entry the soak uses. */
export interface SeenEntry {
  readonly id: number;
  /** Arrival on the mock's clock. */
  readonly at: string;
  readonly method: string;
  readonly path: string;
  readonly status: number | null;
  readonly principal?: string;
  readonly revision?: number;
}

/**
 * Reads the journal incrementally from the entry after `afterId` on.
 * @example const f = new JournalFollower(new ControlApi(baseUrl)); await f.start(); … await f.stop(); f.entries
 */
export class JournalFollower {
  readonly entries: SeenEntry[] = [];
  /** Where ids jumped: `[expected, got]`. */
  readonly gaps: [number, number][] = [];
  private lastId = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  constructor(
    private readonly control: ControlApi,
    private readonly periodMs = 250,
  ) {}

  /** Skips everything recorded so far, then polls every `periodMs`. */
  async start(): Promise<void> {
    const all = await this.control.call<{ results: SeenEntry[] }>('GET', '/_mock/requests');
    this.lastId = all.results.reduce((max, e) => Math.max(max, e.id), 0);
    this.timer = setInterval(() => {
      this.polling = this.polling.then(() => this.poll()).catch((error: unknown) => {
        this.failure ??= error as Error;
      });
    }, this.periodMs);
  }

  /** Reads what is new once more; throws if any poll failed. */
  async poll(): Promise<void> {
    const page = await this.control.call<{ results: SeenEntry[] }>('GET', `/_mock/requests?after=${this.lastId}`);
    for (const e of page.results) {
      // A mock without `after` answers the whole journal: skip what was read already.
      if (e.id <= this.lastId) continue;
      if (e.id !== this.lastId + 1) this.gaps.push([this.lastId + 1, e.id]);
      this.lastId = e.id;
      this.entries.push({
        id: e.id,
        at: e.at,
        method: e.method,
        path: e.path,
        status: e.status,
        ...(e.principal !== undefined ? { principal: e.principal } : {}),
        ...(e.revision !== undefined ? { revision: e.revision } : {}),
      });
    }
  }

  /** Stops polling after a last read. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
    await this.poll();
    if (this.failure) throw this.failure;
  }
}
