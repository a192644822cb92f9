#!/usr/bin/env node
// Bundles the bench with esbuild the way mock-atlas is bundled (same target, same externals), so
// that the in-process figures run the mock's code as the CLI runs it: dist/bench.mjs (the runner)
// and the two children it forks, dist/bare-express.mjs and dist/scale-server.mjs.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectRoot = dirname(fileURLToPath(import.meta.url));
const dist = join(projectRoot, 'dist');
rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: resolve(projectRoot, '../..'),
  entryPoints: {
    bench: join(projectRoot, 'src/main.ts'),
    'bare-express': join(projectRoot, 'src/children/bare-express.ts'),
    'scale-server': join(projectRoot, 'src/children/scale-server.ts'),
  },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // As apps/mock-atlas's build: npm packages stay external; autocannon is the bench's own.
  external: ['express', 'pino', 'commander', 'selfsigned', 'yaml', 'ajv', 'ajv-formats', 'autocannon'],
});
