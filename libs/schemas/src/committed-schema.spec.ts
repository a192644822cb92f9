// Editors read the committed copy of the config schema (the demo's modeline points at it);
// it must be exactly what the code defines. `npm run docs` refreshes it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectConfigSchemaBundle } from './bundle';

const committed = resolve(dirname(fileURLToPath(import.meta.url)), '../../../schemas/atlas-project-config.schema.json');

describe('schemas/atlas-project-config.schema.json', () => {
  it('is the config schema the code defines (run `npm run docs` to refresh)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(`${JSON.stringify(projectConfigSchemaBundle, null, 2)}\n`);
  });
});
