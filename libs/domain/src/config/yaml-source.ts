import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLError,
} from 'yaml';
import type { Path } from '@mock-atlas/model';

/** A 1-based line/column range in a text file. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * The kinds of problem a YAML file can have before any rule looks at it. They are finding
 * ids of their own (documented with the linter's), so that a user can tell "my YAML is
 * broken" from "my config breaks a rule".
 */
export type YamlProblemId =
  | 'yaml/syntax'
  | 'yaml/duplicate-key'
  | 'yaml/tab-indent'
  | 'yaml/multiple-documents'
  | 'yaml/alias-limit'
  | 'yaml/warning';

/** Something wrong with the YAML itself, at a position in the text. */
export interface YamlProblem {
  readonly id: YamlProblemId;
  /** `error` problems make the value unreliable: rules should not run on it. */
  readonly severity: 'error' | 'warn';
  readonly message: string;
  readonly position: Position;
  readonly related?: readonly { readonly message: string; readonly position: Position }[];
}

/** A parsed YAML config that can say where each path of its value is written. */
export interface YamlSource {
  /** The plain value; `undefined` when it could not be built (e.g. a refused alias bomb). */
  readonly value: unknown;
  readonly document: Document;
  /** YAML-level problems, in text order; empty for a well-formed single document. */
  readonly problems: readonly YamlProblem[];
  /** Where the node at `path` is; for a path that does not exist, its nearest written ancestor. */
  locate(path: Path): Position;
  /** Like `locate`, but for a mapping entry, where its key is written (an unknown key is reported there). */
  locateKey(path: Path): Position;
  /** The position of a character offset (a zero-length range). */
  positionAt(offset: number): Position;
}

export interface YamlSourceOptions {
  /**
   * How far aliases may expand the document (the `yaml` library's measure, roughly the
   * number of nodes an alias copies times the number of uses); beyond it the file is
   * refused as a "billion laughs" alias bomb instead of being expanded.
   */
  readonly maxAliasCount?: number;
  /** See DEFAULT_MAX_DEPTH. */
  readonly maxDepth?: number;
}

/** The default alias budget: far above what a hand-written config uses, far below a bomb. */
export const DEFAULT_MAX_ALIAS_COUNT = 100;

/**
 * The deepest nesting read (indentation columns plus open flow brackets, an upper bound of
 * the real depth). The `yaml` parser recurses per level and, near a thousand levels, can
 * exhaust the stack inside V8's regexp engine, which kills the process instead of throwing;
 * a project config is about ten levels deep.
 */
export const DEFAULT_MAX_DEPTH = 256;

