// Measures the linter on each hostile case (test/hostile-corpus.ts): wall time, user CPU time
// and peak memory (max RSS) of the bundle's process, for the bounds stated in docs/security.md.
// Run: npx nx run atlas-lint:build && npx tsx apps/atlas-lint/test/measure-hostile.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE, childEnv, NOW } from './cli';
import { HOSTILE_CASES } from './hostile-corpus';

// Preloaded into the child: on exit, write its own resource usage where the parent reads it.
const REPORTER = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.ATLAS_LINT_USAGE_FILE, JSON.stringify({ user: u.userCPUTime, maxRss: u.maxRSS })); });",
)}`;

const root = mkdtempSync(join(tmpdir(), 'atlas-lint-measure-'));
console.log('| case | exit | wall | user CPU | max RSS |\n|---|---:|---:|---:|---:|');
for (const [index, hostile] of HOSTILE_CASES.entries()) {
  const dir = mkdtempSync(join(root, `case-${index}-`));
  const args = hostile.setup(dir);
  const usageFile = join(dir, 'usage.json');
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', REPORTER, BUNDLE, ...args, '--format', 'json', '--no-config-lookup', '--now', NOW], {
    cwd: dir,
    input: hostile.stdin ?? '',
    env: childEnv({ ATLAS_LINT_USAGE_FILE: usageFile }),
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  });
  const wall = (performance.now() - started) / 1000;
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { user: number; maxRss: number };
  console.log(`| ${hostile.name} | ${child.status ?? child.signal} | ${wall.toFixed(2)} s | ${(usage.user / 1e6).toFixed(2)} s | ${Math.round(usage.maxRss / 1024)} MiB |`);
  rmSync(dir, { recursive: true, force: true });
}
rmSync(root, { recursive: true, force: true });
