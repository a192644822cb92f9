#!/usr/bin/env node
// The `atlas-lint` bin, committed for the reason apps/mock-atlas/bin/mock-atlas.mjs gives: npm
// links bins before `prepare` builds dist/ and skips those whose file is missing. Importing the
// bundle runs the CLI in this process; its lint workers load the bundle itself, not this file.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/atlas-lint.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('atlas-lint: apps/atlas-lint/dist/atlas-lint.mjs is not built; `npx nx run atlas-lint:build` builds it (so do `npm ci` and `npm test`).\n');
  process.exit(2);
}
await import(bundle.href);
