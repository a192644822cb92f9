// Tests over the whole catalog (after typescript-eslint's tests/index.test.ts and
// docs.test.mts): every rule is registered under its own id, has a table test beside it,
// is documented in the committed reference, and every rule of RULES.md with a lint
// severity is implemented.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_RULES } from '@mock-atlas/schemas';
import { allRules, rules } from './index';
import { renderRulesDoc } from './docs/render-rules-doc';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '../../..');
const rulesMd = resolve(workspaceRoot, '../shared/spec/RULES.md');

/** Rule ids RULES.md gives a lint severity (error or warn), read from its tables. */
function lintRuleIdsOfCatalog(): string[] {
  const ids: string[] = [];
  for (const line of readFileSync(rulesMd, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const id = /^`([a-z]+\/[a-z0-9-]+)`$/.exec(cells[1] ?? '')?.[1];
    const lint = cells[cells.length - 2];
    if (id && (lint === 'error' || lint === 'warn')) ids.push(id);
  }
  return ids;
}

describe('the rule catalog', () => {
  it('registers every rule under its own id', () => {
    for (const [key, rule] of Object.entries(rules)) expect(rule.id).toBe(key);
  });

  it('has a table test beside every rule', () => {
    for (const rule of allRules) {
      expect(existsSync(join(here, `${rule.id}.spec.ts`)), `${rule.id}.spec.ts`).toBe(true);
      expect(existsSync(join(here, `${rule.id}.ts`)), `${rule.id}.ts`).toBe(true);
    }
  });

  it('documents every rule: description, sources, and an Atlas code for every rule the mock enforces', () => {
    for (const rule of allRules) {
      expect(rule.description.length, rule.id).toBeGreaterThan(20);
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      if (rule.scope.includes('mock')) expect(rule.errorCode, rule.id).toMatch(/^[A-Z][A-Z0-9_]+$/);
    }
  });

  it('implements every rule of RULES.md that has a lint severity', () => {
    const catalog = lintRuleIdsOfCatalog();
    expect(catalog.length).toBeGreaterThan(15);
    const implemented = new Set<string>(Object.keys(rules));
    // schema/* stands for the schema finding kinds of libs/schemas.
    const missing = catalog.filter((id) => id !== 'schema/*' && !implemented.has(id));
    expect(missing).toEqual([]);
    expect(SCHEMA_RULES.length).toBeGreaterThan(3);
  });

  it('keeps docs/rules.md in step with the catalog (run `npm run docs` to refresh)', () => {
    const committed = readFileSync(join(workspaceRoot, 'docs/rules.md'), 'utf8');
    expect(committed).toBe(renderRulesDoc(allRules, SCHEMA_RULES));
  });
});
