// Building blocks shared by the schemas. Each returns a fresh object so that no schema
// aliases another's nodes (Ajv and the editor bundle both walk them independently).
import { CLUSTER_NAME_PATTERN, LABEL_LENGTH, OBJECT_ID_PATTERN } from '../atlas-enums';
import type { JsonProperties, JsonSchema } from '../json-schema';

/** Where every schema of this library is published, for `$id` and editors' `$schema` links. */
export const SCHEMA_BASE_URL = 'https://mock-atlas.dev/schemas/';
export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/**
 * The stable `$id` of one of this library's schemas.
 * @example schemaId('cluster.legacy') // → 'https://mock-atlas.dev/schemas/cluster.legacy.json'
 */
export function schemaId(name: string): string {
  return `${SCHEMA_BASE_URL}${name}.json`;
}

/**
 * A reference to another of this library's schemas.
 * @example schemaRef('cluster.legacy') // → { $ref: 'https://mock-atlas.dev/schemas/cluster.legacy.json' }
 */
export function schemaRef(name: string): JsonSchema {
  return { $ref: schemaId(name) };
}

/** An Atlas role name as the config writes it (GROUP_OWNER, ORG_READ_ONLY, ...). */
export const ROLE_NAME_PATTERN = '^[A-Z][A-Z0-9_]*$';

/** A 24-hexadecimal-digit id (Atlas's ObjectId form). */
export function objectId(description: string): JsonSchema {
  return { type: 'string', pattern: OBJECT_ID_PATTERN, description };
}

/** A cluster name as Atlas accepts it. */
export function clusterName(description: string): JsonSchema {
  return { type: 'string', pattern: CLUSTER_NAME_PATTERN, description };
}

/** A string restricted to the spec's values. */
export function stringEnum(values: readonly string[], description: string): JsonSchema {
  return { type: 'string', enum: values, description };
}

export function bool(description: string): JsonSchema {
  return { type: 'boolean', description };
}

export function str(description: string): JsonSchema {
  return { type: 'string', description };
}

/**
 * The range of the spec's integers: every integer attribute of the bodies here is `format: int32`
 * in the spec, so a larger one is no Atlas integer (and the mock, echoing it, would break the
 * contract of its own response; found by the request fuzzer, tools/conformance/src/fuzz).
 */
export const INT32 = { minimum: -2147483648, maximum: 2147483647 } as const;

/** An int32 (see INT32); spread bounds after it to narrow them. */
export function int(description: string): JsonSchema {
  return { type: 'integer', ...INT32, description };
}

export function dateTime(description: string): JsonSchema {
  return { type: 'string', format: 'date-time', description };
}

/** A write-only secret: accepted, never echoed (PRODUCT.md). Plain string, so `${env:NAME}` fits. */
export function secret(description: string): JsonSchema {
  return { type: 'string', writeOnly: true, description };
}

/**
 * Marks a field Atlas reports and clients round-trip: accepted in a request, annotated so
 * editors and docs say it has no effect.
 */
export function readOnly(schema: JsonSchema): JsonSchema {
  return { ...schema, readOnly: true };
}

/** A closed object: every schema of this library rejects attributes it does not know. */
export function closedObject(properties: JsonProperties, extra: Omit<JsonSchema, 'type' | 'properties' | 'additionalProperties'> = {}): JsonSchema {
  return { type: 'object', additionalProperties: false, properties, ...extra };
}

/**
 * An object whose `tag` attribute selects which closed shape applies (providerName → the
 * AWS, Azure, ... attributes). Written as `allOf` of `if`/`then` rather than `oneOf`, so that
 * Ajv and editors alike report the errors of the selected shape only, and an unknown tag
 * only as an invalid tag value.
 */
export function taggedUnion(tag: string, tagSchema: JsonSchema, shapes: Readonly<Record<string, JsonSchema>>, description: string): JsonSchema {
  return {
    type: 'object',
    description,
    properties: { [tag]: tagSchema },
    required: [tag],
    allOf: Object.entries(shapes).map(([value, then]) => ({ if: { properties: { [tag]: { const: value } }, required: [tag] }, then })),
  };
}

export function arrayOf(items: JsonSchema, description: string, extra: Omit<JsonSchema, 'type' | 'items'> = {}): JsonSchema {
  return { type: 'array', items, description, ...extra };
}

/** The `links` Atlas puts on every resource (read-only). */
export function links(): JsonSchema {
  return readOnly(
    arrayOf(closedObject({ href: str('URL of the linked resource.'), rel: str('Relation of the link, e.g. self.') }), 'Links to related resources (RFC 5988).'),
  );
}

function keyValue(required: boolean): JsonSchema {
  const text: JsonSchema = { type: 'string', ...LABEL_LENGTH };
  return closedObject({ key: text, value: text }, required ? { required: ['key', 'value'] } : {});
}

/** Deprecated cluster labels (`ComponentLabel`). */
export function labels(): JsonSchema {
  return { ...arrayOf(keyValue(false), 'Deprecated key-value labels; use tags.'), deprecated: true };
}

/** Cluster resource tags (`ResourceTag`); both key and value are required by the spec. */
export function tags(): JsonSchema {
  return arrayOf(keyValue(true), 'Key-value tags that categorise the cluster.');
}
