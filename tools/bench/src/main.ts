// `npm run bench` (through tools/bench/run.mjs, which builds first): runs the figures of issue 7,
// prints the table and writes bench-results.json with the raw samples. Exit code 1 when a figure
// misses its target.
//
//   --duration <s>   seconds per load run (default 10; env BENCH_DURATION)
//   --only <groups>  comma-separated: mock, start, scale, lint (default: all)
//   --out <file>     results file (default: <workspace>/bench-results.json)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { workspaceRoot, type BenchContext } from './context';
import { lintFigures } from './figures/lint';
import { mockHttpFigures } from './figures/mock-http';
import { scaleFigures } from './figures/scale';
import { startupFigures } from './figures/startup';
import { describeMachine } from './machine';
import { killAll } from './processes';
import { renderCpuTable, renderMarkdown, renderReferences, renderTable, type Row } from './table';

const GROUPS = {
  mock: mockHttpFigures,
  start: startupFigures,
  scale: scaleFigures,
  lint: lintFigures,
} as const;
type Group = keyof typeof GROUPS;

function options(): { seconds: number; groups: Group[]; out: string } {
  const { values } = parseArgs({
    options: { duration: { type: 'string' }, only: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: false,
  });
  const seconds = Number(values.duration ?? process.env['BENCH_DURATION'] ?? 10);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) throw new Error(`--duration must be 1–600 seconds, not ${values.duration}`);
  const groups = (values.only ?? Object.keys(GROUPS).join(',')).split(',').map((g) => g.trim());
  const unknown = groups.filter((g) => !(g in GROUPS));
  if (unknown.length > 0) throw new Error(`--only: unknown group ${unknown.join(', ')} (known: ${Object.keys(GROUPS).join(', ')})`);
  const root = workspaceRoot();
  return { seconds, groups: groups as Group[], out: resolve(values.out ?? join(root, 'bench-results.json')) };
}

async function main(): Promise<number> {
  const opts = options();
  const root = workspaceRoot();
  const tmp = mkdtempSync(join(tmpdir(), 'mock-atlas-bench-'));
  const ctx: BenchContext = {
    root,
    mockBin: join(root, 'apps/mock-atlas/dist/mock-atlas.mjs'),
    lintBin: join(root, 'apps/atlas-lint/dist/atlas-lint.mjs'),
    benchDist: join(root, 'tools/bench/dist'),
    tmp,
    seconds: opts.seconds,
    warmupSeconds: Math.min(2, opts.seconds),
    log: (message) => process.stderr.write(`[bench] ${message}\n`),
  };
  const machineBefore = describeMachine();
  const startedAt = new Date().toISOString();
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  try {
    for (const group of opts.groups) {
      const result = await GROUPS[group](ctx);
      rows.push(...result.rows);
      raw[group] = result.raw;
    }
  } finally {
    killAll();
    rmSync(tmp, { recursive: true, force: true });
  }
  const results = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machineBefore,
    loadAverageAfter: describeMachine().loadAverage,
    options: { seconds: opts.seconds, connections: 10, groups: opts.groups },
    rows,
    markdown: renderMarkdown(rows),
    raw,
  };
  writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${renderTable(rows)}\n\n`);
  const cpu = renderCpuTable(rows);
  if (cpu) process.stdout.write(`${cpu}\n\n`);
  const references = renderReferences(rows);
  if (references) process.stdout.write(`${references}\n\n`);
  process.stdout.write(`${machineBefore.cpuModel}, ${machineBefore.nproc} CPUs, node ${machineBefore.node}; load ${machineBefore.loadAverage.join(' ')} → ${results.loadAverageAfter.join(' ')}\n`);
  process.stdout.write(`raw samples: ${opts.out}\n`);
  return rows.every((r) => r.pass) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    killAll();
    process.exit(2);
  },
);
