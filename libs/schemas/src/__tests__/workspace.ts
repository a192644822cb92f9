// Where the specs find files outside this library: the workspace and the shared Atlas contract.
// The specs read them (this helper is not a spec file, so it does no I/O itself).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKSPACE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The multi-version Atlas OpenAPI subset; CI clones shared/ beside the repository. */
export const SPEC_PATH = resolve(WORKSPACE_ROOT, '../shared/atlas-openapi/atlas-admin-v2.multiversion.subset.json');

export type OpenApiSpec = { components: { schemas: Record<string, Record<string, unknown>> } };

/** The `enum` of a property in the spec, following `allOf` members. */
export function specEnum(spec: OpenApiSpec, schemaName: string, property: string): unknown[] {
  const schema = spec.components.schemas[schemaName];
  const candidates = [schema, ...((schema?.allOf as Record<string, unknown>[] | undefined) ?? [])];
  for (const candidate of candidates) {
    const prop = (candidate?.properties as Record<string, { enum?: unknown[] }> | undefined)?.[property];
    if (prop?.enum) return prop.enum;
  }
  throw new Error(`The spec has no enum at ${schemaName}.${property}.`);
}
