// Valid values made invalid on purpose, one node at a time, with the schema saying what "wrong"
// means there: a type the node does not allow, a required property dropped, a value outside the
// enum, an unknown property, a number at or past a bound, an odd string, an array too long.
// The draws are plain numbers and strings, so fast-check shrinks a mutation like any value.
import fc from 'fast-check';
import type { JsonType } from '@mock-atlas/schemas';
import { schemaArbitrary, type ArbitraryOptions } from './schema-arbitrary';
import type { Located, SchemaSet } from './schema-set';
import { alternatives, shapeOf, type Shape } from './shape';
import { isRecord } from '../../config-steps';

export const MUTATION_KINDS = [
  'wrong-type',
  'null',
  'drop-required',
  'out-of-enum',
  'extra-field',
  'boundary-number',
  'odd-string',
  'array-size',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

/** One mutation as drawn: which kind, where (an index into the applicable nodes), and its material. */
export interface MutationDraw {
  readonly kind: MutationKind;
  readonly site: number;
  readonly pick: number;
  /** A random string (any code units) for odd strings and unknown property names. */
  readonly text: string;
}

/** A node of a value, with the shape its schema gives it (undefined where no schema reaches). */
export interface Site {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
  readonly shape: Shape | undefined;
}

type Json = unknown;

/** The shape of `value` at `nodes`, with conditionals and choices decided by the value itself. */
function decidedShape(set: SchemaSet, nodes: readonly Located[], value: unknown): Shape {
  let list = [...nodes];
  let consumed: ReadonlySet<string> = new Set();
  for (let round = 0; round < 16; round++) {
    const shape = shapeOf(set, list, consumed);
    const ways = alternatives(shape, consumed);
    if (ways.length === 0) return shape;
    // The first way whose nodes all accept the value (the `if` that holds, the option that fits);
    // for an invalid value none may: then the first, for the others' sake.
    const way = ways.find((w) => w.nodes.every((n) => set.accepts(n, value))) ?? ways[0]!;
    list = [...list, ...way.nodes];
    consumed = way.consumed;
  }
  return shapeOf(set, list, consumed);
}

/**
 * Every node of a value (the value itself first), each with its schema's shape.
 * @example sitesOf(set, [root], { name: 'orders' }).map((s) => s.path) // → [[], ['name']]
 */
export function sitesOf(set: SchemaSet, nodes: readonly Located[], value: unknown, path: readonly (string | number)[] = [], sites: Site[] = []): Site[] {
  // One list for the whole walk: a mutated body may hold tens of thousands of nodes.
  const shape = nodes.length > 0 ? decidedShape(set, nodes, value) : undefined;
  sites.push({ path, value, shape });
  if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const declared = shape?.properties.get(key);
      const childNodes = declared ?? (shape && !shape.closedKeys ? shape.additional : []);
      sitesOf(set, childNodes, child, [...path, key], sites);
    }
  } else if (Array.isArray(value)) {
    value.forEach((child, i) => sitesOf(set, shape?.items ?? [], child, [...path, i], sites));
  }
  return sites;
}

const TYPE_SAMPLES: readonly [JsonType, Json][] = [
  ['string', 'not-the-right-type'],
  ['integer', 7],
  ['number', 2.5],
  ['boolean', true],
  ['object', { unexpected: 'object' }],
  ['array', ['unexpected', 'array']],
  ['null', null],
  ['string', ''],
  ['integer', 0],
  ['boolean', false],
  ['object', {}],
  ['array', []],
];

