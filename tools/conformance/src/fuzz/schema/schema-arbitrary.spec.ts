import fc from 'fast-check';
import { SCHEMAS, SCHEMA_NAMES, validate, type JsonSchema } from '@mock-atlas/schemas';
import { describe, expect, it } from 'vitest';
import { schemaArbitrary, Unsatisfiable, type ArbitraryOptions } from './schema-arbitrary';
import { SchemaSet } from './schema-set';

const SEED = 20260601;

/** Draws `n` values of an inline schema (or of `ref` in a set of documents). */
function draw(schema: JsonSchema, n = 200, options: ArbitraryOptions = {}, documents: JsonSchema[] = []): unknown[] {
  const set = new SchemaSet(documents);
  return fc.sample(schemaArbitrary(set, set.add(schema), options), { numRuns: n, seed: SEED });
}

const records = (values: unknown[]) => values as Record<string, unknown>[];

describe('schemaArbitrary: every request schema of libs/schemas', () => {
  const set = new SchemaSet(Object.values(SCHEMAS));
  it.each(SCHEMA_NAMES.map((name) => [name]))('%s: every value drawn passes the precompiled validator', (name) => {
    fc.assert(
      fc.property(schemaArbitrary(set, set.root(SCHEMAS[name].$id)), (value) => {
        expect(validate(name, value)).toEqual([]);
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('reaches every providerName branch of the legacy cluster (a tagged union of if/then), and a body without one', () => {
    const values = records(fc.sample(schemaArbitrary(set, set.root(SCHEMAS['cluster.legacy'].$id), { readOnly: false }), { numRuns: 400, seed: SEED }));
    const names = new Set(values.map((v) => (v['providerSettings'] as { providerName?: string } | undefined)?.providerName ?? 'none'));
    expect([...names].sort()).toEqual(['AWS', 'AZURE', 'FLEX', 'GCP', 'TENANT', 'none']);
  });
});

describe('schemaArbitrary: keywords', () => {
  it('enum and const', () => {
    expect(new Set(draw({ enum: ['A', 'B', 3] }))).toEqual(new Set(['A', 'B', 3]));
    expect(new Set(draw({ const: { x: 1 } }).map((v) => JSON.stringify(v)))).toEqual(new Set(['{"x":1}']));
    // enum ∩ type: the type filters the enum
    expect(new Set(draw({ type: ['string', 'null'], enum: ['LOW', 1, null] }))).toEqual(new Set(['LOW', null]));
  });

  it('properties, required and additionalProperties: false', () => {
    const values = records(draw({ type: 'object', additionalProperties: false, required: ['a'], properties: { a: { type: 'boolean' }, b: { type: 'string' } } }));
    for (const v of values) {
      expect(typeof v['a']).toBe('boolean');
      expect(Object.keys(v).every((k) => k === 'a' || k === 'b')).toBe(true);
    }
    // an optional property is drawn sometimes, and sometimes not
    expect(values.some((v) => 'b' in v) && values.some((v) => !('b' in v))).toBe(true);
  });

  it('additionalProperties with a schema, keys from propertyNames (a map such as regionsConfig)', () => {
    const values = records(draw({ type: 'object', propertyNames: { enum: ['EU', 'US'] }, additionalProperties: { type: 'integer', minimum: 0, maximum: 7 } }));
    for (const v of values) {
      for (const [k, n] of Object.entries(v)) {
        expect(['EU', 'US']).toContain(k);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(7);
      }
    }
    expect(values.some((v) => Object.keys(v).length > 0)).toBe(true);
  });

  it('minimum, maximum and their exclusive forms; integer against number', () => {
    for (const n of draw({ type: 'integer', minimum: 1, maximum: 50 }) as number[]) expect(Number.isInteger(n) && n >= 1 && n <= 50).toBe(true);
    for (const n of draw({ type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 3 }) as number[]) expect([1, 2]).toContain(n);
    for (const n of draw({ type: 'number', minimum: 10, maximum: 4096 }) as number[]) expect(n >= 10 && n <= 4096).toBe(true);
    const numbers = draw({ type: 'number', minimum: 0, maximum: 1 }) as number[];
    expect(numbers.some((n) => !Number.isInteger(n))).toBe(true);
  });

  it('minLength, maxLength, pattern (fc.stringMatching) and formats', () => {
    for (const s of draw({ type: 'string', minLength: 16, maxLength: 20 }) as string[]) expect(s.length >= 16 && s.length <= 20).toBe(true);
    for (const s of draw({ type: 'string', pattern: '^([a-f0-9]{24})$' }) as string[]) expect(s).toMatch(/^[a-f0-9]{24}$/);
    for (const s of draw({ type: 'string', pattern: '^[a-zA-Z0-9][a-zA-Z0-9-]*$', maxLength: 5 }) as string[]) expect(s).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,4}$/);
    for (const s of draw({ type: 'string', format: 'date-time' }) as string[]) expect(Number.isNaN(Date.parse(s))).toBe(false);
    for (const s of draw({ type: 'string', format: 'uuid' }) as string[]) expect(s).toMatch(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
  });

  it('items, minItems, maxItems, uniqueItems and contains', () => {
    for (const a of draw({ type: 'array', items: { type: 'integer', minimum: 0, maximum: 9 }, minItems: 1, maxItems: 2 }) as number[][]) {
      expect(a.length >= 1 && a.length <= 2).toBe(true);
    }
    for (const a of draw({ type: 'array', items: { enum: [1, 2, 3] }, uniqueItems: true }) as number[][]) expect(new Set(a).size).toBe(a.length);
    const withContains = draw({ type: 'array', items: { type: 'object', properties: { r: { type: 'boolean' } } }, contains: { required: ['r'] } }) as Record<string, unknown>[][];
    for (const a of withContains) expect(a.some((item) => 'r' in item)).toBe(true);
  });

  it('$ref to a local definition and to another document of the set', () => {
    const shared: JsonSchema = { $id: 'https://example.test/shared.json', definitions: { id: { type: 'string', pattern: '^[0-9]{3}$' } } };
    const values = records(
      draw(
        {
          type: 'object',
          required: ['local', 'remote'],
          properties: { local: { $ref: '#/definitions/flag' }, remote: { $ref: 'https://example.test/shared.json#/definitions/id' } },
          definitions: { flag: { const: 'ON' } },
        },
        100,
        {},
        [shared],
      ),
    );
    for (const v of values) {
      expect(v['local']).toBe('ON');
      expect(v['remote']).toMatch(/^[0-9]{3}$/);
    }
  });

  it('oneOf and anyOf reach every option; not is honoured', () => {
    const oneOf = draw({ oneOf: [{ type: 'boolean' }, { type: 'string', maxLength: 3 }] });
    expect(new Set(oneOf.map((v) => typeof v))).toEqual(new Set(['boolean', 'string']));
    const anyOf = draw({ anyOf: [{ type: 'integer', minimum: 0, maximum: 5 }, { type: 'null' }] });
    expect(anyOf.some((v) => v === null) && anyOf.some((v) => typeof v === 'number')).toBe(true);
    for (const v of draw({ type: 'integer', minimum: 0, maximum: 5, not: { const: 3 } })) expect(v).not.toBe(3);
  });

  it('if/then/else: each value follows the branch its if takes; both branches are reached', () => {
    const values = records(
      draw({
        type: 'object',
        required: ['kind'],
        properties: { kind: { enum: ['a', 'b'] }, n: { type: 'integer' } },
        if: { properties: { kind: { const: 'a' } } },
        then: { required: ['n'], properties: { n: { minimum: 100, maximum: 200 } } },
        else: { properties: { n: { maximum: -1 } } },
      }),
    );
    for (const v of values) {
      if (v['kind'] === 'a') expect(v['n']).toBeGreaterThanOrEqual(100);
      else if ('n' in v) expect(v['n']).toBeLessThan(0);
    }
    expect(new Set(values.map((v) => v['kind']))).toEqual(new Set(['a', 'b']));
  });

  it('a type list, null included', () => {
    expect(new Set(draw({ type: ['integer', 'null'], minimum: 0, maximum: 1 }).map((v) => (v === null ? 'null' : typeof v)))).toEqual(new Set(['number', 'null']));
  });

  it('refuses a schema no value satisfies, rather than drawing invalid values', () => {
    const set = new SchemaSet([]);
    expect(() => schemaArbitrary(set, set.add({ type: 'object', required: ['a'], properties: { a: false } }))).toThrow(Unsatisfiable);
    expect(() => schemaArbitrary(set, set.add({ allOf: [{ enum: ['x'] }, { enum: ['y'] }] }))).toThrow(Unsatisfiable);
  });
});

describe('schemaArbitrary: options', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: { name: { type: 'string', pattern: '^[a-z]+$' }, id: { type: 'string', readOnly: true } },
  };

  it('hints: a property of that name takes the hint most of the time, the schema’s own values now and then', () => {
    const names = records(draw(schema, 300, { hints: { name: fc.constant('orders') } })).flatMap((v) => ('name' in v ? [v['name']] : []));
    const hinted = names.filter((n) => n === 'orders').length;
    expect(hinted).toBeGreaterThan(names.length / 2);
    expect(hinted).toBeLessThan(names.length);
  });

  it('readOnly: false leaves optional read-only properties out', () => {
    expect(records(draw(schema, 100, { readOnly: false })).some((v) => 'id' in v)).toBe(false);
    expect(records(draw(schema, 100)).some((v) => 'id' in v)).toBe(true);
  });
});
