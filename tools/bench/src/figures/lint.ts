// atlas-lint as people run it: the bundled CLI, a fresh process per call, on generated configs.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { largeConfig, projectConfig } from '../configs';
import { SEED, type BenchContext } from '../context';
import { timeRun } from '../processes';
import { Random } from '../random';
import { median, round } from '../stats';
import type { Row } from '../table';

/** The date the rules compare with, so that findings do not depend on the day of the run. */
const NOW = '2026-01-01T00:00:00Z';
const COLD_RUNS = 20;
const COLD_WARMUPS = 3;
const THROUGHPUT_RUNS = 3;
const GROWTH_RUNS = 3;
const GROWTH_N = 5000;
const MANY_CONFIGS = 1000;
const LARGE_BYTES = 10 * 1024 * 1024;

/** Runs the linter once; exit codes 0 and 1 (findings) are fine, anything else is an error. */
async function lint(ctx: BenchContext, args: readonly string[]): Promise<number> {
  const { ms, code } = await timeRun(process.execPath, [ctx.lintBin, ...args, '--now', NOW, '--no-config-lookup'], { cwd: ctx.tmp });
  if (code !== 0 && code !== 1) throw new Error(`atlas-lint ${args.join(' ')} exited with ${code}`);
  return ms;
}

/** Cold start vs `node -e 0`; 1,000 configs in one call; one 10 MB config; time(2n)/time(n). */
export async function lintFigures(ctx: BenchContext): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const dir = join(ctx.tmp, 'lint');
  mkdirSync(join(dir, 'many'), { recursive: true });
  const random = new Random(SEED);

  // One small file: the kind a pre-commit hook lints.
  const small = join(dir, 'small.yaml');
  writeFileSync(small, projectConfig(random, { index: 0, clusters: 3, snapshotsPerCluster: 1, layout: 'mixed' }).yaml);
  ctx.log(`lint cold start: atlas-lint on one small file vs node -e 0 (${COLD_WARMUPS} warm-ups, then ${COLD_RUNS} alternating runs)`);
  for (let i = 0; i < COLD_WARMUPS; i += 1) {
    await timeRun(process.execPath, ['-e', '0']);
    await lint(ctx, [small]);
  }
  const nodeRuns: number[] = [];
  const lintRuns: number[] = [];
  for (let i = 0; i < COLD_RUNS; i += 1) {
    nodeRuns.push(round((await timeRun(process.execPath, ['-e', '0'])).ms, 1));
    lintRuns.push(round(await lint(ctx, [small]), 1));
  }
  const nodeMedian = median(nodeRuns);
  const lintMedian = median(lintRuns);

  // Configs the size of examples/demo-project.yaml (3.9 KB): four clusters, two snapshots each,
  // a schedule and credentials; one in twenty breaks a rule, so the report has something in it.
  let manyBytes = 0;
  for (let index = 0; index < MANY_CONFIGS; index += 1) {
    const config = projectConfig(random, { index, clusters: 4, snapshotsPerCluster: 2, layout: 'mixed', brokenShare: 0.05 });
    writeFileSync(join(dir, 'many', `project-${String(index).padStart(4, '0')}.yaml`), config.yaml);
    manyBytes += Buffer.byteLength(config.yaml);
  }
  ctx.log(`lint throughput: ${MANY_CONFIGS} generated configs (${round(manyBytes / 1024 / 1024, 1)} MiB) in one call (${THROUGHPUT_RUNS} runs)`);
  const manyRuns: number[] = [];
  for (let i = 0; i < THROUGHPUT_RUNS; i += 1) manyRuns.push(round(await lint(ctx, [join(dir, 'many')]), 1));

  const large = join(dir, 'large.yaml');
  writeFileSync(
    large,
    largeConfig(SEED, LARGE_BYTES, (r, clusters) => projectConfig(r, { index: 0, clusters, snapshotsPerCluster: 4, layout: 'mixed' })).yaml,
  );
  const largeBytes = statSync(large).size;
  ctx.log(`lint throughput: one ${round(largeBytes / 1024 / 1024, 1)} MiB config (${THROUGHPUT_RUNS} runs)`);
  const largeRuns: number[] = [];
  for (let i = 0; i < THROUGHPUT_RUNS; i += 1) largeRuns.push(round(await lint(ctx, [large, '--max-file-size', '64']), 1));

  ctx.log(`lint growth: ${GROWTH_N} vs ${2 * GROWTH_N} clusters, one snapshot each (${GROWTH_RUNS} alternating runs)`);
  const growthFile = (n: number): string => {
    const file = join(dir, `clusters-${n}.yaml`);
    writeFileSync(file, projectConfig(new Random(SEED), { index: 0, clusters: n, snapshotsPerCluster: 1, layout: 'mixed' }).yaml);
    return file;
  };
  const nFile = growthFile(GROWTH_N);
  const twoNFile = growthFile(2 * GROWTH_N);
  const nRuns: number[] = [];
  const twoNRuns: number[] = [];
  for (let i = 0; i < GROWTH_RUNS; i += 1) {
    nRuns.push(round(await lint(ctx, [nFile, '--max-file-size', '64']), 1));
    twoNRuns.push(round(await lint(ctx, [twoNFile, '--max-file-size', '64']), 1));
  }
  const growth = median(twoNRuns) / median(nRuns);

  const manyS = median(manyRuns) / 1000;
  const largeS = median(largeRuns) / 1000;
  return {
    rows: [
      {
        figure: 'lint cold start (one small file)',
        ours: round(lintMedian, 0),
        baseline: round(nodeMedian, 0),
        unit: 'ms',
        difference: round(lintMedian - nodeMedian, 0),
        target: '≤ node -e 0 + 120 ms',
        pass: lintMedian - nodeMedian <= 120,
      },
      { figure: `lint throughput (${MANY_CONFIGS} configs, one call)`, ours: round(manyS, 2), unit: 's', target: '≤ 2 s', pass: manyS <= 2 },
      { figure: `lint throughput (one ${round(largeBytes / 1024 / 1024, 0)} MiB config)`, ours: round(largeS, 2), unit: 's', target: '≤ 2 s', pass: largeS <= 2 },
      {
        figure: `lint growth (${2 * GROWTH_N} vs ${GROWTH_N} clusters)`,
        ours: round(median(twoNRuns) / 1000, 2),
        baseline: round(median(nRuns) / 1000, 2),
        unit: 's',
        ratio: round(growth, 3),
        target: '≤ 2.3',
        pass: growth <= 2.3,
      },
    ],
    raw: {
      coldStart: { nodeMs: nodeRuns, lintMs: lintRuns },
      manyConfigs: { files: MANY_CONFIGS, bytes: manyBytes, ms: manyRuns },
      largeConfig: { bytes: largeBytes, ms: largeRuns },
      // The same ratio with the cold start (a small file) taken off both times: the growth of the work itself.
      growth: { n: GROWTH_N, nMs: nRuns, twoNMs: twoNRuns, ratioWithoutStartup: round((median(twoNRuns) - lintMedian) / (median(nRuns) - lintMedian), 3) },
    },
  };
}
