#!/usr/bin/env node
// npm's `prepare` (after `npm ci`/`npm install`, and when pre-commit installs this repo as
// a hook): builds the bundles a fresh checkout runs from dist/, so the workspace bins (committed
// launchers in apps/*/bin that load dist/), the pre-commit hook and `@mock-atlas/testing` under
// plain Node or tsx (which do not apply the `development` export condition) all work. Nx caches
// the builds, so an install with nothing changed spends only a few seconds here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const nx = join(root, 'node_modules/nx/dist/bin/nx.js');
if (!existsSync(nx)) {
  // Installed without devDependencies (e.g. --omit=dev): nothing can be built here.
  console.warn('prepare: nx is not installed; skipping the bundles.');
  process.exit(0);
}
const run = spawnSync(process.execPath, [nx, 'run-many', '-t', 'build', '--projects=atlas-lint,mock-atlas,@mock-atlas/testing', '--outputStyle=static'], {
  cwd: root,
  env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...process.env },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (run.status !== 0) console.error('prepare: building the bundles failed; run `npx nx run-many -t build` to see why.');
process.exit(run.status ?? 1);
