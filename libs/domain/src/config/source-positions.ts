// Positions shared by both readings of a YAML source (the fast plain reader's tree and the
// `yaml` library's document): line starts to line/column, and the walk that finds where a
// document path is written.
import type { Path } from '@mock-atlas/model';

/** A 1-based line/column range in a text file. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The first line, for a problem that has no better place. */
export const FIRST_LINE: Position = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * Line and column of an offset, from the offsets at which lines start (0 first): the
 * `yaml` library's `LineCounter.linePos`, so that both readings give the same numbers.
 * @example linePos([0, 5], 7) // → { line: 2, col: 3 }
 */
export function linePos(lineStarts: readonly number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  if (lineStarts[low] === offset) return { line: low + 1, col: 1 };
  if (low === 0) return { line: 0, col: offset };
  return { line: low, col: offset - lineStarts[low - 1]! + 1 };
}

/**
 * The range from `start` to `end` as lines and columns.
 * @example spanOf([0, 5], 0, 3) // → { line: 1, column: 1, endLine: 1, endColumn: 4 }
 */
export function spanOf(lineStarts: readonly number[], start: number, end: number): Position {
  const from = linePos(lineStarts, start);
  const to = linePos(lineStarts, Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/** How to walk one kind of document tree for `locatePath`. */
export interface TreeWalker<N> {
  /** The node's own position (a mapping entry is positioned at its key). */
  at(node: N | undefined): Position | undefined;
  isScalar(node: N | undefined): boolean;
  /** The entry of a mapping node under `key` (its first), or undefined when not a mapping or no such key. */
  entry(node: N | undefined, key: string): { readonly key: Position | undefined; readonly value: N | undefined } | 'not-a-map' | undefined;
  /** The item of a sequence node, or 'not-a-seq'. */
  item(node: N | undefined, index: number): N | undefined | 'not-a-seq';
}

/**
 * Where the node at `path` is written; for a path that does not exist, its nearest written
 * ancestor: a missing attribute is reported at the key of the object that lacks it, or at
 * the start of the list item that lacks it.
 * @example locatePath(walker, root, ['clusters', 0, 'name'], whole)
 */
export function locatePath<N>(walker: TreeWalker<N>, root: N | undefined, path: Path, whole: Position): Position {
  let node = root;
  let best = walker.at(node);
  for (const segment of path) {
    const entry = walker.entry(node, String(segment));
    if (entry === undefined) return best ?? whole;
    if (entry !== 'not-a-map') {
      best = entry.key ?? best;
      node = entry.value;
      if (walker.isScalar(node)) best = walker.at(node) ?? best;
      continue;
    }
    if (typeof segment !== 'number') return best ?? whole;
    const item = walker.item(node, segment);
    if (item === 'not-a-seq' || item === undefined) return best ?? whole;
    node = item;
    best = walker.at(item) ?? best;
  }
  return best ?? whole;
}