function rangeToPosition(lineCounter: LineCounter, start: number, end: number): Position {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

function scalarKey(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

const PLAIN_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'Tabs are not allowed as indentation in YAML: indent with spaces.',
  DUPLICATE_KEY: 'Duplicate key: YAML keeps only one of the values, so the other is silently lost.',
  MULTIPLE_DOCS:
    'A second YAML document starts here: a project config is one document per file. Split it into two files, or remove the `---` line.',
};

/**
 * Parses YAML text keeping positions, and reports what is wrong with the YAML itself
 * (syntax, duplicate keys, tab indentation, several documents, alias bombs) as problems
 * instead of throwing.
 * @example parseYamlSource('a:\n  b: 1\n').locate(['a', 'b']) // → { line: 2, column: 6, … }
 * @example parseYamlSource('a: 1\na: 2\n').problems[0].id // → 'yaml/duplicate-key'
 */
export function parseYamlSource(text: string, options: YamlSourceOptions = {}): YamlSource {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const tooDeep = offsetBeyondDepth(text, maxDepth);
  if (tooDeep >= 0) return refusedAsTooDeep(text, tooDeep, maxDepth);

  const lineCounter = new LineCounter();
  // logLevel 'error': the library's own console warnings (e.g. for a mapping used as a key) would
  // otherwise reach stderr; what matters is reported as problems.
  const document = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const whole = rangeToPosition(lineCounter, 0, 0);
  const span = (start: number, end: number): Position => rangeToPosition(lineCounter, start, end);

  const at = (node: Node | Pair | null | undefined): Position | undefined => {
    const target = isPair(node) ? (node.key as Node | null) : node;
    const range = target && 'range' in target ? target.range : undefined;
    return range ? span(range[0], range[1]) : undefined;
  };

  const problems: YamlProblem[] = [];
  let duplicates: YamlProblem[] | undefined;
  if (document.errors.some((e) => e.code === 'DUPLICATE_KEY')) {
    try {
      duplicates = duplicateKeys(document, at);
    } catch {
      // Too deep to walk: fall back to the parser's own duplicate-key errors below.
      duplicates = undefined;
    }
  }
  for (const error of document.errors) {
    // Duplicate keys are reported below with both places they occur.
    if (error.code === 'DUPLICATE_KEY' && duplicates) continue;
    const id: YamlProblemId =
      error.code === 'TAB_AS_INDENT'
        ? 'yaml/tab-indent'
        : error.code === 'MULTIPLE_DOCS'
          ? 'yaml/multiple-documents'
          : error.code === 'DUPLICATE_KEY'
            ? 'yaml/duplicate-key'
            : 'yaml/syntax';
    const message = PLAIN_MESSAGES[error.code] ?? `${sentence(error.message)}`;
    // A multi-document error spans the whole second document; point at its start.
    const end = error.code === 'MULTIPLE_DOCS' ? error.pos[0] + 3 : error.pos[1];
    problems.push({ id, severity: 'error', message, position: span(error.pos[0], end) });
  }
  if (duplicates) problems.push(...duplicates);
  for (const warning of document.warnings) {
    problems.push({ id: 'yaml/warning', severity: 'warn', message: sentence(warning.message), position: span(warning.pos[0], warning.pos[1]) });
  }

  const maxAliasCount = options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT;
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount });
  } catch (error) {
    problems.push(valueProblem(error, document, at, maxAliasCount) ?? { id: 'yaml/syntax', severity: 'error', message: sentence(String(error)), position: whole });
    value = undefined;
  }
  problems.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);

  const source: YamlSource = {
    value,
    document,
    problems,
    positionAt(offset: number): Position {
      return span(offset, offset);
    },
    locateKey(path: Path): Position {
      const parent = path.length > 0 ? document.getIn(path.slice(0, -1), true) : undefined;
      if (isMap(parent)) {
        const last = path[path.length - 1];
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last));
        const position = pair ? at(pair) : undefined;
        if (position) return position;
      }
      return source.locate(path);
    },
    locate(path: Path): Position {
      let node: unknown = document.contents;
      // The best place to point at so far: a missing attribute is reported at the key
      // of the object that lacks it, or at the start of the list item that lacks it.
      let best: Position | undefined = at(node as Node);
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
          if (!pair) return best ?? whole;
          best = at(pair) ?? best;
          node = pair.value;
          if (isScalar(node)) best = at(node) ?? best;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item = node.items[segment];
          if (!item) return best ?? whole;
          node = item;
          best = at(item as Node) ?? best;
        } else {
          return best ?? whole;
        }
      }
      return best ?? whole;
    },
  };
  return source;
}

/** Why the plain value could not be built: too deep a nesting, an alias bomb, or an unknown anchor. */
function valueProblem(error: unknown, document: Document, at: At, maxAliasCount: number): YamlProblem | undefined {
  if (error instanceof RangeError) {
    return {
      id: 'yaml/syntax',
      severity: 'error',
      message: 'The file nests mappings and lists too deeply to be read; a project config is a few levels deep.',
      position: at(document.contents) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  try {
    if (/resource exhaustion/i.test(message)) {
      return {
        id: 'yaml/alias-limit',
        severity: 'error',
        message: `Refused to expand the aliases of this file: they would copy more than ${maxAliasCount} nodes, the pattern of a "billion laughs" alias bomb. Write the values out, or use fewer aliases.`,
        position: aliasPositions(document, at)[0] ?? at(document.contents) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 },
      };
    }
    const alias = unresolvedAlias(document, at);
    return alias ? { id: 'yaml/syntax', severity: 'error', message: sentence(message), position: alias } : undefined;
  } catch {
    // Walking a pathological document can itself exhaust the stack; the caller positions the problem.
    return undefined;
  }
}

function sentence(message: string): string {
  const trimmed = message.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

type At = (node: Node | Pair | null | undefined) => Position | undefined;

function duplicateKeys(document: Document, at: At): YamlProblem[] {
  const found: YamlProblem[] = [];
  visit(document, {
    Map(_key, map) {
      const first = new Map<string, Pair>();
      for (const pair of map.items) {
        const key = scalarKey(pair as Pair);
        if (key === undefined) continue;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, pair as Pair);
          continue;
        }
        const position = at(pair as Pair);
        const earlierPosition = at(earlier);
        if (!position) continue;
        found.push({
          id: 'yaml/duplicate-key',
          severity: 'error',
          message: `Duplicate key "${key}"${earlierPosition ? ` (first written at line ${earlierPosition.line})` : ''}: YAML keeps only one of them, so one of the two values is silently lost.`,
          position,
          ...(earlierPosition ? { related: [{ message: `"${key}" is first written here.`, position: earlierPosition }] } : {}),
        });
      }
    },
  });
  return found;
}

