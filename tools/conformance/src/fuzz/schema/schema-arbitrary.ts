// JSON Schema (the draft-07 subset libs/schemas writes) → a fast-check arbitrary of values the
// schema accepts. Keywords: type, enum, const, properties, required, additionalProperties,
// propertyNames, items, contains, minItems/maxItems, uniqueItems, minimum/maximum (and the
// exclusive ones), multipleOf, minLength/maxLength, pattern (fc.stringMatching), format
// (date-time, date, uuid, email, uri), $ref within the set, allOf, if/then/else, oneOf/anyOf,
// not. Where the keywords alone may produce a value the node refuses (conditionals, choices,
// not, contains, several patterns), the value is checked by Ajv and redrawn: every value is valid.
import fc from 'fast-check';
import type { JsonType } from '@mock-atlas/schemas';
import { ANYTHING, type Located, type SchemaSet } from './schema-set';
import { alternatives, isApproximate, shapeOf, type Shape } from './shape';

/** How values are drawn. */
export interface ArbitraryOptions {
  /**
   * Values to draw, most of the time, for a property of this name wherever it appears (a cluster
   * name the project has, a key the KMS holds), instead of the schema's random ones, so that
   * values meet each other; the schema's own values still come now and then.
   */
  readonly hints?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** Whether optional `readOnly` properties are drawn (default true). */
  readonly readOnly?: boolean;
  /** Longest array drawn beyond minItems (default 3). */
  readonly extraItems?: number;
  /** Longest unconstrained string (default 24). */
  readonly stringLength?: number;
}

const MAX_DEPTH = 24;

/** No value satisfies the nodes (a `false` schema, enums with nothing in common). */
export class Unsatisfiable extends Error {}

interface Context {
  readonly set: SchemaSet;
  readonly options: ArbitraryOptions;
  readonly depth: number;
}

