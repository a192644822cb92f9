#!/usr/bin/env node
// `npm run bench [-- --duration 3 --only mock,lint]`: builds mock-atlas, atlas-lint and the bench
// through Nx (cached when nothing changed), then runs the bundled bench with the arguments.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...process.env };
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '-p', 'mock-atlas', 'atlas-lint', '@mock-atlas/bench', '--outputStyle=static'],
  { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (build.status !== 0) {
  console.error('bench: the build failed; run `npx nx run-many -t build -p mock-atlas atlas-lint @mock-atlas/bench` to see why.');
  process.exit(build.status ?? 1);
}
const bench = spawnSync(process.execPath, [join(root, 'tools/bench/dist/bench.mjs'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(bench.status ?? 1);
