// A fast reader for the plain subset of YAML that project configs are written in: block
// mappings and sequences, one-line flow collections, plain and one-line quoted scalars,
// comments. The `yaml` library reads a 10 MB config in seconds (its CST and node objects
// are most of the time and memory); this reads it in a fraction of that, with the same
// value and the same node ranges. Anything outside the subset, or anything it is not sure
// about (anchors, tags, block scalars, several documents, multi-line scalars, tabs, a lone
// CR, non-string keys, an error), makes it give up: the caller then parses the text with
// the `yaml` library, which explains the problem. So the only problem it ever reports is a
// duplicate key, which it sees as well as the library does (and in one pass, where the
// library compares every key with every earlier one).

import { COLON, CR, DASH, HASH, NL, SPACE } from './char-codes';

// Offsets as in the `yaml` library's `Node.range`: [start, end, nodeEnd], where `end` is
// the end of the node's own text and `nodeEnd` also takes in what closes its line (spaces, a
// comment, the newline). A block collection ends where its last entry's node ends.

export interface PlainScalar {
  readonly kind: 'scalar';
  readonly start: number;
  readonly end: number;
  nodeEnd: number;
}

export interface PlainPair {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: PlainNode;
}

export interface PlainMap {
  readonly kind: 'map';
  readonly start: number;
  readonly end: number;
  nodeEnd: number;
  readonly pairs: readonly PlainPair[];
}

export interface PlainSeq {
  readonly kind: 'seq';
  readonly start: number;
  readonly end: number;
  nodeEnd: number;
  readonly items: readonly PlainNode[];
}

export type PlainNode = PlainScalar | PlainMap | PlainSeq;

/** A key written twice in one mapping: where, and where first. */
export interface PlainDuplicate {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly firstStart: number;
  readonly firstEnd: number;
}

/** A document read by the fast path: its plain value, its node tree and its line starts. */
export interface PlainDocument {
  readonly value: unknown;
  readonly root: PlainNode;
  /** Keys written twice (the only problem the fast path reports: the value keeps the last). */
  readonly duplicates: readonly PlainDuplicate[];
  /** Offsets at which lines start (0 first), as the `yaml` library's `LineCounter.lineStarts`. */
  readonly lineStarts: readonly number[];
}

/** Thrown to leave the fast path; never escapes this module. */
class GiveUp {}
const GIVE_UP = new GiveUp();

function giveUp(): never {
  throw GIVE_UP;
}

// Characters the fast path does not handle anywhere: tabs and a CR that is not part of a
// CRLF line break (the `yaml` library's rules for them are subtle), control characters,
// BOMs, and the Unicode line breaks that YAML 1.1 readers treat as newlines.
const OUTSIDE_SUBSET = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;
// Directives and document markers: one document with none of them is the only shape read here.
const DOCUMENT_MARKERS = /^(?:%|---(?:[ \n]|$)|\.\.\.(?:[ \n]|$))/m;


/** The longest implicit key the `yaml` library accepts is 1024 characters; stay well below it. */
const MAX_KEY_LENGTH = 1000;

// Core schema resolution of plain scalars, in the `yaml` library's tag order (null, bool,
// octal, decimal and hex integers, .inf/.nan, exponent and plain floats; else a string).
const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** First characters of every plain scalar that is not a string. */
const MAY_NOT_BE_STRING = /^[-+.0-9~nNtTfF]/;

