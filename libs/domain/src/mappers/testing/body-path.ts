// Reads a value out of a body by path, to check that a source map points at real nodes.
import type { Path } from '@mock-atlas/model';

/** The value at `path` inside `body`, or undefined when any step is missing. */
export function valueAt(body: unknown, path: Path): unknown {
  let node: unknown = body;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
