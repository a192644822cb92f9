// Test support: compares what the fast path read with what the `yaml` library reads from the
// same text, node by node. The library is the oracle: the fast path may only ever agree with it.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { PlainDocument, PlainNode } from './plain-yaml';

function sameValue(a: unknown, b: unknown, path: string): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = sameValue(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
    for (const k of ka) {
      const d = sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return `${path}: ${String(a)} (${typeof a}) vs ${String(b)} (${typeof b})`;
}

function sameNode(plain: PlainNode, node: Node | null | undefined, path: string): string | undefined {
  const range = node?.range;
  if (!node || !range) return `${path}: the library has no node`;
  if (plain.start !== range[0] || plain.end !== range[1]) return `${path}: range ${plain.start},${plain.end} vs ${range.slice(0, 2).join(',')}`;
  if (plain.kind === 'scalar') return isScalar(node) ? undefined : `${path}: scalar vs ${node.constructor.name}`;
  if (plain.kind === 'seq') {
    if (!isSeq(node)) return `${path}: seq vs ${node.constructor.name}`;
    if (plain.items.length !== node.items.length) return `${path}: ${plain.items.length} items vs ${node.items.length}`;
    for (let i = 0; i < plain.items.length; i++) {
      const d = sameNode(plain.items[i]!, node.items[i] as Node, `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (!isMap(node)) return `${path}: map vs ${node.constructor.name}`;
  if (plain.pairs.length !== node.items.length) return `${path}: ${plain.pairs.length} pairs vs ${node.items.length}`;
  for (let i = 0; i < plain.pairs.length; i++) {
    const pair = plain.pairs[i]!;
    const other = node.items[i]!;
    if (!isScalar(other.key) || other.key.value !== pair.key) return `${path}: key ${pair.key} vs ${String(other.key)}`;
    const keyRange = other.key.range!;
    if (keyRange[0] !== pair.keyStart || keyRange[1] !== pair.keyEnd) return `${path}.${pair.key}: key range ${pair.keyStart},${pair.keyEnd} vs ${keyRange.slice(0, 2).join(',')}`;
    const d = sameNode(pair.value, other.value as Node, `${path}.${pair.key}`);
    if (d) return d;
  }
  return undefined;
}

/**
 * Undefined when `plain` (the fast path's reading of `text`) is exactly the `yaml` library's:
 * no error or warning there but the same duplicate keys, the same plain value, the same node
 * ranges and line starts;
 * otherwise the first difference.
 * @example disagreement('a: 1\n', readPlainYaml('a: 1\n')!) // → undefined
 */
export function disagreement(text: string, plain: PlainDocument): string | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const errors = document.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  if (errors.length > 0) return `the library reports ${errors[0]!.code}: ${errors[0]!.message}`;
  // Duplicate keys, the one problem the fast path reports: as many. (Their places are the
  // ranges of keys, compared below; the library's error offsets are those of the entries.)
  const duplicates = document.errors.length - errors.length;
  if (duplicates !== plain.duplicates.length) return `${plain.duplicates.length} duplicate keys vs ${duplicates}`;
  if (document.warnings.length > 0) return `the library warns ${document.warnings[0]!.code}`;
  const value = sameValue(plain.value, document.toJS({ maxAliasCount: 100 }), '$');
  if (value) return `value ${value}`;
  const nodes = sameNode(plain.root, document.contents, '$');
  if (nodes) return `node ${nodes}`;
  if (plain.lineStarts.join(',') !== lineCounter.lineStarts.join(',')) return 'line starts differ';
  return undefined;
}
