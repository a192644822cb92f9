// The spec's component schemas rewritten for Ajv (JSON Schema 2019-09), so that the contract
// validator can reference them instead of inlining them: reference loops (a region config that
// `allOf`s its discriminator parent, DiskBackupCopyPolicyItem) then compile, because Ajv resolves
// `$ref`s itself. OpenAPI 3.0 keywords that JSON Schema lacks are translated here; `nullable`
// is left to Ajv, which implements it.

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** The parts of the OpenAPI document the contract reads. */
export interface Spec {
  readonly paths: Record<string, Record<string, JsonObject>>;
  readonly components: Record<string, Record<string, JsonObject>>;
}

/** The `$id` under which the rewritten schemas are added to Ajv. */
export const SPEC_SCHEMA_ID = 'atlas-admin-v2';
const SCHEMA_REF = '#/components/schemas/';

/** True for a JSON object (not an array, not null). */
export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The component name of a local `#/components/schemas/<name>` reference, if it is one. */
function componentOf(ref: Json | undefined): string | undefined {
  return typeof ref === 'string' && ref.startsWith(SCHEMA_REF) ? ref.slice(SCHEMA_REF.length) : undefined;
}

/** The Ajv reference to a rewritten component, open (closing is the referrer's business). */
function openRef(name: string): string {
  return `${SPEC_SCHEMA_ID}#/components/schemas/${name}`;
}

/** The Ajv reference to a discriminator parent without its dispatch (what its children extend). */
function baseRef(name: string): string {
  return `${SPEC_SCHEMA_ID}#/components/discriminatorBases/${name}`;
}

// Keywords that document and never constrain; dropped so that Ajv has less to walk.
const ANNOTATIONS = new Set(['description', 'example', 'examples', 'externalDocs', 'title', 'xml', 'deprecated']);

/** A discriminator parent: the property, and for each value the component it selects. */
interface Discriminator {
  readonly propertyName: string;
  readonly branches: ReadonlyMap<string, readonly string[]>;
  /** True when the parent lists its alternatives (`oneOf`/`anyOf`): no other value is allowed. */
  readonly exhaustive: boolean;
}

/**
 * How the schemas are rewritten:
 * - `$ref`s stay references (to `atlas-admin-v2#/components/schemas/<name>`), so cycles work;
 * - objects are closed with `unevaluatedProperties: false` where they are used as a value (a
 *   response, a property, an array item), not where they are a part of another schema (`allOf`,
 *   `anyOf`, `if`/`then`): closing there would refuse the properties the other parts add, and
 *   `unevaluatedProperties` sees through references and composition, so the outermost object
 *   accepts exactly the properties some applicable part declares. An object that sets
 *   `additionalProperties` itself, or declares no properties at all (a free-form `type: object`),
 *   keeps its own rule;
 * - `writeOnly` properties are removed (OpenAPI 3.0: sent in requests only), so a response
 *   carrying one fails as an unknown property;
 * - a `discriminator` becomes an `if`/`then` per value, keyed on the property (see
 *   {@link dispatchOf}); the children's `allOf` reference back to the parent is pointed at the
 *   parent without its dispatch, which is what that reference means and what stops a loop;
 * - a `oneOf` without a discriminator is read as `anyOf`. The generator writes `oneOf` for unions
 *   whose members overlap by design: region names shared by two clouds' enums (US_WEST_2 is both
 *   an Azure and a GCP region), and alert configuration views that are all open objects told apart
 *   only by `eventTypeName`. "Exactly one" would refuse valid values there; "at least one", with
 *   the object closed over the members that match, is what the spec means;
 * - `type: object` beside `oneOf` alternatives that are all strings (regionName,
 *   BaseCloudProviderInstanceSize, DefaultAlertConfigViewForNdsGroup.eventTypeName) is dropped:
 *   a generator artefact that no value could satisfy together with its alternatives.
 */
export class SpecSchemas {
  private readonly source: Readonly<Record<string, JsonObject>>;
  private readonly discriminators = new Map<string, Discriminator>();
  /** For each child component, the discriminator parents that select it. */
  private readonly parentsOf = new Map<string, Set<string>>();
  private readonly closable = new Map<string, boolean>();

