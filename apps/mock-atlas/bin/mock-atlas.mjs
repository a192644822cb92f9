#!/usr/bin/env node
// The `mock-atlas` bin. npm links a package's bins when it installs it, before the workspace's
// `prepare` builds dist/, and it skips a bin whose file is missing: a bin pointing into dist/ is
// therefore never linked on a fresh clone. This file is committed, so the link always exists,
// and it runs the bundle in this same process (importing it starts the CLI), so a signal sent
// to the bin's pid reaches the server.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/mock-atlas.mjs', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write(
    'mock-atlas: the bundle apps/mock-atlas/dist/mock-atlas.mjs is not built; build it with `npx nx run mock-atlas:build` (`npm ci` and `npm start` build it too).\n',
  );
  process.exitCode = 1;
}