function resolvePlain(text: string): unknown {
  if (!MAY_NOT_BE_STRING.test(text)) return text;
  if (NULL_RE.test(text)) return null;
  if (BOOL_RE.test(text)) return text[0] === 't' || text[0] === 'T';
  if (OCT_RE.test(text)) return parseInt(text.substring(2), 8);
  if (INT_RE.test(text)) return parseInt(text, 10);
  if (HEX_RE.test(text)) return parseInt(text.substring(2), 16);
  if (NAN_RE.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXP_RE.test(text) || FLOAT_RE.test(text)) return parseFloat(text);
  return text;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
const HEX_DIGITS = /^[0-9a-fA-F]+$/;

/** Characters that cannot start a plain scalar (YAML 1.2 c-indicator), `-?:` aside. */
function isIndicator(c: number): boolean {
  // , [ ] { } # & * ! | > ' " % @ `
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === HASH || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96;
}

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/**
 * The index by key of a mapping's pairs once it has many (the first pair of each key), after
 * the last pair was added: most mappings are small, and a linear search beats a Map there.
 */
function indexed(pairs: readonly PlainPair[], index: Map<string, PlainPair> | undefined): Map<string, PlainPair> | undefined {
  if (index) {
    const pair = pairs[pairs.length - 1]!;
    if (!index.has(pair.key)) index.set(pair.key, pair);
    return index;
  }
  if (pairs.length < 16) return undefined;
  const built = new Map<string, PlainPair>();
  for (const pair of pairs) if (!built.has(pair.key)) built.set(pair.key, pair);
  return built;
}

class Reader {
  private readonly length: number;
  /** The plain value of the node last read (returning it beside each node would cost an object per node). */
  private value: unknown;

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  /** The character code at `i`; the end of the text, and the CR of a CRLF, read as a newline. */
  private code(i: number): number {
    if (i >= this.length) return NL;
    const c = this.text.charCodeAt(i);
    return c === CR ? NL : c;
  }

  private lineEnd(i: number): number {
    const end = this.text.indexOf('\n', i);
    return end < 0 ? this.length : end;
  }

  /** The end of a node that closes its line: past trailing spaces, a comment and the newline. */
  private closeLine(i: number): number {
    let j = i;
    while (this.code(j) === SPACE) j++;
    const c = this.code(j);
    if (c === HASH) {
      // A comment needs white space before it; `"a"#b` is not one.
      if (j === i) giveUp();
      j = this.lineEnd(j);
    } else if (c !== NL) giveUp();
    const end = this.lineEnd(j);
    return end < this.length ? end + 1 : this.length;
  }

  /** The start of the next line with content (not blank, not only a comment), or -1. */
  private nextContentLine(from: number): number {
    let p = from;
    while (p < this.length) {
      let i = p;
      while (this.code(i) === SPACE) i++;
      if (i >= this.length) return -1;
      const c = this.code(i);
      if (c === NL) {
        p = i + 1;
        continue;
      }
      if (c === HASH) {
        p = this.lineEnd(i) + 1;
        continue;
      }
      return p;
    }
    return -1;
  }

  private indentAt(lineStart: number): number {
    let i = lineStart;
    while (this.code(i) === SPACE) i++;
    return i - lineStart;
  }

  /** Whether a `-` at `i` is a block sequence entry indicator. */
  private isSeqEntry(i: number): boolean {
    const next = this.code(i + 1);
    return this.code(i) === DASH && (next === SPACE || next === NL);
  }

  /** The start of the entry being read: where the reader gives up, if it does. */
  at = 0;

  read(): PlainDocument {
    const text = this.text;
    const outside = OUTSIDE_SUBSET.exec(text) ?? DOCUMENT_MARKERS.exec(text);
    if (outside) {
      this.at = outside.index;
      giveUp();
    }
    const first = this.nextContentLine(0);
    if (first < 0) giveUp();
    const column = this.indentAt(first);
    const start = first + column;
    // The root is a block mapping or sequence; a scalar or flow collection at the root is not a config.
    const root = this.isSeqEntry(start) ? this.blockSeq(start, column, false) : this.blockMapAt(start, column);
    const value = this.value;
    if (this.nextContentLine(this.pos) >= 0) giveUp();
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    return { value, root, duplicates: this.duplicates, lineStarts };
  }

  /** Where reading goes on: the start of the line after the last node read. */
  private pos = 0;

  private readonly duplicates: PlainDuplicate[] = [];

  /** Notes a key written twice; `index` finds earlier keys by name in a large mapping. */
  private checkDuplicate(pairs: readonly PlainPair[], index: Map<string, PlainPair> | undefined, key: string, start: number, end: number): void {
    let first: PlainPair | undefined;
    if (index) first = index.get(key);
    else first = pairs.find((pair) => pair.key === key);
    if (first) this.duplicates.push({ key, start, end, firstStart: first.keyStart, firstEnd: first.keyEnd });
  }

  /**
   * Comment lines after a collection's last entry, up to `next` (the next content line, or -1),
   * stay in the collection's range when indented at least as far as it (deeper ones even in
   * column 0), stretching it over them in the library's own way: leave those to the library.
   */
  private checkTrailingComments(next: number, column: number): void {
    if (this.hasCommentLine(this.pos, next < 0 ? this.length : next, column === 0 ? 1 : column)) giveUp();
  }

  /** Whether a line between `from` and `to` is a comment indented by `column` or more. */
  private hasCommentLine(from: number, to: number, column = 0): boolean {
    for (let p = from; p < to; ) {
      const indent = this.indentAt(p);
      if (this.code(p + indent) === HASH && indent >= column) return true;
      p = this.lineEnd(p) + 1;
    }
    return false;
  }

  /** A block mapping whose first key starts at `start` (maybe mid-line, after `- `) in column `column`. */
  private blockMapAt(start: number, column: number): PlainMap {
    const pairs: PlainPair[] = [];
    const object: Record<string, unknown> = {};
    let index: Map<string, PlainPair> | undefined;
    let keyStart = start;
    let end = start;
    for (;;) {
      this.at = keyStart;
      const key = this.blockKey(keyStart);
      if (key === undefined) giveUp();
      const keyEnd = this.keyEnd;
      this.checkDuplicate(pairs, index, key, keyStart, keyEnd);
      const value = this.blockValue(this.colon + 1, column, true, false);
      pairs.push({ key, keyStart, keyEnd, value });
      index = indexed(pairs, index);
      object[key] = this.value;
      end = value.nodeEnd;
      const next = this.nextContentLine(this.pos);
      const indent = next < 0 ? -1 : this.indentAt(next);
      if (indent < column) {
        this.checkTrailingComments(next, column);
        break;
      }
      if (indent > column || this.isSeqEntry(next + indent)) giveUp();
      keyStart = next + indent;
    }
    this.value = object;
    return { kind: 'map', start, end, nodeEnd: end, pairs };
  }

  /** A block sequence whose first `-` is at `start` in column `column`. */
  private blockSeq(start: number, column: number, commentBeforeFirst: boolean): PlainSeq {
    const items: PlainNode[] = [];
    const array: unknown[] = [];
    let dash = start;
    let end = start;
    let commentBefore = commentBeforeFirst;
    for (;;) {
      this.at = dash;
      const value = this.blockValue(dash + 1, column, false, commentBefore);
      items.push(value);
      array.push(this.value);
      end = value.nodeEnd;
      const next = this.nextContentLine(this.pos);
      const indent = next < 0 ? -1 : this.indentAt(next);
      if (indent < column || (indent === column && !this.isSeqEntry(next + indent))) {
        this.checkTrailingComments(next, column);
        break;
      }
      if (indent > column) giveUp();
      commentBefore = this.hasCommentLine(this.pos, next);
      dash = next + indent;
    }
    this.value = array;
    return { kind: 'seq', start, end, nodeEnd: end, items };
  }

  /**
   * The value after a key's `:` or a sequence's `-` at `after` (the indicator's end), for an
   * entry of the collection in column `column`: inline, or on the lines below, or empty.
   */
  private blockValue(after: number, column: number, inMap: boolean, commentBefore: boolean): PlainNode {
    let q = after;
    while (this.code(q) === SPACE) q++;
    const c = this.code(q);
    if (c === NL || c === HASH) {
      const lineEnd = this.lineEnd(q);
      const next = this.nextContentLine(lineEnd + 1);
      if (next >= 0) {
        const indent = this.indentAt(next);
        const first = next + indent;
        // A sequence under a mapping key may sit in the key's own column.
        if (indent > column || (inMap && indent === column && this.isSeqEntry(first))) {
          return this.isSeqEntry(first) ? this.blockSeq(first, indent, this.hasCommentLine(lineEnd + 1, next)) : this.blockMapAt(first, indent);
        }
      }
      // An empty value: null, at the end of the spaces after the indicator. (With a comment
      // after it, on its line or below, or above a sequence entry, the library stretches its
      // range over the comment.)
      if (c === HASH || commentBefore || this.hasCommentLine(lineEnd + 1, next < 0 ? this.length : next)) giveUp();
      this.pos = lineEnd + 1;
      this.value = null;
      return { kind: 'scalar', start: q, end: q, nodeEnd: q };
    }
    if (!inMap) {
      // `- - x` and `- key: value`: a compact collection in the column it starts in.
      const lineStart = this.text.lastIndexOf('\n', q - 1) + 1;
      if (this.isSeqEntry(q)) return this.blockSeq(q, q - lineStart, false);
      if (this.blockKey(q) !== undefined) return this.blockMapAt(q, q - lineStart);
    }
    const node = this.inline(q, false);
    this.pos = this.closeLine(node.end);
    node.nodeEnd = this.pos;
    return node;
  }

  /** The end of the key `blockKey` read last. */
  private keyEnd = 0;
  /** The offset of the `:` after the key `blockKey` read last. */
  private colon = 0;

  /** An implicit key at `i` (plain or quoted) followed by `:` and white space (see keyEnd, colon), or undefined. */
  private blockKey(i: number): string | undefined {
    const c = this.code(i);
    let key: string | undefined;
    let end: number;
    if (c === 34 || c === 39) {
      key = this.quoted(i);
      if (key === undefined) return undefined;
      end = this.quotedEnd;
    } else {
      if (!this.canStartPlain(i, false)) return undefined;
      end = this.plainEnd(i, false);
      if (this.code(this.plainStop) !== COLON) return undefined;
      key = this.text.slice(i, end);
      if (typeof resolvePlain(key) !== 'string') return undefined;
    }
    let colon = end;
    while (this.code(colon) === SPACE) colon++;
    if (this.code(colon) !== COLON) return undefined;
    const n = this.code(colon + 1);
    if (n !== SPACE && n !== NL) return undefined;
    if (colon - i > MAX_KEY_LENGTH || key === '__proto__') giveUp();
    this.keyEnd = end;
    this.colon = colon;
    return key;
  }

  private canStartPlain(i: number, flow: boolean): boolean {
    const c = this.code(i);
    if (c === NL || c === SPACE || isIndicator(c)) return false;
    if (c === DASH || c === 63 || c === COLON) {
      const n = this.code(i + 1);
      return n !== SPACE && n !== NL && !(flow && isFlowIndicator(n));
    }
    return true;
  }

  /** A scalar or flow collection at `i`, on its line (its value in `this.value`). */
  private inline(i: number, flow: boolean): PlainNode {
    const c = this.code(i);
    if (c === 91) return this.flowSeq(i);
    if (c === 123) return this.flowMap(i);
    if (c === 34 || c === 39) {
      const value = this.quoted(i);
      if (value === undefined) giveUp();
      this.value = value;
      return { kind: 'scalar', start: i, end: this.quotedEnd, nodeEnd: this.quotedEnd };
    }
    if (!this.canStartPlain(i, flow)) giveUp();
    const end = this.plainEnd(i, flow);
    // `a: b: c` is an error, and in flow `[a: b]` a pair: both are the library's business.
    if (this.code(this.plainStop) === COLON) giveUp();
    this.value = resolvePlain(this.text.slice(i, end));
    return { kind: 'scalar', start: i, end, nodeEnd: end };
  }

  /** Where `plainEnd` stopped scanning. */
  private plainStop = 0;

  /**
   * Scans a plain scalar from `i` on its line and returns the end of its text (see plainStop).
   * It stops at a comment, the end of the line, a `:` that ends a key and, in flow, a flow indicator.
   */
  private plainEnd(i: number, flow: boolean): number {
    let j = i;
    let last = i;
    for (;;) {
      const d = this.code(j);
      if (d === NL) break;
      if (d === HASH && this.code(j - 1) === SPACE) break;
      if (d === COLON) {
        const n = this.code(j + 1);
        if (n === SPACE || n === NL || (flow && isFlowIndicator(n))) break;
      }
      if (flow && isFlowIndicator(d)) break;
      if (d !== SPACE) last = j + 1;
      j++;
    }
    this.plainStop = j;
    return last;
  }

  /** The end of the quoted scalar `quoted` read last. */
  private quotedEnd = 0;

  /** The value of a quoted scalar on one line (see quotedEnd), or undefined when it does not close on its line. */
  private quoted(i: number): string | undefined {
    const text = this.text;
    const quote = text.charCodeAt(i);
    if (quote === 39) {
      let value = '';
      let from = i + 1;
      const lineEnd = this.lineEnd(from);
      for (;;) {
        const close = text.indexOf("'", from);
        if (close < 0 || close > lineEnd) return undefined;
        value += text.slice(from, close);
        if (this.code(close + 1) === 39) {
          value += "'";
          from = close + 2;
          continue;
        }
        this.quotedEnd = close + 1;
        return value;
      }
    }
    let value = '';
    let j = i + 1;
    let from = j;
    for (;;) {
      const d = this.code(j);
      if (j >= this.length || d === NL) return undefined;
      if (d === 34) {
        this.quotedEnd = j + 1;
        return value + text.slice(from, j);
      }
      if (d === 92) {
        value += text.slice(from, j);
        const e = text[j + 1];
        if (e === undefined) return undefined;
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          value += simple;
          j += 2;
        } else if (e === 'x' || e === 'u' || e === 'U') {
          const width = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = text.substr(j + 2, width);
          if (hex.length !== width || !HEX_DIGITS.test(hex)) giveUp();
          const point = parseInt(hex, 16);
          if (point > 0x10ffff) giveUp();
          value += String.fromCodePoint(point);
          j += 2 + width;
        } else giveUp();
        from = j;
        continue;
      }
      j++;
    }
  }

  private skipSpaces(i: number): number {
    let j = i;
    while (this.code(j) === SPACE) j++;
    return j;
  }

  /** A flow sequence `[...]` that closes on its line. */
  private flowSeq(open: number): PlainSeq {
    const items: PlainNode[] = [];
    const array: unknown[] = [];
    let i = this.skipSpaces(open + 1);
    for (;;) {
      if (this.code(i) === 93) break;
      const item = this.inline(i, true);
      items.push(item);
      array.push(this.value);
      i = this.skipSpaces(item.end);
      const c = this.code(i);
      if (c === 44) i = this.skipSpaces(i + 1);
      else if (c !== 93) giveUp();
    }
    const end = i + 1;
    this.value = array;
    return { kind: 'seq', start: open, end, nodeEnd: end, items };
  }

  /** A flow mapping `{...}` that closes on its line, every key with `: `. */
  private flowMap(open: number): PlainMap {
    const pairs: PlainPair[] = [];
    const object: Record<string, unknown> = {};
    let index: Map<string, PlainPair> | undefined;
    let i = this.skipSpaces(open + 1);
    for (;;) {
      if (this.code(i) === 125) break;
      const keyStart = i;
      let key: string | undefined;
      let keyEnd: number;
      const c = this.code(i);
      if (c === 34 || c === 39) {
        key = this.quoted(i);
        if (key === undefined) giveUp();
        keyEnd = this.quotedEnd;
      } else {
        if (!this.canStartPlain(i, true)) giveUp();
        keyEnd = this.plainEnd(i, true);
        key = this.text.slice(i, keyEnd);
        if (typeof resolvePlain(key) !== 'string') giveUp();
      }
      if (key === '__proto__') giveUp();
      this.checkDuplicate(pairs, index, key, keyStart, keyEnd);
      i = this.skipSpaces(keyEnd);
      if (this.code(i) !== COLON || this.code(i + 1) !== SPACE) giveUp();
      i = this.skipSpaces(i + 1);
      let value: PlainNode;
      const v = this.code(i);
      if (v === 44 || v === 125) {
        value = { kind: 'scalar', start: i, end: i, nodeEnd: i };
        this.value = null;
      } else value = this.inline(i, true);
      pairs.push({ key, keyStart, keyEnd, value });
      index = indexed(pairs, index);
      object[key] = this.value;
      i = this.skipSpaces(value.end);
      const d = this.code(i);
      if (d === 44) i = this.skipSpaces(i + 1);
      else if (d !== 125) giveUp();
    }
    const end = i + 1;
    this.value = object;
    return { kind: 'map', start: open, end, nodeEnd: end, pairs };
  }
}

/**
 * Reads `text` if it is written in the plain subset of YAML that configs use, or returns
 * undefined (the caller then uses the `yaml` library, which also explains any problem);
 * `gaveUpAt` then learns the start of the entry (or the character) that is not plain.
 * @example readPlainYaml('a:\n  b: [1, x]\n')?.value // → { a: { b: [1, 'x'] } }
 * @example readPlainYaml('a: &x 1\n') // → undefined (anchors are not plain)
 */
export function readPlainYaml(text: string, gaveUpAt?: (offset: number) => void): PlainDocument | undefined {
  const reader = new Reader(text);
  try {
    return reader.read();
  } catch (error) {
    // A stack overflow on a pathological nesting: leave it to the library's own guards.
    if (error !== GIVE_UP && !(error instanceof RangeError)) throw error;
    gaveUpAt?.(reader.at);
    return undefined;
  }
}
