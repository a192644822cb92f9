// mock-atlas in a process of its own, started in-process with many project configs (the code path
// of `mock-atlas --config a.yaml b.yaml …`), so that the bench can read its memory after a forced
// GC. Forked with --expose-gc; answers `{kind: 'memory'}` over IPC with RSS and heap after GC.
import { readFileSync } from 'node:fs';
import { startServer } from '../embedded-mock';

interface Memory {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

function memoryAfterGc(): Memory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('scale-server needs --expose-gc');
  // Twice: the first pass can leave finalizable objects for the second.
  gc();
  gc();
  const usage = process.memoryUsage();
  return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed };
}

const listFile = process.argv[2];
if (!listFile || !process.send) throw new Error('usage: fork(scale-server.mjs, [<file listing configs>]) with an IPC channel');
const configs = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const env = JSON.parse(process.env['BENCH_CONFIG_ENV'] ?? '{}') as Record<string, string>;

const started = process.hrtime.bigint();
const atlas = await startServer({ port: 0, host: '127.0.0.1', configs, env });
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
process.send({ baseUrl: atlas.baseUrl, loadMs, projects: Object.keys(atlas.store.state.projects).length, ...memoryAfterGc() });

process.on('message', (message: { kind?: string }) => {
  if (message.kind === 'memory') process.send?.(memoryAfterGc());
});
const close = (): void => {
  void atlas.close().then(() => process.exit(0));
};
process.once('SIGTERM', close);
process.once('disconnect', close);
