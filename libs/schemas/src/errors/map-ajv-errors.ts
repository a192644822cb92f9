import type { Finding, Path } from '@mock-atlas/model';
import type { ErrorObject } from 'ajv';
import { decodeInstancePath, valueAt } from '../pointer';
import { SCHEMA_RULES_BY_ID, type SchemaRuleId } from '../schema-rules';
import { collapseAjvErrors } from './collapse';
import { closest, describeFormat, describePattern, describeTypes, describeValue, inside, listValues, quote, subject } from './messages';

interface Draft {
  readonly kind: SchemaRuleId;
  /** Relative to the validated document. */
  readonly path: Path;
  readonly message: string;
  readonly parameters: readonly unknown[];
}

/** The attribute name Atlas would put in an error detail: the nearest key on the path. */
function fieldName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return '(document)';
}

function propertyNamesOf(schema: unknown): string[] {
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}

/** Attribute names are quoted in backticks, values as JSON, both here and in the rest of each message. */
function didYouMean(suggestion: string | undefined, as: 'name' | 'value'): string {
  if (suggestion === undefined) return '';
  return as === 'name' ? ` Did you mean \`${suggestion}\`?` : ` Did you mean ${quote(suggestion)}?`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const RANGE_WORDS: Readonly<Record<string, (limit: unknown, value: unknown) => string>> = {
  minimum: (limit, value) => `must be at least ${limit}, not ${quote(value)}`,
  maximum: (limit, value) => `must be at most ${limit}, not ${quote(value)}`,
  exclusiveMinimum: (limit, value) => `must be greater than ${limit}, not ${quote(value)}`,
  exclusiveMaximum: (limit, value) => `must be less than ${limit}, not ${quote(value)}`,
  multipleOf: (limit, value) => `must be a multiple of ${limit}, not ${quote(value)}`,
  minLength: (limit, value) => `must be at least ${plural(Number(limit), 'character')} long, not ${[...String(value)].length}`,
  maxLength: (limit, value) => `must be at most ${plural(Number(limit), 'character')} long, not ${[...String(value)].length}`,
  minItems: (limit, value) => `must have at least ${plural(Number(limit), 'item')}, not ${Array.isArray(value) ? value.length : 0}`,
  maxItems: (limit, value) => `must have at most ${plural(Number(limit), 'item')}, not ${Array.isArray(value) ? value.length : 0}`,
  minProperties: (limit) => `must have at least ${plural(Number(limit), 'attribute')}`,
  maxProperties: (limit) => `must have at most ${plural(Number(limit), 'attribute')}`,
};

function draftOf(error: ErrorObject, document: unknown, base: Path): Draft {
  const at = decodeInstancePath(error.instancePath, document);
  const full = (relative: Path): Path => [...base, ...relative];
  const value = valueAt(document, at);
  const params = error.params as Record<string, unknown>;

  // An error about a key of a map (propertyNames): the key itself is the offending node.
  if (error.propertyName !== undefined) {
    const key = error.propertyName;
    const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
    return {
      kind: 'schema/enum',
      path: [...at, key],
      message: `\`${key}\` is not a valid key ${inside(full(at))}; expected one of ${listValues(allowed)}.${didYouMean(closest(key, allowed), 'name')}`,
      parameters: [key, fieldName(full(at))],
    };
  }

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return {
        kind: 'schema/unknown-field',
        path: [...at, key],
        message: `Unknown attribute \`${key}\` ${inside(full(at))}.${didYouMean(closest(key, propertyNamesOf(error.parentSchema)), 'name')}`,
        parameters: [key],
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      return {
        kind: 'schema/required',
        path: [...at, key],
        message: `Missing required attribute \`${key}\` ${inside(full(at))}.`,
        parameters: [key],
      };
    }
    case 'type':
      return {
        kind: 'schema/type',
        path: at,
        message: `${subject(full(at))} must be ${describeTypes(String(params.type))}, not ${describeValue(value)}.`,
        parameters: [fieldName(full(at))],
      };
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'const' ? [params.allowedValue] : Array.isArray(params.allowedValues) ? params.allowedValues : [];
      const expected = allowed.length === 1 ? `must be ${quote(allowed[0])}` : `expected one of ${listValues(allowed)}`;
      return {
        kind: 'schema/enum',
        path: at,
        message: `${subject(full(at))} has the invalid value ${quote(value)}; ${expected}.${didYouMean(closest(value, allowed), 'value')}`,
        parameters: [value, fieldName(full(at))],
      };
    }
    case 'pattern':
      return {
        kind: 'schema/pattern',
        path: at,
        message: `${subject(full(at))} must be ${describePattern(String(params.pattern))}, not ${quote(value)}.`,
        parameters: [fieldName(full(at))],
      };
    case 'format':
      return {
        kind: 'schema/pattern',
        path: at,
        message: `${subject(full(at))} must be ${describeFormat(String(params.format))}, not ${quote(value)}.`,
        parameters: [fieldName(full(at))],
      };
    case 'uniqueItems':
      return {
        kind: 'schema/range',
        path: at,
        message: `${subject(full(at))} lists the same item twice (items ${params.j} and ${params.i}).`,
        parameters: [fieldName(full(at))],
      };
    default: {
      const words = RANGE_WORDS[error.keyword];
      if (words) {
        return { kind: 'schema/range', path: at, message: `${subject(full(at))} ${words(params.limit, value)}.`, parameters: [fieldName(full(at))] };
      }
      // A keyword these schemas do not use today (or a oneOf that matched twice): say what Ajv says.
      return {
        kind: 'schema/type',
        path: at,
        message: `${subject(full(at))} does not match the expected format: it ${error.message ?? 'is invalid'}.`,
        parameters: [fieldName(full(at))],
      };
    }
  }
}

const pathKey = (path: Path): string => JSON.stringify(path);

/**
 * Maps Ajv errors to findings: one per offending node and kind, with the wrapper errors of
 * oneOf/anyOf/if collapsed to the branch the user meant. A wrong type at a node hides the
 * enum, pattern and range errors of the same node, which only repeat it.
 * `base` locates the validated document in a larger one (e.g. ['clusters', 0]).
 */
export function mapAjvErrors(errors: readonly ErrorObject[], document: unknown, base: Path = []): Finding[] {
  const drafts = collapseAjvErrors(errors).map((e) => draftOf(e, document, base));
  const typed = new Set(drafts.filter((d) => d.kind === 'schema/type').map((d) => pathKey(d.path)));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const d of drafts) {
    const key = pathKey(d.path);
    if (d.kind !== 'schema/type' && d.kind !== 'schema/unknown-field' && d.kind !== 'schema/required' && typed.has(key)) continue;
    if (seen.has(`${d.kind} ${key}`)) continue;
    seen.add(`${d.kind} ${key}`);
    const rule = SCHEMA_RULES_BY_ID[d.kind];
    findings.push({
      ruleId: rule.id,
      severity: rule.severity,
      errorCode: rule.errorCode,
      httpStatus: rule.httpStatus,
      message: d.message,
      path: [...base, ...d.path],
      parameters: d.parameters,
    });
  }
  return findings;
}
