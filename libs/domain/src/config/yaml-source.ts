import type { Path } from '@mock-atlas/model';
import { capProblems, duplicateKeyProblem, librarySource } from './library-source';
import { readPlainYaml, type PlainDocument, type PlainNode } from './plain-yaml';
import { locatePath, spanOf, type Position, type TreeWalker } from './source-positions';
import { CR, DASH, DQUOTE, HASH, SPACE, SQUOTE, TAB } from './char-codes';

export type { Position } from './source-positions';

/**
 * The kinds of problem a YAML file can have before any rule looks at it. They are finding
 * ids of their own (documented with the linter's), so that a user can tell "my YAML is
 * broken" from "my config breaks a rule".
 */
export type YamlProblemId =
  | 'yaml/syntax'
  | 'yaml/file-too-large'
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
  /** YAML-level problems, in text order; empty for a well-formed single document. */
  readonly problems: readonly YamlProblem[];
  /** Where the node at `path` is; for a path that does not exist, its nearest written ancestor. */
  locate(path: Path): Position;
  /** Like `locate`, but for a mapping entry, where its key is written (an unknown key is reported there). */
  locateKey(path: Path): Position;
  /** The position of a character offset (a zero-length range). */
  positionAt(offset: number): Position;
  /** The [start, end) offsets of every scalar, keys included, in text order (e.g. to tell text from comments). */
  scalarRanges(): readonly (readonly [number, number])[];
}

export interface YamlSourceOptions {
  /**
   * How far aliases may expand the document (the `yaml` library's measure, roughly the
   * number of nodes an alias copies times the number of uses); beyond it the file is
   * refused as a "billion laughs" alias bomb instead of being expanded.
   */
  readonly maxAliasCount?: number;
  /** See DEFAULT_MAX_ALIASES. */
  readonly maxAliases?: number;
  /** See DEFAULT_MAX_DEPTH. */
  readonly maxDepth?: number;
  /** See DEFAULT_MAX_PROBLEMS. */
  readonly maxProblems?: number;
  /** See DEFAULT_MAX_FULL_YAML_LENGTH. */
  readonly maxFullYamlLength?: number;
}

/** The default alias budget: far above what a hand-written config uses, far below a bomb. */
export const DEFAULT_MAX_ALIAS_COUNT = 100;

/**
 * The most aliases a file may use. The `yaml` library resolves each alias by scanning the
 * anchors and aliases before it, so 50,000 harmless aliases take minutes; a hand-written
 * config uses a handful.
 */
export const DEFAULT_MAX_ALIASES = 1000;

/**
 * The most YAML problems reported for one file (then one more says how many were left out):
 * a binary or garbled file has a problem on nearly every token.
 */
export const DEFAULT_MAX_PROBLEMS = 100;

/**
 * The longest text (in characters) read with the `yaml` library, that is, when it is not
 * plain YAML (readPlainYaml). The library needs up to about 3 s and 450 MB per MiB of
 * text, so a 10 MiB file with one anchor in it would take half a minute and more memory
 * than Node's default heap: beyond this length only plain YAML is read.
 */
export const DEFAULT_MAX_FULL_YAML_LENGTH = 2 * 1024 * 1024;

/**
 * The deepest nesting read (indentation columns plus open flow brackets, an upper bound of
 * the real depth). The `yaml` parser recurses per level and, near a thousand levels, can
 * exhaust the stack inside V8's regexp engine, which kills the process instead of throwing;
 * a project config is about ten levels deep.
 */
export const DEFAULT_MAX_DEPTH = 256;

/**
 * Parses YAML text keeping positions, and reports what is wrong with the YAML itself
 * (syntax, duplicate keys, tab indentation, several documents, alias bombs) as problems
 * instead of throwing. Text in the plain subset configs are written in is read by a fast
 * path (readPlainYaml); anything else by the `yaml` library, with the same value and positions.
 * @example parseYamlSource('a:\n  b: 1\n').locate(['a', 'b']) // → { line: 2, column: 6, … }
 * @example parseYamlSource('a: 1\na: 2\n').problems[0].id // → 'yaml/duplicate-key'
 */
export function parseYamlSource(text: string, options: YamlSourceOptions = {}): YamlSource {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const tooDeep = offsetBeyondDepth(text, maxDepth);
  if (tooDeep >= 0) return refusedAsTooDeep(text, tooDeep, maxDepth);
  const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  let notPlainAt = 0;
  const plain = readPlainYaml(text, (offset) => (notPlainAt = offset));
  if (plain) return plainSource(text, plain, maxProblems);
  const maxFullYamlLength = options.maxFullYamlLength ?? DEFAULT_MAX_FULL_YAML_LENGTH;
  if (text.length > maxFullYamlLength) return refusedAsNotPlain(text, notPlainAt, maxFullYamlLength);
  return librarySource(text, {
    maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT,
    maxAliases: options.maxAliases ?? DEFAULT_MAX_ALIASES,
    maxProblems,
  });
}

const plainWalker = (span: (start: number, end: number) => Position): TreeWalker<PlainNode> => ({
  at: (node) => (node ? span(node.start, node.end) : undefined),
  isScalar: (node) => node?.kind === 'scalar',
  entry(node, key) {
    if (node?.kind !== 'map') return 'not-a-map';
    const pair = node.pairs.find((p) => p.key === key);
    return pair ? { key: span(pair.keyStart, pair.keyEnd), value: pair.value } : undefined;
  },
  item: (node, index) => (node?.kind === 'seq' ? node.items[index] : 'not-a-seq'),
});

