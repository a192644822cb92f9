import type { Severity } from '@mock-atlas/model';

/** The finding kinds schema validation produces: one rule id per kind of violation. */
export type SchemaRuleId = 'schema/unknown-field' | 'schema/type' | 'schema/enum' | 'schema/required' | 'schema/pattern' | 'schema/range';

/** What the linter and the mock need to know about a schema finding kind. */
export interface SchemaRule {
  readonly id: SchemaRuleId;
  readonly severity: Severity;
  /** The Atlas errorCode the mock answers with (atlas-openapi/README.md §5.2, table D). */
  readonly errorCode: string;
  readonly httpStatus: number;
  readonly description: string;
  /** What the finding's `parameters` hold, in order. */
  readonly parameters: readonly string[];
}

/**
 * Metadata of every schema finding kind, keyed by rule id.
 * @example SCHEMA_RULES_BY_ID['schema/enum'].errorCode // → 'INVALID_ENUM_VALUE'
 */
export const SCHEMA_RULES_BY_ID = {
  'schema/unknown-field': {
    id: 'schema/unknown-field',
    severity: 'error',
    errorCode: 'INVALID_ATTRIBUTE',
    httpStatus: 400,
    description: 'An attribute the API (or the config format) does not define, e.g. a misspelt field name.',
    parameters: ['the unknown attribute name'],
  },
  'schema/type': {
    id: 'schema/type',
    severity: 'error',
    errorCode: 'INVALID_JSON_ATTRIBUTE',
    httpStatus: 400,
    description: 'A value of the wrong JSON type, e.g. a string where a number or an object is expected.',
    parameters: ['the attribute name'],
  },
  'schema/enum': {
    id: 'schema/enum',
    severity: 'error',
    errorCode: 'INVALID_ENUM_VALUE',
    httpStatus: 400,
    description: 'A value outside the values the API allows, e.g. an unknown region or instance size.',
    parameters: ['the value', 'the attribute name'],
  },
  'schema/required': {
    id: 'schema/required',
    severity: 'error',
    errorCode: 'MISSING_ATTRIBUTE',
    httpStatus: 400,
    description: 'A required attribute is missing.',
    parameters: ['the missing attribute name'],
  },
  'schema/pattern': {
    id: 'schema/pattern',
    severity: 'error',
    errorCode: 'INVALID_ATTRIBUTE',
    httpStatus: 400,
    description: 'A string of the wrong form, e.g. an id that is not 24 hexadecimal digits or a malformed date-time.',
    parameters: ['the attribute name'],
  },
  'schema/range': {
    id: 'schema/range',
    severity: 'error',
    errorCode: 'INVALID_ATTRIBUTE',
    httpStatus: 400,
    description: 'A number, string length or item count outside its bounds, e.g. diskSizeGB below 10.',
    parameters: ['the attribute name'],
  },
} as const satisfies { readonly [K in SchemaRuleId]: SchemaRule & { readonly id: K } };

/** Every schema finding kind, in the order the docs list them (the shape rule catalogs take). */
export const SCHEMA_RULES: readonly SchemaRule[] = Object.values(SCHEMA_RULES_BY_ID);

export const SCHEMA_RULE_IDS: readonly SchemaRuleId[] = SCHEMA_RULES.map((rule) => rule.id);
