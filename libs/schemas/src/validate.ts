import type { Finding, Path } from '@mock-atlas/model';
import type { ValidateFunction } from 'ajv';
import * as compiled from '../generated/validators';
import { SCHEMA_NAMES, validatorExportName, type SchemaName } from './catalog';
import { mapAjvErrors } from './errors/map-ajv-errors';

// The validators are compiled once, at build time (tools/schema-build/build-validators.ts),
// so that neither tool pays for Ajv's compilation at startup.
const exported = compiled as unknown as Readonly<Record<string, ValidateFunction | undefined>>;

const VALIDATORS = Object.fromEntries(
  SCHEMA_NAMES.map((name) => {
    const fn = exported[validatorExportName(name)];
    if (!fn) throw new Error(`generated/validators.js has no validator for ${name}: run the @mock-atlas/schemas build.`);
    return [name, fn];
  }),
) as Readonly<Record<SchemaName, ValidateFunction>>;

/**
 * Validates a document against one of the schemas and returns one finding per problem,
 * at the offending node. `base` locates the document inside a larger one, so that paths
 * and messages name the node as the user wrote it.
 * @example validate('cluster.legacy', { name: 'orders', regionNam: 'US_EAST_1' }, ['clusters', 0])
 *   // → [{ ruleId: 'schema/unknown-field', path: ['clusters', 0, 'regionNam'], errorCode: 'INVALID_ATTRIBUTE', … }]
 */
export function validate(name: SchemaName, data: unknown, base: Path = []): Finding[] {
  const fn = VALIDATORS[name];
  if (fn(data)) return [];
  return mapAjvErrors(fn.errors ?? [], data, base);
}