function typesOf(shape: Shape): JsonType[] {
  if (shape.types !== undefined) return shape.types;
  if (shape.properties.size > 0 || shape.required.size > 0 || shape.closedKeys || shape.additional.length > 0) return ['object'];
  if (shape.items.length > 0 || shape.contains.length > 0) return ['array'];
  if (shape.patterns.length > 0 || shape.format !== undefined || shape.maxLength !== undefined || shape.minLength > 0) return ['string'];
  if ([shape.minimum, shape.maximum, shape.exclusiveMinimum, shape.exclusiveMaximum].some((n) => n !== undefined)) return ['number'];
  return [];
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function typeAllows(types: readonly JsonType[], value: unknown): boolean {
  if (types.length === 0) return true;
  const t = jsonTypeOf(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

function enumArbitrary(shape: Shape, types: readonly JsonType[]): fc.Arbitrary<unknown> {
  const [first, ...rest] = shape.enums;
  const candidates = first!.filter(
    (v) => rest.every((list) => list.some((w) => JSON.stringify(w) === JSON.stringify(v))) && typeAllows(types, v),
  );
  if (candidates.length === 0) throw new Unsatisfiable(`no enum value satisfies ${shape.sources.map((s) => `${s.base}#${s.pointer}`).join(' & ')}`);
  return fc.constantFrom(...candidates);
}

function stringArbitrary(shape: Shape, options: ArbitraryOptions): fc.Arbitrary<string> {
  const longest = shape.minLength + (options.stringLength ?? 24);
  const maxLength = Math.min(shape.maxLength ?? longest, longest);
  const lengthOk = (s: string) => [...s].length >= shape.minLength && (shape.maxLength === undefined || [...s].length <= shape.maxLength);
  switch (shape.format) {
    case 'date-time':
      return fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'uri-reference':
      return fc.webUrl();
  }
  if (shape.patterns.length > 0) {
    const [first, ...others] = shape.patterns.map((p) => new RegExp(p, 'u'));
    return fc.stringMatching(first!, { maxLength: Math.max(maxLength, shape.minLength) }).filter((s) => lengthOk(s) && others.every((re) => re.test(s)));
  }
  return fc.string({ minLength: shape.minLength, maxLength: Math.max(maxLength, shape.minLength) });
}

function numberArbitrary(shape: Shape, integer: boolean): fc.Arbitrary<number> {
  const low = shape.exclusiveMinimum !== undefined && (shape.minimum === undefined || shape.exclusiveMinimum >= shape.minimum);
  const high = shape.exclusiveMaximum !== undefined && (shape.maximum === undefined || shape.exclusiveMaximum <= shape.maximum);
  const min = low ? shape.exclusiveMinimum : shape.minimum;
  const max = high ? shape.exclusiveMaximum : shape.maximum;
  if (integer) {
    const lo = min === undefined ? Number.MIN_SAFE_INTEGER : low ? Math.floor(min) + 1 : Math.ceil(min);
    const hi = max === undefined ? Number.MAX_SAFE_INTEGER : high ? Math.ceil(max) - 1 : Math.floor(max);
    return fc.integer({ min: lo, max: hi });
  }
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    min: min ?? -Number.MAX_VALUE,
    max: max ?? Number.MAX_VALUE,
    minExcluded: low,
    maxExcluded: high,
  });
}

function hinted(name: string, arb: fc.Arbitrary<unknown>, ctx: Context): fc.Arbitrary<unknown> {
  const hint = ctx.options.hints?.[name];
  return hint ? fc.oneof({ arbitrary: hint, weight: 3 }, { arbitrary: arb, weight: 1 }) : arb;
}

function objectArbitrary(shape: Shape, ctx: Context): fc.Arbitrary<Record<string, unknown>> {
  const declared = [...shape.properties.keys()];
  const keys = new Set([...(shape.closedKeys ? declared.filter((k) => shape.closedKeys!.has(k)) : declared), ...shape.required]);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of keys) {
    const nodes = shape.properties.get(key) ?? (shape.additional.length > 0 ? shape.additional : [ANYTHING]);
    const required = shape.required.has(key);
    if (!required && ctx.options.readOnly === false && shapeOf(ctx.set, nodes).readOnly) continue;
    model[key] = hinted(key, nodesArbitrary(nodes, ctx), ctx);
  }
  const record = fc.record(model, { requiredKeys: [...shape.required].filter((k) => k in model) });
  if (shape.closedKeys || shape.additional.length === 0) return record;
  // Open with a schema for the other keys (a map such as regionsConfig): a few of those too.
  const keyArb = shape.propertyNames.length > 0 ? (nodesArbitrary(shape.propertyNames, ctx) as fc.Arbitrary<string>) : fc.string({ maxLength: 12 });
  const extras = fc.dictionary(
    keyArb.filter((k) => !shape.properties.has(k)),
    nodesArbitrary(shape.additional, ctx),
    { maxKeys: 3 },
  );
  return fc.tuple(record, extras).map(([r, e]) => ({ ...e, ...r }));
}

function arrayArbitrary(shape: Shape, ctx: Context): fc.Arbitrary<unknown[]> {
  const item = nodesArbitrary(shape.items.length > 0 ? shape.items : [ANYTHING], ctx);
  const maxLength = Math.min(shape.maxItems ?? Infinity, shape.minItems + (ctx.options.extraItems ?? 3));
  const constraints = { minLength: shape.minItems, maxLength };
  const plain = shape.uniqueItems ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(item, constraints);
  if (shape.contains.length === 0) return plain;
  // One element that also satisfies `contains`, at a drawn position.
  const special = nodesArbitrary([...shape.items, ...shape.contains], ctx);
  const rest = fc.array(item, { minLength: Math.max(0, shape.minItems - 1), maxLength: Math.max(0, maxLength - 1) });
  return fc.tuple(rest, special, fc.nat()).map(([others, one, at]) => {
    const out = [...others];
    out.splice(at % (others.length + 1), 0, one);
    return out;
  });
}

function typedArbitrary(type: JsonType, shape: Shape, ctx: Context): fc.Arbitrary<unknown> {
  switch (type) {
    case 'object':
      return objectArbitrary(shape, ctx);
    case 'array':
      return arrayArbitrary(shape, ctx);
    case 'string':
      return stringArbitrary(shape, ctx.options);
    case 'integer':
      return numberArbitrary(shape, true);
    case 'number':
      return numberArbitrary(shape, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
  }
}

function shapeArbitrary(shape: Shape, ctx: Context): fc.Arbitrary<unknown> {
  if (shape.unsatisfiable) throw new Unsatisfiable(`no value satisfies ${shape.sources.map((s) => `${s.base}#${s.pointer}`).join(' & ') || 'false'}`);
  const types = typesOf(shape);
  if (shape.enums.length > 0) return enumArbitrary(shape, types);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return types.length === 1 ? typedArbitrary(types[0]!, shape, ctx) : fc.oneof(...types.map((t) => typedArbitrary(t, shape, ctx)));
}

/** The arbitraries of the ways that can be satisfied at all (an `if` may pin a tag to another value). */
function possible(ways: readonly (() => fc.Arbitrary<unknown>)[], nodes: readonly Located[]): fc.Arbitrary<unknown>[] {
  const out = ways.flatMap((build) => {
    try {
      return [build()];
    } catch (error) {
      if (error instanceof Unsatisfiable) return [];
      throw error;
    }
  });
  if (out.length === 0) throw new Unsatisfiable(`no way satisfies ${nodes.map((n) => `${n.base}#${n.pointer}`).join(' & ')}`);
  return out;
}

function nodesArbitrary(nodes: readonly Located[], ctx: Context, consumed: ReadonlySet<string> = new Set()): fc.Arbitrary<unknown> {
  if (ctx.depth > MAX_DEPTH) throw new Error(`schema nesting deeper than ${MAX_DEPTH} (a recursive $ref?) at ${nodes.map((n) => n.pointer).join(' & ')}`);
  const inner: Context = { ...ctx, depth: ctx.depth + 1 };
  const shape = shapeOf(ctx.set, nodes, consumed);
  const ways = alternatives(shape, consumed);
  const arb = ways.length === 0 ? shapeArbitrary(shape, inner) : fc.oneof(...possible(ways.map((way) => () => nodesArbitrary([...nodes, ...way.nodes], inner, way.consumed)), nodes));
  if (consumed.size > 0 || !isApproximate(shape)) return arb;
  // The keywords alone are not exact here: keep what Ajv accepts (every node, as written).
  return arb.filter((value) => nodes.every((node) => ctx.set.accepts(node, value)));
}

/**
 * An arbitrary of values the schema node accepts.
 * @example
 * const set = new SchemaSet(Object.values(SCHEMAS));
 * fc.sample(schemaArbitrary(set, set.root(SCHEMAS['restore-job.request'].$id)), 1) // → [{ deliveryType: 'download', … }]
 */
export function schemaArbitrary(set: SchemaSet, node: Located, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  return nodesArbitrary([node], { set, options, depth: 0 });
}