  constructor(spec: Spec) {
    this.source = spec.components['schemas'] ?? {};
    for (const [name, schema] of Object.entries(this.source)) {
      const discriminator = this.discriminatorOf(name, schema);
      if (!discriminator) continue;
      this.discriminators.set(name, discriminator);
      for (const child of new Set([...discriminator.branches.values()].flat())) {
        this.parentsOf.set(child, (this.parentsOf.get(child) ?? new Set()).add(name));
      }
    }
  }

  /** The document to add to Ajv: every component rewritten, plus each discriminator parent's base. */
  document(): JsonObject {
    const schemas: JsonObject = {};
    const discriminatorBases: JsonObject = {};
    for (const [name, schema] of Object.entries(this.source)) {
      const discriminator = this.discriminators.get(name);
      if (discriminator) {
        discriminatorBases[name] = this.rewrite(withoutAlternatives(schema), 'part', name);
        schemas[name] = { allOf: [{ $ref: baseRef(name) }, ...dispatchOf(discriminator)] };
      } else {
        schemas[name] = this.rewrite(schema, 'part', name);
      }
    }
    return { $id: SPEC_SCHEMA_ID, components: { schemas, discriminatorBases } };
  }

  /**
   * A schema from the spec (a response's `content.schema`) as a value: its objects closed, its
   * references pointing into {@link document}.
   * @example specSchemas.asValue({ $ref: '#/components/schemas/Group' })
   */
  asValue(schema: Json): Json {
    return this.rewrite(schema, 'value', '');
  }

  private discriminatorOf(name: string, schema: JsonObject): Discriminator | undefined {
    const discriminator = schema['discriminator'];
    if (!isObject(discriminator) || typeof discriminator['propertyName'] !== 'string') return undefined;
    const branches = new Map<string, string[]>();
    const add = (value: string, ref: Json | undefined): void => {
      const child = componentOf(ref);
      if (!child || !this.source[child]) throw new Error(`${name}: discriminator value ${value} maps to an unknown schema ${String(ref)}`);
      branches.set(value, [...(branches.get(value) ?? []), child]);
    };
    const mapping = isObject(discriminator['mapping']) ? discriminator['mapping'] : {};
    for (const [value, ref] of Object.entries(mapping)) add(value, ref);
    // OpenAPI: an alternative the mapping does not name is selected by its schema name.
    const alternatives = [...asArray(schema['oneOf']), ...asArray(schema['anyOf'])];
    const mapped = new Set(Object.values(mapping));
    for (const alternative of alternatives) {
      const ref = isObject(alternative) ? alternative['$ref'] : undefined;
      const child = componentOf(ref);
      if (child && !mapped.has(ref as string)) add(child, ref);
    }
    return { propertyName: discriminator['propertyName'], branches, exhaustive: alternatives.length > 0 };
  }

  /** True when a component, used as a value, should be closed by its referrer. */
  private isClosable(name: string, seen: readonly string[] = []): boolean {
    const known = this.closable.get(name);
    if (known !== undefined) return known;
    const schema = this.source[name];
    const target = componentOf(schema?.['$ref']);
    const closable = this.discriminators.has(name) || (schema !== undefined && (target && !seen.includes(target) ? this.isClosable(target, [...seen, name]) : isObjectShaped(schema)));
    this.closable.set(name, closable);
    return closable;
  }

