import type { Path, PathSegment } from '@mock-atlas/model';

function unescape(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

function childOf(node: unknown, segment: PathSegment): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  return (node as Record<PathSegment, unknown>)[segment];
}

/**
 * Turns an Ajv `instancePath` (a JSON pointer) into a Path. Array indexes become numbers;
 * when the document is given, only segments that index an array do, so an object key that
 * happens to be numeric stays a string.
 * @example decodeInstancePath('/clusters/0/tags~1x') // → ['clusters', 0, 'tags/x']
 */
export function decodeInstancePath(pointer: string, document?: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let node = document;
  for (const token of pointer.slice(1).split('/')) {
    const key = unescape(token);
    const isIndex = /^(0|[1-9][0-9]*)$/.test(key) && (document === undefined || Array.isArray(node));
    const segment: PathSegment = isIndex ? Number(key) : key;
    path.push(segment);
    node = childOf(node, segment);
  }
  return path;
}

/** The value at a path, or undefined when the path leads nowhere. */
export function valueAt(document: unknown, path: Path): unknown {
  let node = document;
  for (const segment of path) node = childOf(node, segment);
  return node;
}
