// Load runs with autocannon: a fixed number of keep-alive connections, no pipelining, for a
// fixed time; each run keeps its per-second request counts as raw samples.
import autocannon, { type Client, type Request } from 'autocannon';
import { cpuMsOf } from './cpu';
import { round } from './stats';

/** What to send. `setupClient` gives each connection its own requests (the digest client). */
export interface LoadSpec {
  readonly label: string;
  readonly url: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly requests?: Request[];
  readonly setupClient?: (client: Client) => void;
  /** The server's process, whose CPU time the run records. */
  readonly serverPid?: number;
}

/** One load run's outcome. */
export interface LoadRun {
  readonly label: string;
  readonly seconds: number;
  readonly connections: number;
  /** Responses per second, the mean of the 1-second samples (autocannon's `requests.average`). */
  readonly requestsPerSec: number;
  readonly latencyMs: { readonly mean: number; readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
  readonly total: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Responses completed in each second of the run. */
  readonly perSecond: readonly number[];
  /** The server's CPU time (user + system) per response, in microseconds, when its pid is known. */
  readonly serverCpuUsPerRequest?: number;
}

/** Runs one load test against `spec` with `connections` connections for `seconds` seconds. */
export function runLoad(spec: LoadSpec, seconds: number, connections = 10): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const perSecond: number[] = [];
    const cpuBefore = cpuMsOf(spec.serverPid);
    const instance = autocannon(
      {
        url: spec.url,
        connections,
        duration: seconds,
        ...(spec.method ? { method: spec.method } : {}),
        ...(spec.headers ? { headers: spec.headers } : {}),
        ...(spec.requests ? { requests: spec.requests } : {}),
        ...(spec.setupClient ? { setupClient: spec.setupClient } : {}),
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const cpuAfter = cpuMsOf(spec.serverPid);
        const cpuUs = cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0 ? ((cpuAfter - cpuBefore) * 1000) / result.requests.total : undefined;
        resolve({
          label: spec.label,
          seconds,
          connections,
          requestsPerSec: round(result.requests.average, 1),
          latencyMs: {
            mean: round(result.latency.mean, 3),
            p50: result.latency.p50,
            p90: result.latency.p90,
            p99: result.latency.p99,
            max: result.latency.max,
          },
          total: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          perSecond,
          ...(cpuUs !== undefined ? { serverCpuUsPerRequest: round(cpuUs, 1) } : {}),
        });
      },
    );
    instance.on('tick', (tick: { counter: number }) => perSecond.push(tick.counter));
  });
}

/** Whether every response of the run was a 2xx and nothing failed. */
export function clean(run: LoadRun): boolean {
  return run.non2xx === 0 && run.errors === 0 && run.timeouts === 0 && run.total > 0;
}
