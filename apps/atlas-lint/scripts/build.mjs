#!/usr/bin/env node
// Bundles atlas-lint into dist/atlas-lint.mjs, one file for the CLI path with the
// precompiled validators of libs/schemas inside it; each formatter is its own chunk,
// loaded only when chosen. The config's JSON Schema is copied beside the bundle, where
// --print-schema reads it and editors can point a modeline at it.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspaceRoot = resolve(appRoot, '../..');
const dist = join(appRoot, 'dist');
const schema = join(workspaceRoot, 'libs/schemas/generated/atlas-project-config.schema.json');

if (!existsSync(schema)) {
  // Run directly rather than through Nx: build libs/schemas first, as Nx's ^build would.
  const tsx = join(workspaceRoot, 'node_modules/tsx/dist/cli.mjs');
  const built = spawnSync(process.execPath, [tsx, 'tools/schema-build/build-validators.ts'], { cwd: workspaceRoot, stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(schema)) {
    console.error(`atlas-lint build: ${schema} is missing and libs/schemas could not be built.`);
    process.exit(1);
  }
}

rmSync(dist, { recursive: true, force: true });
const result = await build({
  absWorkingDir: workspaceRoot,
  entryPoints: { 'atlas-lint': join(appRoot, 'src/atlas-lint.ts') },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  keepNames: false,
  legalComments: 'none',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // CommonJS dependencies (commander) call require() for Node built-ins.
  banner: { js: "import { createRequire as __atlasLintCreateRequire } from 'node:module'; const require = __atlasLintCreateRequire(import.meta.url);" },
});

copyFileSync(schema, join(dist, 'atlas-project-config.schema.json'));
chmodSync(join(dist, 'atlas-lint.mjs'), 0o755);

const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
for (const [file, output] of outputs) console.log(`${file.replace(`${workspaceRoot}/`, '')}  ${(output.bytes / 1024).toFixed(1)} KiB`);
