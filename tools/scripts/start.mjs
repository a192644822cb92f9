#!/usr/bin/env node
// `npm start`: builds what mock-atlas needs (cached by Nx after the first run), then runs
// the bundled server in the foreground with any extra arguments (`npm start -- --port 9090`).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...process.env };
const build = spawnSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run', 'mock-atlas:build', '--outputStyle=static'], {
  cwd: root,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  console.error('mock-atlas: the build failed; run `npx nx run mock-atlas:build` to see why.');
  process.exit(build.status ?? 1);
}
const server = spawnSync(process.execPath, ['--enable-source-maps', join(root, 'apps/mock-atlas/dist/mock-atlas.mjs'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(server.status ?? 0);
