import { SCHEMA_NAMES, SCHEMAS, type SchemaName } from './catalog';
import type { JsonSchema } from './json-schema';

const NAME_BY_ID: ReadonlyMap<string, SchemaName> = new Map(SCHEMA_NAMES.map((name) => [SCHEMAS[name].$id, name]));

/**
 * A schema with every schema it `$ref`s copied into its `definitions` and the references
 * pointed there, so that one file stands alone: for editors (yaml-language-server) and for
 * `atlas-lint --print-schema`. A copied schema's own `#/...` references are rebased onto
 * its new place. Throws on a `$ref` to a schema this library does not define.
 * @example bundleSchema('project-config').definitions?.['cluster.legacy'] // the legacy cluster schema
 */
export function bundleSchema(name: SchemaName): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  const rewrite = (node: unknown, owner?: SchemaName): unknown => {
    if (Array.isArray(node)) return node.map((child) => rewrite(child, owner));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key !== '$ref' || typeof value !== 'string') {
        out[key] = rewrite(value, owner);
        continue;
      }
      if (value.startsWith('#')) {
        out[key] = owner === undefined ? value : `#/definitions/${owner}${value.slice(1)}`;
        continue;
      }
      const target = NAME_BY_ID.get(value);
      if (target === undefined) throw new Error(`Cannot bundle ${name}: $ref ${value} is not a schema of @mock-atlas/schemas.`);
      if (!(target in definitions)) {
        definitions[target] = {};
        const { $id: _id, $schema: _draft, ...body } = SCHEMAS[target];
        definitions[target] = rewrite(body, target) as JsonSchema;
      }
      out[key] = `#/definitions/${target}`;
    }
    return out;
  };
  const root = rewrite(SCHEMAS[name]) as JsonSchema;
  return Object.keys(definitions).length === 0 ? root : { ...root, definitions };
}

/** The project config schema as one self-contained draft-07 document (what --print-schema prints). */
export const projectConfigSchemaBundle: JsonSchema = bundleSchema('project-config');