  private rewrite(schema: Json, position: 'value' | 'part', owner: string): Json {
    if (!isObject(schema)) return schema;
    const ref = schema['$ref'];
    if (typeof ref === 'string') {
      const target = componentOf(ref);
      if (!target || !this.source[target]) throw new Error(`unresolvable $ref ${ref}`);
      return position === 'value' && this.isClosable(target) ? { $ref: openRef(target), unevaluatedProperties: false } : { $ref: openRef(target) };
    }
    const out: JsonObject = {};
    const writeOnly = new Set<string>();
    for (const [key, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(key) || key.startsWith('x-') || key === 'discriminator') continue;
      if (key === 'properties' && isObject(value)) {
        const properties: JsonObject = {};
        for (const [property, propertySchema] of Object.entries(value)) {
          if (this.isWriteOnly(propertySchema)) writeOnly.add(property);
          else properties[property] = this.rewrite(propertySchema, 'value', owner);
        }
        out[key] = properties;
      } else if (key === 'allOf' && Array.isArray(value)) {
        out[key] = value.map((member) => this.allOfMember(member, owner));
      } else if ((key === 'oneOf' || key === 'anyOf') && Array.isArray(value)) {
        out['anyOf'] = [...asArray(out['anyOf']), ...value.map((member) => this.rewrite(member, 'part', owner))];
      } else if (key === 'items' || (key === 'additionalProperties' && isObject(value))) {
        out[key] = this.rewrite(value, 'value', owner);
      } else if (key === 'not') {
        out[key] = this.rewrite(value, 'part', owner);
      } else {
        out[key] = value;
      }
    }
    if (Array.isArray(out['required']) && writeOnly.size > 0) out['required'] = out['required'].filter((r) => !writeOnly.has(String(r)));
    const alternatives = asArray(out['anyOf']);
    if (out['type'] === 'object' && alternatives.length > 0 && alternatives.every((a) => isObject(a) && typeof a['type'] === 'string' && a['type'] !== 'object')) {
      delete out['type'];
    }
    if (position === 'value' && isObjectShaped(out)) out['unevaluatedProperties'] = false;
    return out;
  }

  /** An `allOf` member; a child's reference to the parent that dispatches to it means the parent's base. */
  private allOfMember(member: Json, owner: string): Json {
    const target = isObject(member) ? componentOf(member['$ref']) : undefined;
    if (target && this.discriminators.has(target) && this.parentsOf.get(owner)?.has(target)) return { $ref: baseRef(target) };
    return this.rewrite(member, 'part', owner);
  }

  private isWriteOnly(schema: Json): boolean {
    if (!isObject(schema)) return false;
    if (schema['writeOnly'] === true) return true;
    const target = componentOf(schema['$ref']);
    return target !== undefined && this.source[target]?.['writeOnly'] === true;
  }
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** The schema without the alternatives its discriminator chooses between. */
function withoutAlternatives(schema: JsonObject): JsonObject {
  const { oneOf: _oneOf, anyOf: _anyOf, discriminator: _discriminator, ...base } = schema;
  return base;
}

/** An object schema that lists what it holds and leaves the rest to its referrer to close. */
function isObjectShaped(schema: JsonObject): boolean {
  if (schema['additionalProperties'] !== undefined) return false;
  const type = schema['type'];
  if (type !== undefined && type !== 'object' && !(Array.isArray(type) && type.includes('object'))) return false;
  return ['properties', 'allOf', 'anyOf', 'oneOf'].some((key) => schema[key] !== undefined);
}

/**
 * A discriminator as conditions: for each component, `if` the property holds one of the values
 * that select it, `then` the body must satisfy that component. When the parent lists its
 * alternatives, the property is also required to hold one of the mapped values, so a body cannot
 * escape every branch. Exactly one branch applies, whatever the alternatives overlap.
 */
function dispatchOf(discriminator: Discriminator): JsonObject[] {
  const { propertyName, branches, exhaustive } = discriminator;
  const valuesOf = new Map<string, string[]>();
  for (const [value, children] of branches) {
    for (const child of children) valuesOf.set(child, [...(valuesOf.get(child) ?? []), value]);
  }
  const cases = [...valuesOf].map(([child, values]): JsonObject => {
    const condition: JsonObject = values.length === 1 ? { const: values[0]! } : { enum: values };
    return { if: { properties: { [propertyName]: condition }, required: [propertyName] }, then: { $ref: openRef(child) } };
  });
  return exhaustive ? [{ properties: { [propertyName]: { enum: [...branches.keys()] } }, required: [propertyName] }, ...cases] : cases;
}
