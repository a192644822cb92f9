// Writes libs/atlas-http/src/versions.generated.ts from the multi-version OpenAPI subset:
//   npx tsx tools/spec-build/extract-versions.ts
// The extraction itself is the pure renderVersionsModule, which the freshness test reruns.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderVersionsModule, type SpecDocument } from '@mock-atlas/atlas-http';

/** Where the spec lives, relative to the repository root (the generated header quotes it). */
export const SPEC_PATH = '../shared/atlas-openapi/atlas-admin-v2.multiversion.subset.json';
const OUT_PATH = 'libs/atlas-http/src/versions.generated.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const spec = JSON.parse(readFileSync(resolve(root, SPEC_PATH), 'utf8')) as SpecDocument;
writeFileSync(resolve(root, OUT_PATH), renderVersionsModule(spec, SPEC_PATH));
process.stdout.write(`wrote ${OUT_PATH}\n`);
