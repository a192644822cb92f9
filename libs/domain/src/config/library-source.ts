// The full reading of a YAML source with the `yaml` library: every YAML feature, and an
// explanation for every problem. Used for the texts the fast plain reader leaves alone.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLError } from 'yaml';
import type { Path } from '@mock-atlas/model';
import { FIRST_LINE, locatePath, spanOf, type Position, type TreeWalker } from './source-positions';
import type { YamlProblem, YamlProblemId, YamlSource } from './yaml-source';

/** The limits a library reading enforces (see YamlSourceOptions). */
export interface LibraryLimits {
  readonly maxAliasCount: number;
  readonly maxAliases: number;
  readonly maxProblems: number;
}

const PLAIN_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'Tabs are not allowed as indentation in YAML: indent with spaces.',
  MULTIPLE_DOCS:
    'A second YAML document starts here: a project config is one document per file. Split it into two files, or remove the `---` line.',
};

type At = (node: Node | Pair | null | undefined) => Position | undefined;

/** A problem the library reported, its message not written yet. */
interface LibraryProblem {
  readonly id: YamlProblemId;
  readonly severity: 'error' | 'warn';
  readonly error: YAMLError;
  readonly position: Position;
}

function sentence(message: string): string {
  const trimmed = message.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The key a mapping entry gets in the plain value (as the library's toJS makes it), for scalar keys. */
function plainKey(pair: Pair): string | undefined {
  if (!isScalar(pair.key)) return undefined;
  const value = pair.key.value;
  return value === null ? '' : String(value);
}

/**
 * Reads `text` with the `yaml` library; problems are positioned, and a value that could
 * not be built (an alias bomb, too many aliases) is undefined.
 * @example librarySource('a: 1\na: 2\n', limits).problems[0].id // → 'yaml/duplicate-key'
 */
export function librarySource(text: string, limits: LibraryLimits): YamlSource {
  const lineCounter = new LineCounter();
  // uniqueKeys: false: the library compares every key with every earlier one (quadratic in a
  // mapping's size); duplicates are found below in one pass, keyed as the plain value keys them.
  // logLevel 'error': the library's own console warnings (e.g. for a mapping used as a key) would
  // otherwise reach stderr; what matters is reported as problems.
  // The library makes an Error per problem, and capturing their stacks (never shown) is most of
  // its time on a garbled file: hundreds of thousands of problems.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let document: Document;
  try {
    document = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const lineStarts = lineCounter.lineStarts;
  const span = (start: number, end: number): Position => spanOf(lineStarts, start, end);
  const at: At = (node) => {
    const target = isPair(node) ? (node.key as Node | null) : node;
    const range = target && 'range' in target ? target.range : undefined;
    return range ? span(range[0], range[1]) : undefined;
  };

  // Messages are written only for the problems reported (see capProblems).
  const problems: (YamlProblem | LibraryProblem)[] = [];
  for (const error of document.errors) {
    const id: YamlProblemId =
      error.code === 'TAB_AS_INDENT' ? 'yaml/tab-indent' : error.code === 'MULTIPLE_DOCS' ? 'yaml/multiple-documents' : 'yaml/syntax';
    // A multi-document error spans the whole second document; point at its start.
    const end = error.code === 'MULTIPLE_DOCS' ? error.pos[0] + 3 : error.pos[1];
    problems.push({ id, severity: 'error', error, position: span(error.pos[0], end) });
  }
  for (const duplicate of duplicateKeys(document, at)) problems.push(duplicate);
  for (const warning of document.warnings) problems.push({ id: 'yaml/warning', severity: 'warn', error: warning, position: span(warning.pos[0], warning.pos[1]) });

  let value: unknown;
  const aliases = aliasPositions(document, at, limits.maxAliases + 1);
  if (aliases.length > limits.maxAliases) {
    // The library resolves each alias by scanning every anchor and alias before it, which is
    // quadratic: tens of thousands of aliases take minutes even when none of them is a bomb.
    problems.push({
      id: 'yaml/alias-limit',
      severity: 'error',
      message: `Refused to expand the aliases of this file: it has more than ${limits.maxAliases} of them (this is alias number ${limits.maxAliases + 1}). Write the values out, or use fewer aliases.`,
      position: aliases[limits.maxAliases]!,
    });
    value = undefined;
  } else {
    try {
      value = document.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (error) {
      problems.push(valueProblem(error, document, at, limits.maxAliasCount) ?? { id: 'yaml/syntax', severity: 'error', message: sentence(String(error)), position: FIRST_LINE });
      value = undefined;
    }
  }
  problems.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);

  const walker: TreeWalker<unknown> = {
    at: (node) => at(node as Node),
    isScalar: (node) => isScalar(node),
    entry(node, key) {
      if (!isMap(node)) return 'not-a-map';
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      return pair ? { key: at(pair), value: pair.value } : undefined;
    },
    item: (node, index) => (isSeq(node) ? (node.items[index] ?? undefined) : 'not-a-seq'),
  };
  const whole = span(0, 0);
  const locate = (path: Path): Position => locatePath(walker, document.contents, path, whole);
  let scalars: [number, number][] | undefined;
  return {
    value,
    problems: capProblems(problems, limits.maxProblems).map((p) => ('error' in p ? { id: p.id, severity: p.severity, message: PLAIN_MESSAGES[p.error.code] ?? sentence(p.error.message), position: p.position } : p)),
    positionAt: (offset) => span(offset, offset),
    locate,
    locateKey(path) {
      const parent = path.length > 0 ? document.getIn(path.slice(0, -1), true) : undefined;
      if (isMap(parent)) {
        const last = String(path[path.length - 1]);
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === last);
        const position = pair ? at(pair) : undefined;
        if (position) return position;
      }
      return locate(path);
    },
    scalarRanges() {
      if (!scalars) {
        const found: [number, number][] = [];
        visit(document, {
          Scalar(_key, node) {
            if (node.range) found.push([node.range[0], node.range[1]]);
          },
        });
        scalars = found;
      }
      return scalars;
    },
  };
}

/**
 * At most `max` problems, then one that says how many more there are: a file of garbage has
 * a problem per token, and a million findings help no one (and cost gigabytes to print).
 * @example capProblems(problems, 100).length // → at most 101
 */
export function capProblems<P extends { readonly position: Position }>(problems: readonly P[], max: number): readonly (P | YamlProblem)[] {
  if (problems.length <= max) return problems;
  const more: YamlProblem = {
    id: 'yaml/syntax',
    severity: 'error',
    message: `${problems.length - max} more YAML problems from here on are not reported: fix the ones above first (is this file YAML at all?).`,
    position: problems[max]!.position,
  };
  return [...problems.slice(0, max), more];
}

/** Why the plain value could not be built: too deep a nesting, an alias bomb, or an unknown anchor. */
function valueProblem(error: unknown, document: Document, at: At, maxAliasCount: number): YamlProblem | undefined {
  if (error instanceof RangeError) {
    return {
      id: 'yaml/syntax',
      severity: 'error',
      message: 'The file nests mappings and lists too deeply to be read; a project config is a few levels deep.',
      position: at(document.contents) ?? FIRST_LINE,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  try {
    if (/resource exhaustion/i.test(message)) {
      return {
        id: 'yaml/alias-limit',
        severity: 'error',
        message: `Refused to expand the aliases of this file: they would copy more than ${maxAliasCount} nodes, the pattern of a "billion laughs" alias bomb. Write the values out, or use fewer aliases.`,
        position: aliasPositions(document, at, 1)[0] ?? at(document.contents) ?? FIRST_LINE,
      };
    }
    const alias = unresolvedAlias(document, at);
    return alias ? { id: 'yaml/syntax', severity: 'error', message: sentence(message), position: alias } : undefined;
  } catch {
    // Walking a pathological document can itself exhaust the stack; the caller positions the problem.
    return undefined;
  }
}

/**
 * The problem of a key written twice in one mapping, at the second, relating the first.
 * @example duplicateKeyProblem('name', at, firstAt).id // → 'yaml/duplicate-key'
 */
export function duplicateKeyProblem(key: string, position: Position, earlier: Position | undefined): YamlProblem {
  return {
    id: 'yaml/duplicate-key',
    severity: 'error',
    message: `Duplicate key "${key}"${earlier ? ` (first written at line ${earlier.line})` : ''}: YAML keeps only one of them, so one of the two values is silently lost.`,
    position,
    ...(earlier ? { related: [{ message: `"${key}" is first written here.`, position: earlier }] } : {}),
  };
}

function duplicateKeys(document: Document, at: At): YamlProblem[] {
  const found: YamlProblem[] = [];
  try {
    visit(document, {
      Map(_key, map) {
        const first = new Map<string, Pair>();
        for (const pair of map.items) {
          const key = plainKey(pair as Pair);
          if (key === undefined) continue;
          const earlier = first.get(key);
          if (!earlier) {
            first.set(key, pair as Pair);
            continue;
          }
          const position = at(pair as Pair);
          if (position) found.push(duplicateKeyProblem(key, position, at(earlier)));
        }
      },
    });
  } catch {
    // Too deep to walk (the depth limit normally prevents it): the duplicates found so far stand.
  }
  return found;
}

/** The positions of the first `limit` aliases, in document order. */
function aliasPositions(document: Document, at: At, limit: number): Position[] {
  const positions: Position[] = [];
  visit(document, {
    Alias(_key, alias) {
      const position = at(alias);
      if (position) positions.push(position);
      return positions.length >= limit ? visit.BREAK : visit.SKIP;
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
