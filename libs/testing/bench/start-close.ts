// How long startMockAtlas() takes to start and close, once modules are loaded: the number the
// benchmarks quote. Runs start → close sequentially, after warm-up runs, and prints the median.
//   npx tsx libs/testing/bench/start-close.ts [runs=50] [--config=demo|small]
import { performance } from 'node:perf_hooks';
import { startMockAtlas, type MockAtlasOptions } from '../src/index';
import { CMK_PROJECT } from '../src/spec-support/configs';

const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 50);
const small = process.argv.includes('--config=small');
const options: MockAtlasOptions = small ? { config: CMK_PROJECT } : {};
const WARM_UP = 5;

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function once(): Promise<{ start: number; close: number }> {
  const t0 = performance.now();
  const atlas = await startMockAtlas(options);
  const t1 = performance.now();
  await atlas.close();
  return { start: t1 - t0, close: performance.now() - t1 };
}

for (let i = 0; i < WARM_UP; i++) await once();
const samples: { start: number; close: number }[] = [];
for (let i = 0; i < runs; i++) samples.push(await once());

const report = (name: string, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${name.padEnd(14)} median ${percentile(sorted, 0.5).toFixed(2)} ms  p90 ${percentile(sorted, 0.9).toFixed(2)} ms  min ${sorted[0]!.toFixed(2)} ms`;
};
console.log(`startMockAtlas(${small ? 'small config object' : 'demo project'}), ${runs} runs after ${WARM_UP} warm-up, node ${process.version}`);
console.log(report('start', samples.map((s) => s.start)));
console.log(report('close', samples.map((s) => s.close)));
console.log(report('start + close', samples.map((s) => s.start + s.close)));
