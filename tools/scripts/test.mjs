#!/usr/bin/env node
// `npm test`: every project's build, typecheck, lint and tests through Nx, then one
// closing line that sums the vitest reports of all projects, so that CI (and a
// person) reads a single "N passed, N failed" verdict instead of one per project.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const reportDir = join(workspaceRoot, '.vitest-reports');
rmSync(reportDir, { recursive: true, force: true });

const nx = join(workspaceRoot, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
const run = spawnSync(
  process.execPath,
  [nx, 'run-many', '-t', 'build', 'typecheck', 'lint', 'test', '--outputStyle=stream', '--skipNxCache', ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: workspaceRoot, env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...process.env } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const files = existsSync(reportDir) ? readdirSync(reportDir).filter((f) => f.endsWith('.json')) : [];
for (const file of files) {
  const report = JSON.parse(readFileSync(join(reportDir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
const status = run.status ?? 1;
console.log(`\nTest projects: ${files.length}; nx exit code ${status}`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);
