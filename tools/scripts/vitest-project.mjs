#!/usr/bin/env node
// Runs one project's vitest suite and leaves a JSON report behind, so that the
// workspace-wide `npm test` can print a single closing "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const projectRoot = resolve(workspaceRoot, process.argv[2] ?? '.');
const reportDir = join(workspaceRoot, '.vitest-reports');
mkdirSync(reportDir, { recursive: true });
const reportFile = join(reportDir, `${relative(workspaceRoot, projectRoot).replaceAll('/', '__') || 'root'}.json`);

const vitest = join(workspaceRoot, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '--root', projectRoot, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(3)],
  { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR } },
);
process.exit(result.status ?? 1);
