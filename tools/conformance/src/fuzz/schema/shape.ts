// One value's constraints gathered from every schema node it must satisfy: the nodes themselves,
// their $ref targets and their plain allOf members, folded into a Shape that generation and
// mutation read. Conditionals (if/then/else, an allOf of them) and choices (oneOf/anyOf) are
// kept apart: each alternative is a further node list, see `alternatives`.
import type { JsonType } from '@mock-atlas/schemas';
import type { Located, SchemaSet } from './schema-set';

/** One `if` with its `then` and `else`, where it was written. */
export interface Conditional {
  readonly id: string;
  readonly if: Located;
  readonly then?: Located;
  readonly else?: Located;
}

/** A oneOf or anyOf, where it was written. */
export interface Choice {
  readonly id: string;
  readonly kind: 'oneOf' | 'anyOf';
  readonly options: readonly Located[];
}

/** Everything a value must satisfy, folded. */
export interface Shape {
  /** Every node folded in (after $ref), for exact checks by Ajv. */
  readonly sources: Located[];
  /** Allowed JSON types; undefined when any type is allowed. */
  types: JsonType[] | undefined;
  /** Each list (an enum, or a const as a one-element list) must contain the value. */
  readonly enums: unknown[][];
  readonly properties: Map<string, Located[]>;
  readonly required: Set<string>;
  /** The keys an object may have, when some node closes it (additionalProperties: false). */
  closedKeys: Set<string> | undefined;
  readonly additional: Located[];
  readonly propertyNames: Located[];
  readonly items: Located[];
  readonly contains: Located[];
  minItems: number;
  maxItems: number | undefined;
  uniqueItems: boolean;
  minimum: number | undefined;
  maximum: number | undefined;
  exclusiveMinimum: number | undefined;
  exclusiveMaximum: number | undefined;
  multipleOf: number | undefined;
  minLength: number;
  maxLength: number | undefined;
  readonly patterns: string[];
  format: string | undefined;
  readOnly: boolean;
  readonly conditionals: Conditional[];
  readonly choices: Choice[];
  readonly nots: Located[];
  /** A `false` node was folded in: no value satisfies the shape. */
  unsatisfiable: boolean;
}

function emptyShape(): Shape {
  return {
    sources: [],
    types: undefined,
    enums: [],
    properties: new Map(),
    required: new Set(),
    closedKeys: undefined,
    additional: [],
    propertyNames: [],
    items: [],
    contains: [],
    minItems: 0,
    maxItems: undefined,
    uniqueItems: false,
    minimum: undefined,
    maximum: undefined,
    exclusiveMinimum: undefined,
    exclusiveMaximum: undefined,
    multipleOf: undefined,
    minLength: 0,
    maxLength: undefined,
    patterns: [],
    format: undefined,
    readOnly: false,
    conditionals: [],
    choices: [],
    nots: [],
    unsatisfiable: false,
  };
}

const maxOf = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
const minOf = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

/** Types both lists allow; draft-07's "integer" is a kind of "number", so number ∩ integer is integer. */
function intersectTypes(a: readonly JsonType[], b: readonly JsonType[]): JsonType[] {
  const allows = (list: readonly JsonType[], t: JsonType) => list.includes(t) || (t === 'integer' && list.includes('number'));
  return [...new Set([...a, ...b])].filter((t) => allows(a, t) && allows(b, t));
}

/** The id of a node: document and pointer. */
export function nodeId(at: Located): string {
  return `${at.base}#${at.pointer}`;
}

