// The mock holding a lot: 1,000 projects × 10 clusters × 10 snapshots, loaded from generated
// configs through startServer({configs}) (the `--config` code path) in a child with --expose-gc.
// Its RSS after GC, and the latency of a GET next to the same mock holding only that project.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectConfig, SECRET_ENV, type GeneratedProject } from '../configs';
import { CLIENT_V2_ACCEPT, SEED, type BenchContext } from '../context';
import { bearerToken } from '../http';
import { clean, runLoad, type LoadRun, type LoadSpec } from '../load';
import { forkWorker, stop, type Worker } from '../processes';
import { Random } from '../random';
import { mean, round } from '../stats';
import type { Row } from '../table';
import { cpuOf } from './mock-http';

const PROJECTS = 1000;
const CLUSTERS = 10;
const SNAPSHOTS = 10;
const MIB = 1024 * 1024;
/**
 * How long the servers sit idle before their memory is read (after a GC): V8 hands the pages that
 * the load's garbage occupied back to the system over several seconds, so RSS read right after
 * loading measures the load, not the state (both readings are kept in the results).
 */
const SETTLE_MS = 15_000;

interface Ready {
  readonly baseUrl: string;
  readonly loadMs: number;
  readonly projects: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}
interface Memory {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

function startScaleServer(ctx: BenchContext, listFile: string): Promise<Worker<Ready>> {
  return forkWorker<Ready>(join(ctx.benchDist, 'scale-server.mjs'), [listFile], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, BENCH_CONFIG_ENV: JSON.stringify(SECRET_ENV) },
  });
}

/** RSS after GC with the big state, settled (≤ 300 MiB), and GET latency big / one project (≤ 1.2). */
export async function scaleFigures(ctx: BenchContext): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  ctx.log(`scale: generating ${PROJECTS} projects × ${CLUSTERS} clusters × ${SNAPSHOTS} snapshots`);
  const dir = join(ctx.tmp, 'scale');
  mkdirSync(dir, { recursive: true });
  const random = new Random(SEED);
  const files: string[] = [];
  let last: GeneratedProject | undefined;
  for (let index = 0; index < PROJECTS; index += 1) {
    last = projectConfig(random, { index, clusters: CLUSTERS, snapshotsPerCluster: SNAPSHOTS, layout: 'mixed' });
    const file = join(dir, `project-${String(index).padStart(4, '0')}.yaml`);
    writeFileSync(file, last.yaml);
    files.push(file);
  }
  if (!last) throw new Error('no projects generated');
  // The GETs go to the last project loaded: any scan over projects or credentials pays in full.
  const target = last;
  writeFileSync(join(dir, 'all.txt'), files.join('\n'));
  writeFileSync(join(dir, 'one.txt'), files[files.length - 1]!);

  ctx.log('  loading them into a mock (child process, --expose-gc)');
  const big = await startScaleServer(ctx, join(dir, 'all.txt'));
  try {
    ctx.log(`  loaded ${big.ready.projects} projects in ${round(big.ready.loadMs / 1000, 1)} s; RSS right after, after GC: ${round(big.ready.rssBytes / MIB, 0)} MiB`);
    const one = await startScaleServer(ctx, join(dir, 'one.txt'));
    try {
      ctx.log(`  letting both settle for ${SETTLE_MS / 1000} s, then GC and read their memory`);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const bigSettled = await big.ask<Memory>({ kind: 'memory' });
      const oneSettled = await one.ask<Memory>({ kind: 'memory' });
      const path = `/api/atlas/v2/groups/${target.id}/encryptionAtRest`;
      const spec = async (worker: Worker<Ready>, label: string): Promise<LoadSpec> => {
        const token = await bearerToken(worker.ready.baseUrl, target.serviceAccount.clientId, target.serviceAccount.clientSecret);
        return { label, url: `${worker.ready.baseUrl}${path}`, headers: { accept: CLIENT_V2_ACCEPT, authorization: `Bearer ${token}` }, serverPid: worker.child.pid };
      };
      const bigSpec = await spec(big, `GET encryptionAtRest, ${PROJECTS} projects loaded`);
      const oneSpec = await spec(one, 'GET encryptionAtRest, that project alone');
      // The first requests also run the periodic checks that are due at start (validity, backup sweep).
      ctx.log(`  warming up both (${ctx.warmupSeconds} s each)`);
      await runLoad(bigSpec, ctx.warmupSeconds);
      await runLoad(oneSpec, ctx.warmupSeconds);
      const runs = { big: [] as LoadRun[], one: [] as LoadRun[] };
      for (let i = 0; i < 2; i += 1) {
        ctx.log(`  ${bigSpec.label} (${ctx.seconds} s)`);
        runs.big.push(await runLoad(bigSpec, ctx.seconds));
        ctx.log(`  ${oneSpec.label} (${ctx.seconds} s)`);
        runs.one.push(await runLoad(oneSpec, ctx.seconds));
      }
      const bigAfter = await big.ask<Memory>({ kind: 'memory' });
      const oneAfter = await one.ask<Memory>({ kind: 'memory' });

      const rssMib = bigSettled.rssBytes / MIB;
      const oneRssMib = oneSettled.rssBytes / MIB;
      const bigLatency = mean(runs.big.map((r) => r.latencyMs.mean));
      const oneLatency = mean(runs.one.map((r) => r.latencyMs.mean));
      const ratio = bigLatency / oneLatency;
      const bad = [...runs.big, ...runs.one].filter((r) => !clean(r));
      const cpu = cpuOf({ ours: runs.big, baseline: runs.one });
      return {
        rows: [
          {
            figure: `scale RSS after GC (${PROJECTS}×${CLUSTERS}×${SNAPSHOTS})`,
            ours: round(rssMib, 0),
            baseline: round(oneRssMib, 0),
            unit: 'MiB',
            ratio: round(rssMib / oneRssMib, 2),
            target: '≤ 300 MiB',
            pass: rssMib <= 300,
          },
          {
            figure: 'scale GET latency (mean) vs one project',
            ours: round(bigLatency, 3),
            baseline: round(oneLatency, 3),
            unit: 'ms',
            ratio: round(ratio, 3),
            target: '≤ 1.2 × one project',
            pass: bad.length === 0 && ratio <= 1.2,
            ...(bad.length > 0 ? { invalid: `${bad.length} runs had failed requests` } : {}),
            ...(cpu ? { cpuUsPerRequest: cpu } : {}),
          },
        ],
        raw: {
          loadMs: round(big.ready.loadMs, 0),
          settleMs: SETTLE_MS,
          big: { atLoad: { rssBytes: big.ready.rssBytes, heapUsedBytes: big.ready.heapUsedBytes }, settled: bigSettled, afterRuns: bigAfter, runs: runs.big },
          one: { atLoad: { rssBytes: one.ready.rssBytes, heapUsedBytes: one.ready.heapUsedBytes }, settled: oneSettled, afterRuns: oneAfter, runs: runs.one },
        },
      };
    } finally {
      await stop(one.child);
    }
  } finally {
    await stop(big.child);
  }
}
