import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from './__tests__/workspace';
import { AJV_OPTIONS } from './ajv-options';
import { bundleSchema, projectConfigSchemaBundle } from './bundle';
import { SCHEMA_NAMES, SCHEMAS } from './catalog';
import { SCHEMA_BASE_URL } from './schemas/common';

function refsOf(node: unknown, found: string[] = []): string[] {
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') found.push(value);
    else refsOf(value, found);
  }
  return found;
}

function resolveLocal(root: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, token) => (node as Record<string, unknown> | undefined)?.[token.replaceAll('~1', '/').replaceAll('~0', '~')], root);
}

describe('schema ids', () => {
  it('PRODUCT.md every schema has a stable $id under the library base and declares draft-07', () => {
    for (const name of SCHEMA_NAMES) {
      expect(SCHEMAS[name].$id).toBe(`${SCHEMA_BASE_URL}${name}.json`);
      expect(SCHEMAS[name].$schema).toBe('http://json-schema.org/draft-07/schema#');
    }
  });
});

describe('bundleSchema', () => {
  it('PRODUCT.md the config bundle refers only inside itself, and every reference resolves', () => {
    const refs = refsOf(projectConfigSchemaBundle);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      expect(resolveLocal(projectConfigSchemaBundle, ref), ref).toBeTypeOf('object');
    }
    expect(Object.keys(projectConfigSchemaBundle.definitions ?? {}).sort()).toEqual(['cluster.20240805', 'cluster.20240805.create', 'cluster.legacy', 'cluster.legacy.create', 'encryption-at-rest.request']);
  });

  it('spec a copied schema\'s own references are rebased onto its new place', () => {
    expect(refsOf(projectConfigSchemaBundle)).toContain('#/definitions/cluster.20240805/definitions/AWSHardwareSpec');
  });

  it('spec a schema without references bundles to itself', () => {
    expect(bundleSchema('snapshot.request')).toEqual(SCHEMAS['snapshot.request']);
  });

  it('spec the bundle is a valid draft-07 schema that strict Ajv compiles on its own', () => {
    const ajv = new Ajv({ ...AJV_OPTIONS });
    addFormats(ajv);
    expect(ajv.validateSchema(projectConfigSchemaBundle)).toBe(true);
    expect(() => ajv.compile(projectConfigSchemaBundle)).not.toThrow();
  });

  it('PRODUCT.md the build wrote this bundle to generated/atlas-project-config.schema.json', () => {
    const written = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'libs/schemas/generated/atlas-project-config.schema.json'), 'utf8')) as unknown;
    expect(written).toEqual(projectConfigSchemaBundle);
  });
});