function allows(shape: Shape | undefined, type: JsonType): boolean {
  const types = shape?.types;
  if (!types) return false;
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

/** Boundary and extreme numbers: the bounds themselves, one past them, and what breaks naive code. */
function boundaryNumbers(shape: Shape | undefined): number[] {
  const out: number[] = [];
  for (const bound of [shape?.minimum, shape?.exclusiveMinimum]) if (bound !== undefined) out.push(bound - 1, bound, bound - 0.5);
  for (const bound of [shape?.maximum, shape?.exclusiveMaximum]) if (bound !== undefined) out.push(bound + 1, bound, bound + 0.5);
  out.push(-1, 0, -0, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e308, -1e308, 5e-324, 1e21);
  return out;
}

/** Strings that trip parsers, comparisons, logs and templates. */
function oddStrings(text: string, current: string): string[] {
  return [
    '',
    ' ',
    `${current} `,
    ` ${current}`,
    current.toLowerCase() === current ? current.toUpperCase() : current.toLowerCase(),
    `${current}\n`,
    '\u0000',
    '\u202eRTL',
    'ＡＷＳ',
    '\ud800',
    '😀'.repeat(8),
    '${env:AWS_SECRET_ACCESS_KEY}',
    '%s%s%s%n',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    'null',
    '__proto__',
    'a'.repeat(5000),
    text,
  ];
}

/** Property names that are unknown, or nearly known (a typo, another case), or dangerous to naive code. */
function extraKeys(text: string, known: readonly string[]): string[] {
  const near = known.flatMap((k) => [k.slice(0, -1), `${k}s`, k.toUpperCase(), k.charAt(0).toUpperCase() + k.slice(1)]);
  return [...near, 'unknownAttribute', 'constructor', 'toString', '__proto__', '', text].filter((k) => !known.includes(k));
}

function outOfEnum(shape: Shape, current: unknown): Json[] {
  const allowed = shape.enums.flat();
  const isAllowed = (v: unknown) => allowed.some((a) => JSON.stringify(a) === JSON.stringify(v));
  const variants: Json[] = [];
  if (typeof current === 'string') variants.push(current.toLowerCase(), `${current}_X`, current.replace(/_/g, '-'), ` ${current}`, `${current}\u0000`);
  if (typeof current === 'number') variants.push(current + 1, current - 1, -current, current * 10);
  variants.push('NOT_IN_ENUM', 12345, '');
  return variants.filter((v) => !isAllowed(v));
}

/** Sets or deletes the node at `path` of a copy of `root`; a path of [] replaces the root. */
function setAt(root: Json, path: readonly (string | number)[], change: { value: Json } | 'delete'): Json {
  if (path.length === 0) return change === 'delete' ? undefined : change.value;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let parent: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (change === 'delete') delete parent[last];
  // defineProperty, so that `__proto__` becomes an own property as JSON.parse would make it.
  else Object.defineProperty(parent, last, { value: change.value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

function describePath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(body)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

function preview(value: Json): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Which nodes a kind of mutation applies to. */
const APPLIES: Readonly<Record<MutationKind, (site: Site) => boolean>> = {
  'wrong-type': () => true,
  null: (s) => s.value !== null,
  'drop-required': (s) => isRecord(s.value) && [...(s.shape?.required ?? [])].some((k) => k in (s.value as object)),
  'out-of-enum': (s) => (s.shape?.enums.length ?? 0) > 0,
  'extra-field': (s) => isRecord(s.value),
  'boundary-number': (s) => typeof s.value === 'number' || allows(s.shape, 'number') || allows(s.shape, 'integer'),
  'odd-string': (s) => typeof s.value === 'string',
  'array-size': (s) => Array.isArray(s.value),
};

/**
 * Applies one drawn mutation to a copy of `value`: at the `site`-th node it applies to (or, when it
 * applies nowhere, a wrong type somewhere). Returns the new value and what was done.
 * @example mutate(set, [root], { deliveryType: 'download' }, { kind: 'drop-required', site: 0, pick: 0, text: '' })
 *   // → { value: {}, description: 'drop-required at (body): deliveryType' }
 */
export function mutate(set: SchemaSet, nodes: readonly Located[], value: Json, draw: MutationDraw): { value: Json; description: string } {
  const sites = sitesOf(set, nodes, value);
  let kind = draw.kind;
  let applicable = sites.filter(APPLIES[kind]);
  if (applicable.length === 0) {
    kind = 'wrong-type';
    applicable = sites;
  }
  const site = pick(applicable, draw.site);
  const at = describePath(site.path);
  const replace = (v: Json) => ({ value: setAt(value, site.path, { value: v }), description: `${kind} at ${at}: ${preview(v)}` });
  switch (kind) {
    case 'wrong-type': {
      const wrong = TYPE_SAMPLES.filter(([t]) => !allows(site.shape, t) && t !== (site.value === null ? 'null' : Array.isArray(site.value) ? 'array' : typeof site.value));
      return replace(pick(wrong.length > 0 ? wrong : TYPE_SAMPLES, draw.pick)[1]);
    }
    case 'null':
      return replace(null);
    case 'drop-required': {
      const present = [...site.shape!.required].filter((k) => k in (site.value as object));
      const key = pick(present, draw.pick);
      return { value: setAt(value, [...site.path, key], 'delete'), description: `drop-required at ${at}: ${key}` };
    }
    case 'out-of-enum':
      return replace(pick(outOfEnum(site.shape!, site.value), draw.pick));
    case 'extra-field': {
      const known = [...new Set([...(site.shape?.properties.keys() ?? []), ...Object.keys(site.value as object)])];
      const key = pick(extraKeys(draw.text, known), draw.pick);
      const extra = pick<Json>([true, 'value', 1, null, { nested: true }], draw.pick >> 4);
      return { value: setAt(value, [...site.path, key], { value: extra }), description: `extra-field at ${at}: ${JSON.stringify(key)} = ${preview(extra)}` };
    }
    case 'boundary-number':
      return replace(pick(boundaryNumbers(site.shape), draw.pick));
    case 'odd-string':
      return replace(pick(oddStrings(draw.text, site.value as string), draw.pick));
    case 'array-size': {
      const list = site.value as Json[];
      const first = list[0] ?? null;
      const limit = site.shape?.maxItems ?? 8;
      const sizes = [[], Array.from({ length: limit + 1 }, () => structuredClone(first)), [...list, ...list], Array.from({ length: 50 }, () => structuredClone(first))];
      return replace(pick(sizes, draw.pick));
    }
  }
}

/** A mutation draw; shrinks towards the first node, the first kind and the first variant. */
export const mutationDrawArb: fc.Arbitrary<MutationDraw> = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  site: fc.nat({ max: 1000 }),
  pick: fc.nat({ max: 1000 }),
  text: fc.string({ unit: 'binary', maxLength: 16 }),
});

/** A body this long (1.5 MB of JSON) is mutated no further. */
const MAX_MUTATED_LENGTH = 1_500_000;

/** A value the schema accepts, then broken by one to three mutations (and what they were). */
export interface Mutated {
  readonly value: Json;
  readonly mutations: readonly string[];
}

/**
 * Valid values of the node, each broken by one to three drawn mutations.
 * @example fc.sample(mutatedArbitrary(set, root), 1) // → [{ value: { deliveryType: 'DOWNLOAD' }, mutations: ['out-of-enum at deliveryType: "DOWNLOAD"'] }]
 */
export function mutatedArbitrary(set: SchemaSet, node: Located, options: ArbitraryOptions = {}): fc.Arbitrary<Mutated> {
  return fc.tuple(schemaArbitrary(set, node, options), fc.array(mutationDrawArb, { minLength: 1, maxLength: 3 })).map(([valid, draws]) => {
    let value: Json = valid;
    const mutations: string[] = [];
    for (const draw of draws) {
      // Past the mock's body limit one more mutation adds nothing but time (copies of copies).
      if ((JSON.stringify(value) ?? '').length > MAX_MUTATED_LENGTH) break;
      const result = mutate(set, [node], value, draw);
      value = result.value;
      mutations.push(result.description);
    }
    return { value, mutations };
  });
}
