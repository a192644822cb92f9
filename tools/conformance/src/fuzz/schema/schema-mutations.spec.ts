import fc from 'fast-check';
import { SCHEMAS, validate, type JsonSchema } from '@mock-atlas/schemas';
import { describe, expect, it } from 'vitest';
import { MUTATION_KINDS, mutate, mutatedArbitrary, sitesOf, type MutationKind } from './schema-mutations';
import { SchemaSet } from './schema-set';

const set = new SchemaSet(Object.values(SCHEMAS));
const JOB: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['deliveryType'],
  properties: {
    deliveryType: { enum: ['automated', 'download'] },
    days: { type: 'integer', minimum: 1, maximum: 30 },
    name: { type: 'string' },
    tags: { type: 'array', maxItems: 2, items: { type: 'string' } },
  },
};
const job = set.add(JOB);
const VALID = { deliveryType: 'automated', days: 5, name: 'orders', tags: ['a'] };

const apply = (kind: MutationKind, site = 0, pick = 0, text = 'zz') => mutate(set, [job], VALID, { kind, site, pick, text });

describe('sitesOf', () => {
  it('lists every node of a value, the value first, each with its schema', () => {
    const sites = sitesOf(set, [job], VALID);
    expect(sites.map((s) => s.path)).toEqual([[], ['deliveryType'], ['days'], ['name'], ['tags'], ['tags', 0]]);
    expect(sites[2]!.shape?.maximum).toBe(30);
  });

  it('follows the branch a value takes through a tagged union (the legacy providerSettings)', () => {
    const root = set.root(SCHEMAS['cluster.legacy'].$id);
    const sites = sitesOf(set, [root], { providerSettings: { providerName: 'AZURE', diskTypeName: 'P10' } });
    const disk = sites.find((s) => s.path.join('.') === 'providerSettings.diskTypeName');
    expect(disk?.shape?.enums.flat()).toContain('P10');
  });
});

describe('mutate: each kind breaks the node it picks, leaving the valid value untouched', () => {
  // site: the index among the nodes the kind applies to; pick: which variant.
  it.each([
    ['wrong-type', 2, 0, { ...VALID, days: 'not-the-right-type' }],
    ['null', 1, 0, { ...VALID, deliveryType: null }],
    ['drop-required', 0, 0, { days: 5, name: 'orders', tags: ['a'] }],
    ['out-of-enum', 0, 0, { ...VALID, deliveryType: 'automated_X' }],
    ['boundary-number', 0, 0, { ...VALID, days: 0 }],
    ['odd-string', 0, 0, { ...VALID, deliveryType: '' }],
  ] as const)('%s', (kind, site, pick, expected) => {
    const result = apply(kind, site, pick);
    expect(result.value).toEqual(expected);
    expect(VALID).toEqual({ deliveryType: 'automated', days: 5, name: 'orders', tags: ['a'] });
    expect(set.accepts(job, result.value)).toBe(false);
  });

  it('extra-field adds a near-miss of a known name to a closed object', () => {
    const { value, description } = apply('extra-field');
    expect(description).toBe('extra-field at (body): "deliveryTyp" = true');
    expect(value).toEqual({ ...VALID, deliveryTyp: true });
  });

  it('array-size goes past maxItems', () => {
    const { value } = apply('array-size', 0, 1);
    expect((value as { tags: unknown[] }).tags).toHaveLength(3);
    expect(set.accepts(job, value)).toBe(false);
  });

  it('falls back to a wrong type where the kind applies nowhere', () => {
    const { description } = mutate(set, [job], { deliveryType: 'download' }, { kind: 'array-size', site: 0, pick: 0, text: '' });
    expect(description).toMatch(/^wrong-type at /);
  });

  it('an unknown property name can be __proto__, kept as an own property as JSON.parse keeps it', () => {
    const drawn = Array.from({ length: 40 }, (_, pick) => mutate(set, [job], VALID, { kind: 'extra-field', site: 0, pick, text: '' }));
    const proto = drawn.find((d) => d.description.includes('"__proto__"'));
    expect(Object.keys(proto?.value as object)).toContain('__proto__');
    expect(JSON.stringify(proto?.value)).toContain('"__proto__":');
  });
});

describe('mutatedArbitrary over the request schemas', () => {
  it.each(['cluster.legacy', 'cluster.20240805', 'encryption-at-rest.request', 'restore-job.request', 'backup-schedule.request'] as const)(
    '%s: most broken bodies are refused by the precompiled validator, and (nearly) every kind is drawn',
    (name) => {
      const samples = fc.sample(mutatedArbitrary(set, set.root(SCHEMAS[name].$id), { readOnly: false }), { numRuns: 200, seed: 20260601 });
      const refused = samples.filter((s) => validate(name, s.value).length > 0).length;
      // Not all: a boundary number may be the bound itself, an odd string may fit an open string.
      expect(refused).toBeGreaterThan(samples.length * 0.8);
      // Nearly every kind: the EAR body has no required attribute to drop, for one.
      const kinds = new Set(samples.flatMap((s) => s.mutations.map((m) => m.split(' ')[0]!)));
      expect([...kinds].every((k) => (MUTATION_KINDS as readonly string[]).includes(k))).toBe(true);
      expect(kinds.size).toBeGreaterThanOrEqual(MUTATION_KINDS.length - 1);
    },
  );
});