function fold(set: SchemaSet, shape: Shape, node: Located, consumed: ReadonlySet<string>): void {
  const at = set.resolve(node);
  const schema = at.schema;
  if (schema === true) return;
  if (schema === false) {
    shape.unsatisfiable = true;
    return;
  }
  shape.sources.push(at);
  if (schema.type !== undefined) {
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as JsonType[];
    shape.types = shape.types === undefined ? [...types] : intersectTypes(shape.types, types);
  }
  if (schema.enum !== undefined) shape.enums.push([...schema.enum]);
  if ('const' in schema) shape.enums.push([schema.const]);
  if (schema.properties) {
    for (const name of Object.keys(schema.properties)) {
      const list = shape.properties.get(name) ?? [];
      list.push(set.child(at, 'properties', name));
      shape.properties.set(name, list);
    }
  }
  for (const name of schema.required ?? []) shape.required.add(name);
  if (schema.additionalProperties === false) {
    const declared = new Set(Object.keys(schema.properties ?? {}));
    shape.closedKeys = shape.closedKeys === undefined ? declared : new Set([...shape.closedKeys].filter((k) => declared.has(k)));
  } else if (typeof schema.additionalProperties === 'object') {
    shape.additional.push(set.child(at, 'additionalProperties'));
  }
  if (schema.propertyNames) shape.propertyNames.push(set.child(at, 'propertyNames'));
  if (schema.items) shape.items.push(set.child(at, 'items'));
  if (schema.contains) shape.contains.push(set.child(at, 'contains'));
  shape.minItems = Math.max(shape.minItems, schema.minItems ?? 0);
  shape.maxItems = minOf(shape.maxItems, schema.maxItems);
  shape.uniqueItems ||= schema.uniqueItems === true;
  shape.minimum = maxOf(shape.minimum, schema.minimum);
  shape.maximum = minOf(shape.maximum, schema.maximum);
  shape.exclusiveMinimum = maxOf(shape.exclusiveMinimum, schema.exclusiveMinimum);
  shape.exclusiveMaximum = minOf(shape.exclusiveMaximum, schema.exclusiveMaximum);
  if (schema.multipleOf !== undefined) shape.multipleOf = schema.multipleOf;
  shape.minLength = Math.max(shape.minLength, schema.minLength ?? 0);
  shape.maxLength = minOf(shape.maxLength, schema.maxLength);
  if (schema.pattern !== undefined) shape.patterns.push(schema.pattern);
  if (schema.format !== undefined) shape.format = schema.format;
  shape.readOnly ||= schema.readOnly === true;
  if (schema.not) shape.nots.push(set.child(at, 'not'));

  const here = nodeId(at);
  if (schema.if && !consumed.has(here)) {
    shape.conditionals.push({
      id: here,
      if: set.child(at, 'if'),
      ...(schema.then ? { then: set.child(at, 'then') } : {}),
      ...(schema.else ? { else: set.child(at, 'else') } : {}),
    });
  }
  for (const kind of ['oneOf', 'anyOf'] as const) {
    const options = schema[kind];
    const id = `${here}/${kind}`;
    if (options && !consumed.has(id)) shape.choices.push({ id, kind, options: options.map((_, i) => set.child(at, kind, i)) });
  }
  (schema.allOf ?? []).forEach((_, i) => fold(set, shape, set.child(at, 'allOf', i), consumed));
}

/**
 * Folds nodes into one Shape. Conditionals and choices whose id is in `consumed` were already
 * decided by the caller (their chosen branch is among `nodes`) and are left out.
 * @example shapeOf(set, [set.root(id)]).required // → Set { 'deliveryType' }
 */
export function shapeOf(set: SchemaSet, nodes: readonly Located[], consumed: ReadonlySet<string> = new Set()): Shape {
  // Walking a value's nodes asks for the same few shapes thousands of times: fold each once.
  let memo = memos.get(set);
  if (!memo) memos.set(set, (memo = new Map()));
  const key = `${nodes.map(nodeId).join('&')}|${[...consumed].sort().join('&')}`;
  let shape = memo.get(key);
  if (!shape) {
    shape = emptyShape();
    for (const node of nodes) fold(set, shape, node, consumed);
    memo.set(key, shape);
  }
  return shape;
}

/** Folded shapes by node list, per schema set; a Shape is never changed once folded. */
const memos = new WeakMap<SchemaSet, Map<string, Shape>>();

/** One way to satisfy a shape's conditionals and choices: the nodes to add, the ids they decide. */
export interface Alternative {
  readonly nodes: readonly Located[];
  readonly consumed: ReadonlySet<string>;
}

/**
 * The ways to satisfy the undecided conditionals of a shape, or its first undecided choice.
 * Conditionals are decided together: one of them holds (its `if` and `then` are added, the
 * others' `else`), or none holds (every `else` is added). A way may still be impossible (an `if`
 * that pins a tag another node pins otherwise) or, for "none holds", give values some `if`
 * accepts after all: the generator drops the first kind and filters the second out with Ajv.
 * A choice offers each option. Returns [] when nothing is left to decide.
 */
export function alternatives(shape: Shape, consumed: ReadonlySet<string>): Alternative[] {
  if (shape.conditionals.length > 0) {
    const all = new Set([...consumed, ...shape.conditionals.map((c) => c.id)]);
    const elses = (except: number) => shape.conditionals.flatMap((c, j) => (j !== except && c.else ? [c.else] : []));
    const out: Alternative[] = shape.conditionals.map((c, i) => ({ nodes: [c.if, ...(c.then ? [c.then] : []), ...elses(i)], consumed: all }));
    out.push({ nodes: elses(-1), consumed: all });
    return out;
  }
  const choice = shape.choices[0];
  if (choice) {
    const all = new Set([...consumed, choice.id]);
    return choice.options.map((option) => ({ nodes: [option], consumed: all }));
  }
  return [];
}

/** True when values drawn from the shape's keywords alone may still break it. */
export function isApproximate(shape: Shape): boolean {
  return (
    shape.conditionals.length > 0 ||
    shape.choices.length > 0 ||
    shape.nots.length > 0 ||
    shape.contains.length > 0 ||
    shape.multipleOf !== undefined ||
    shape.patterns.length > 1 ||
    (shape.patterns.length > 0 && (shape.minLength > 0 || shape.maxLength !== undefined))
  );
}
