// `npm run soak [-- --clients 50 --duration 30 --seed 1 --json --base-url http://127.0.0.1:8080]`:
// the concurrency soak against an in-process mock (default) or a running one. Exits 0 when the
// run passed, 1 when it found a problem, 2 on bad arguments or when it could not run.
import { parseArgs } from 'node:util';
import type { RunningMockAtlas } from '../server/start';
import { runSoak } from './soak';
import { formatSoakReport } from './soak-report';
import { DEFAULT_TICK_MS, IN_PROCESS_TICK_MS, startSoakTarget } from './soak-target';

const USAGE = `usage: npm run soak -- [--clients N] [--duration SECONDS] [--seed N] [--json] [--base-url URL] [--tick-ms MS] [--projects N] [--clusters N] [--control-token TOKEN]
  --clients    concurrent clients (default 50), half Digest, half Bearer
  --duration   seconds of load (default 30)
  --seed       seed of the operation mix (default 1)
  --json       print the report as one JSON object
  --base-url   soak a running mock-atlas (control API on; start it with --clock manual) instead of one in this process
  --tick-ms    virtual ms each clock tick adds (default ${IN_PROCESS_TICK_MS} in process, ${DEFAULT_TICK_MS} with --base-url):
               at least the mock's cluster transition time
  --projects   projects (default 2); --clusters: clusters per project (default 3)
  --control-token  the --base-url mock's control token (default: $MOCK_ATLAS_CONTROL_TOKEN)`;

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new RangeError(`--${name} must be a whole number from ${min} to ${max}, not ${raw}`);
  return value;
}

async function main(): Promise<number> {
  let args;
  let options;
  try {
    ({ values: args } = parseArgs({
      options: {
        clients: { type: 'string' },
        duration: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean', default: false },
        'base-url': { type: 'string' },
        'tick-ms': { type: 'string' },
        projects: { type: 'string' },
        clusters: { type: 'string' },
        'control-token': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    const baseUrl = args['base-url']?.replace(/\/+$/, '');
    if (baseUrl !== undefined && !/^https?:\/\/[^/]+$/.test(baseUrl)) throw new RangeError(`--base-url must be http(s)://host:port, not ${baseUrl}`);
    options = {
      baseUrl,
      clients: whole('clients', args.clients, 50, 1, 1000),
      durationMs: whole('duration', args.duration, 30, 1, 3600) * 1000,
      seed: whole('seed', args.seed, 1, 0, 2 ** 32 - 1),
      tickMs: whole('tick-ms', args['tick-ms'], baseUrl ? DEFAULT_TICK_MS : IN_PROCESS_TICK_MS, 1000, 86_400_000),
      projects: whole('projects', args.projects, 2, 1, 20),
      clustersPerProject: whole('clusters', args.clusters, 3, 1, 50),
      controlToken: args['control-token'] ?? process.env['MOCK_ATLAS_CONTROL_TOKEN'],
    };
  } catch (error) {
    console.error(`soak: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let atlas: RunningMockAtlas | undefined;
  try {
    if (!options.baseUrl) atlas = await startSoakTarget();
    const { controlToken, ...rest } = options;
    // The in-process mock is started without a control token.
    const target = atlas ? { baseUrl: atlas.baseUrl } : { baseUrl: options.baseUrl!, ...(controlToken ? { controlToken } : {}) };
    const report = await runSoak({ ...rest, ...target });
    console.log(args.json ? JSON.stringify(report) : formatSoakReport(report));
    return report.ok ? 0 : 1;
  } catch (error) {
    console.error(`soak: could not run${options.baseUrl ? ` against ${options.baseUrl}` : ''}: ${reasonOf(error)}`);
    // A target that cannot be reached needs no stack; anything else is a bug of the soak's own.
    if (!isReachFailure(error) && error instanceof Error && error.stack) console.error(error.stack);
    return 2;
  } finally {
    await atlas?.close();
  }
}

/**
 * Whether the target could not be reached: a system error (ECONNREFUSED, ENOTFOUND…) or fetch's
 * "fetch failed", which carries what went wrong as its `cause`.
 */
function isReachFailure(error: unknown): boolean {
  return error instanceof Error && (typeof (error as { code?: unknown }).code === 'string' || error.cause !== undefined);
}

/** The cause of a failure in one line: fetch's "fetch failed" hides the socket error in `cause`. */
function reasonOf(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error && messages.length < 4; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    messages.push(typeof code === 'string' && !e.message.includes(code) ? `${e.message} (${code})` : e.message);
  }
  return messages.length > 0 ? messages.join(': ') : String(error);
}

process.exitCode = await main();