function aliasPositions(document: Document, at: At): Position[] {
  const positions: Position[] = [];
  visit(document, {
    Alias(_key, alias) {
      const position = at(alias);
      if (position) positions.push(position);
      return visit.SKIP;
    },
  });
  return positions;
}

function unresolvedAlias(document: Document, at: At): Position | undefined {
  const anchors = new Set<string>();
  let position: Position | undefined;
  // Anchors must be defined before use, so one pass in document order finds the first bad alias.
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) {
          position = at(node);
          return visit.BREAK;
        }
        return visit.SKIP;
      }
      if (node.anchor) anchors.add(node.anchor);
      return undefined;
    },
  });
  return position;
}

/**
 * Where the nesting of the text first goes past `limit`, or -1: a linear scan that counts
 * each line's indentation and compact `- ` entries plus the flow brackets open outside
 * quotes, comments and block scalars. It over-estimates (an indentation column is at most
 * one level), which errs on the safe side for absurdly indented text only.
 */
function offsetBeyondDepth(text: string, limit: number): number {
  // Cheap exit for the usual file: it cannot nest deeper than its longest run of indentation and brackets.
  if (text.length <= limit) return -1;
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarIndent = -1;
  let offset = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    const lineEnd = end < 0 ? text.length : end;
    let i = offset;
    while (i < lineEnd && text[i] === ' ') i++;
    const indent = i - offset;
    const blank = i === lineEnd || text[i] === '\r' || text[i] === '#';
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      offset = lineEnd + 1;
      continue;
    }
    blockScalarIndent = -1;
    let depth = indent;
    if (quote === undefined) {
      while (text[i] === '-' && (text[i + 1] === ' ' || i + 1 === lineEnd)) {
        depth++;
        i += 2;
        while (i < lineEnd && text[i] === ' ') i++;
      }
    }
    if (depth + flow > limit) return i;
    let lastSignificant = '';
    for (; i < lineEnd; i++) {
      const ch = text[i]!;
      if (quote !== undefined) {
        if (ch === '\\' && quote === '"') i++;
        else if (ch === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else quote = undefined;
        }
        continue;
      }
      if (ch === '#' && (i === offset || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '[' || ch === '{') {
        if (depth + ++flow > limit) return i;
      } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      if (ch !== ' ' && ch !== '\t' && ch !== '\r') lastSignificant = ch;
    }
    // A line ending in a block scalar indicator (`|`, `>-`, `|2`) starts literal text.
    if (quote === undefined && flow === 0 && /[|>][0-9+-]*$/.test(text.slice(offset, lineEnd).replace(/\s+#.*$/, '').trimEnd()) && lastSignificant !== '') {
      blockScalarIndent = indent;
    }
    offset = lineEnd + 1;
  }
  return -1;
}

function refusedAsTooDeep(text: string, offset: number, maxDepth: number): YamlSource {
  const lineCounter = new LineCounter();
  // An empty document keeps the YamlSource shape; the only problem says why.
  const document = parseDocument('', { lineCounter });
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const position: Position = { line, column: offset - lineStart + 1, endLine: line, endColumn: offset - lineStart + 2 };
  return {
    value: undefined,
    document,
    problems: [
      {
        id: 'yaml/syntax',
        severity: 'error',
        message: `The file nests mappings and lists more than ${maxDepth} levels deep here; a project config is about ten levels deep. Refused without parsing it.`,
        position,
      },
    ],
    locate: () => position,
    locateKey: () => position,
    positionAt: () => position,
  };
}