/** A source read by the fast path: well-formed but for duplicate keys. */
function plainSource(text: string, plain: PlainDocument, maxProblems: number): YamlSource {
  const span = (start: number, end: number): Position => spanOf(plain.lineStarts, start, end);
  const problems = capProblems(
    plain.duplicates.map((d) => duplicateKeyProblem(d.key, span(d.start, d.end), span(d.firstStart, d.firstEnd))),
    maxProblems,
  );
  const walker = plainWalker(span);
  const whole = span(0, 0);
  const locate = (path: Path): Position => locatePath(walker, plain.root, path, whole);
  let scalars: [number, number][] | undefined;
  return {
    value: plain.value,
    problems,
    positionAt: (offset) => span(offset, offset),
    locate,
    locateKey(path) {
      let parent: PlainNode | undefined = plain.root;
      for (const segment of path.slice(0, -1)) {
        parent = parent?.kind === 'map' ? parent.pairs.find((p) => p.key === segment)?.value : parent?.kind === 'seq' && typeof segment === 'number' ? parent.items[segment] : undefined;
      }
      if (parent?.kind === 'map' && path.length > 0) {
        const last = String(path[path.length - 1]);
        const pair = parent.pairs.find((p) => p.key === last);
        if (pair) return span(pair.keyStart, pair.keyEnd);
      }
      return locate(path);
    },
    scalarRanges() {
      if (!scalars) {
        const found: [number, number][] = [];
        const walk = (node: PlainNode): void => {
          if (node.kind === 'scalar') found.push([node.start, node.end]);
          else if (node.kind === 'seq') node.items.forEach(walk);
          else
            for (const pair of node.pairs) {
              found.push([pair.keyStart, pair.keyEnd]);
              walk(pair.value);
            }
        };
        walk(plain.root);
        scalars = found;
      }
      return scalars;
    },
  };
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
  let quote = 0;
  let blockScalarIndent = -1;
  let offset = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    const lineEnd = end < 0 ? text.length : end;
    let i = offset;
    while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
    const indent = i - offset;
    const first = text.charCodeAt(i);
    const blank = i === lineEnd || first === CR || first === HASH;
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      offset = lineEnd + 1;
      continue;
    }
    blockScalarIndent = -1;
    let depth = indent;
    if (quote === 0) {
      while (text.charCodeAt(i) === DASH && (text.charCodeAt(i + 1) === SPACE || i + 1 === lineEnd)) {
        depth++;
        i += 2;
        while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
      }
    }
    if (depth + flow > limit) return i;
    let significant = false;
    let indicator = false;
    for (; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 124 || ch === 62) indicator = true; // | >
      if (quote !== 0) {
        if (ch === 92 && quote === DQUOTE) i++;
        else if (ch === quote) {
          if (quote === SQUOTE && text.charCodeAt(i + 1) === SQUOTE) i++;
          else quote = 0;
        }
        continue;
      }
      if (ch === HASH && (i === offset || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) break;
      if (ch === DQUOTE || ch === SQUOTE) quote = ch;
      else if (ch === 91 || ch === 123) {
        if (depth + ++flow > limit) return i;
      } else if ((ch === 93 || ch === 125) && flow > 0) flow--;
      if (ch !== SPACE && ch !== TAB && ch !== CR) significant = true;
    }
    // A line ending in a block scalar indicator (`|`, `>-`, `|2`) starts literal text.
    if (indicator && quote === 0 && flow === 0 && significant && /[|>][0-9+-]*$/.test(text.slice(offset, lineEnd).replace(/\s+#.*$/, '').trimEnd())) {
      blockScalarIndent = indent;
    }
    offset = lineEnd + 1;
  }
  return -1;
}

/** The 1-based line and column of an offset, counting lines up to it (for a refusal: no line index is built). */
function offsetPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, endLine: line, endColumn: offset - lineStart + 2 };
}

/** A source with one problem and no value, for a text refused before it was parsed. */
function refused(problem: YamlProblem): YamlSource {
  const position = problem.position;
  return {
    value: undefined,
    scalarRanges: () => [],
    problems: [problem],
    locate: () => position,
    locateKey: () => position,
    positionAt: () => position,
  };
}

function refusedAsNotPlain(text: string, offset: number, maxLength: number): YamlSource {
  const mib = (n: number): string => `${(n / (1024 * 1024)).toFixed(2).replace(/\.?0+$/, '')} MiB`;
  return refused({
    id: 'yaml/file-too-large',
    severity: 'error',
    message: `The file is ${mib(text.length)} and is not plain YAML from here on (an anchor, alias, tag, block scalar, multi-line value, tab, several documents or a syntax error): a file over ${mib(maxLength)} must be plain YAML to be read, as the full YAML parser would need gigabytes of memory for it. Split it, or write it plainly.`,
    position: offsetPosition(text, offset),
  });
}

function refusedAsTooDeep(text: string, offset: number, maxDepth: number): YamlSource {
  return refused({
    id: 'yaml/syntax',
    severity: 'error',
    message: `The file nests mappings and lists more than ${maxDepth} levels deep here; a project config is about ten levels deep. Refused without parsing it.`,
    position: offsetPosition(text, offset),
  });
}
