import { formatPath, type Path } from '@mock-atlas/model';
import { CLUSTER_NAME_PATTERN, MONGODB_VERSION_PATTERN, OBJECT_ID_PATTERN } from '../atlas-enums';
import { ROLE_NAME_PATTERN } from '../schemas/common';

/** "Attribute clusters[0].name" or "The document" for the root. */
export function subject(path: Path): string {
  return path.length === 0 ? 'The document' : `Attribute ${formatPath(path)}`;
}

/** "in clusters[0]" or "at the top level" for the root. */
export function inside(path: Path): string {
  return path.length === 0 ? 'at the top level' : `in ${formatPath(path)}`;
}

const MAX_SHOWN = 40;

/** A value as a message quotes it: JSON, shortened; a value nested too deeply for JSON as `[…]` / `{…}`. */
export function quote(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    // A hostile body's array nested 10,000 deep overflows the stack: the message must still be written.
    json = Array.isArray(value) ? '[…]' : '{…}';
  }
  return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN - 1)}…` : json;
}

/** "a string", "an array", "the number 2.5", "null", for "must be X, not <this>". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return `the string ${quote(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the boolean ${value}`;
    default:
      return 'nothing';
  }
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

/** Ajv's `params.type` ("string" or "string,null") in words. */
export function describeTypes(types: string): string {
  return types
    .split(',')
    .map((t) => TYPE_NAMES[t] ?? t)
    .join(' or ');
}

const MAX_LISTED = 10;

/** "M10, M20, M30 … (47 values)" */
export function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_LISTED).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return values.length > MAX_LISTED ? `${shown.join(', ')} … (${values.length} values)` : shown.join(', ');
}

const PATTERN_NAMES: Readonly<Record<string, string>> = {
  [OBJECT_ID_PATTERN]: 'a 24-digit hexadecimal id',
  [CLUSTER_NAME_PATTERN]: 'a cluster name (letters, digits and hyphens, starting with a letter or digit)',
  [ROLE_NAME_PATTERN]: 'an Atlas role name in capitals, such as GROUP_OWNER',
  [MONGODB_VERSION_PATTERN]: 'a MongoDB version such as 7.0.12',
};

export function describePattern(pattern: string): string {
  return PATTERN_NAMES[pattern] ?? `a string matching the pattern ${pattern}`;
}

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  'date-time': 'a date-time with a time zone, such as 2026-01-15T00:00:00Z',
  date: 'a date such as 2026-01-15',
  uuid: 'a UUID such as 123e4567-e89b-12d3-a456-426614174000',
  uri: 'an absolute URI',
  'uri-reference': 'a URI reference',
  email: 'an e-mail address',
};

export function describeFormat(format: string): string {
  return FORMAT_NAMES[format] ?? `a string in the ${format} format`;
}

/** Edits (insert, delete, substitute, swap two neighbours) between two strings. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The one candidate a typo most likely meant: equal but for case, or the single nearest
 * within a couple of edits. Undefined when nothing is close or two candidates tie.
 * @example closest('regionNam', ['regionName', 'priority']) // → 'regionName'
 */
export function closest(value: unknown, candidates: readonly unknown[]): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const strings = candidates.filter((c): c is string => typeof c === 'string');
  const sameButCase = strings.find((c) => c.toLowerCase() === value.toLowerCase());
  if (sameButCase !== undefined) return sameButCase;
  const limit = Math.max(1, Math.floor(value.length / 4));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const candidate of strings) {
    // The distance is at least the difference in length: a key of a megabyte is not compared
    // cell by cell with every name (a quadratic table that took seconds and gigabytes).
    if (Math.abs(candidate.length - value.length) > limit) continue;
    const d = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return best !== undefined && !tie && bestDistance <= limit ? best : undefined;
}
