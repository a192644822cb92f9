// How fast the mock is there: the CLI spawned cold (what a CI job waits for), and startServer()
// in-process (what a test suite pays per file).
import { startServer } from '../embedded-mock';
import { SECRET_ENV } from '../configs';
import type { BenchContext } from '../context';
import { firstOk } from '../http';
import { spawnAnnounced, stop } from '../processes';
import { median, msSince, round } from '../stats';
import type { Row } from '../table';

const SPAWNS = 10;
const IN_PROCESS_STARTS = 50;

/** Spawn → first 200, median of 10; startServer() → close(), median of 50. */
export async function startupFigures(ctx: BenchContext): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  ctx.log(`mock start: spawn the CLI and wait for the first 200 (${SPAWNS} times)`);
  const spawns: { announcedMs: number; firstOkMs: number }[] = [];
  for (let i = 0; i < SPAWNS; i += 1) {
    const started = process.hrtime.bigint();
    const mock = await spawnAnnounced<{ baseUrl: string }>(process.execPath, [ctx.mockBin, '--json', '--port', '0'], {
      cwd: ctx.tmp,
      env: { ...process.env, ...SECRET_ENV },
    });
    try {
      await firstOk(`${mock.info.baseUrl}/_mock/clock`);
      spawns.push({ announcedMs: round(mock.ms, 1), firstOkMs: round(msSince(started), 1) });
    } finally {
      await stop(mock.child);
    }
  }

  ctx.log(`in-process start: startServer() → close() (${IN_PROCESS_STARTS} times)`);
  const inProcess: number[] = [];
  for (let i = 0; i < IN_PROCESS_STARTS; i += 1) {
    const started = process.hrtime.bigint();
    const atlas = await startServer({ port: 0, host: '127.0.0.1', env: { ...SECRET_ENV } });
    await atlas.close();
    inProcess.push(round(msSince(started), 2));
  }

  const spawnMedian = median(spawns.map((s) => s.firstOkMs));
  const inProcessMedian = median(inProcess);
  return {
    rows: [
      { figure: 'mock start (spawn → first 200)', ours: round(spawnMedian, 0), unit: 'ms', target: '≤ 600 ms', pass: spawnMedian <= 600 },
      { figure: 'in-process start (startServer → close)', ours: round(inProcessMedian, 1), unit: 'ms', target: '≤ 50 ms', pass: inProcessMedian <= 50 },
    ],
    raw: { spawns, inProcessMs: inProcess },
  };
}
