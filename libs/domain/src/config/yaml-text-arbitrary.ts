// Test support: fast-check arbitraries of YAML texts shaped like project configs, with the
// spacing, comments, quoting and scalar forms people write, and of mutations of them that
// break the shape in small ways (a stray indicator, a tab, a lost newline).
import fc from 'fast-check';

const PLAIN_SCALARS = [
  'orders', 'a b', 'M30', 'US_EAST_1', 'x:y', 'http://h:1/p', 'a#b', '-x', ':x', '?x', 'x-', 'a.b', 'a,b', 'é', '😀', 'Zone 1',
  '1', '-0', '+5', '012', '0x1F', '0o17', '0o8', '1e3', '.5', '1.', '1.50', '.inf', '-.INF', '.NaN', '~', 'null', 'Null', 'NULL',
  'true', 'False', 'TRUE', 'yes', '2024-01-15T00:00:00Z', '6a793f6b2c88faeba59bae37', '${env:SECRET}', 'a [b]', 'a {b}',
];
const KEYS = ['name', 'clusters', 'a b', 'x-y', 'id', 'k', '"quoted"', "'single'", '"a:b"', 'toString', '<<', 'a:b', '""', 'Zone 1', 'é'];
/** Keys that are not strings in the core schema (a number, a boolean, null). */
const ODD_KEYS = ['1', 'true', '~'];
const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) });
const QUOTED = ['""', "''", '"a\\tb"', '"\\u00e9\\x41"', '"\\U0001F600"', "'it''s'", '"say \\"hi\\""', '"a # b"', "'a: b'", '"\\q"', '"x\\/y"'];

const spaces = fc.integer({ min: 1, max: 3 }).map((n) => ' '.repeat(n));
const comment = fc.constantFrom('', '', '', ' # note', '  #c', ' #');
const scalar = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PLAIN_SCALARS) }, { weight: 1, arbitrary: fc.constantFrom(...QUOTED) });

function flowArb(depth: number): fc.Arbitrary<string> {
  const item: fc.Arbitrary<string> = depth > 0 ? fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: fc.constant(null).chain(() => flowArb(depth - 1)) }) : scalar;
  const seq = fc.tuple(fc.array(item, { maxLength: 4 }), fc.constantFrom(', ', ',', ' , '), fc.constantFrom('', ' '), fc.boolean()).map(
    ([items, sep, pad, trailing]) => `[${pad}${items.join(sep)}${trailing && items.length > 0 ? ',' : ''}${pad}]`,
  );
  const entry = fc.tuple(key, fc.constantFrom(': ', ':  ', ' : ', ':'), fc.oneof(item, fc.constant('')));
  // Now and then a key twice, which YAML does not allow.
  const entries = fc.oneof({ weight: 6, arbitrary: fc.uniqueArray(entry, { maxLength: 4, selector: ([k]) => k }) }, { weight: 1, arbitrary: fc.array(entry, { maxLength: 4 }) });
  const map = fc.tuple(entries, fc.constantFrom('', ' ')).map(
    ([entries, pad]) => `{${pad}${entries.map(([k, c, v]) => `${k}${c}${v}`).join(', ')}${pad}}`,
  );
  return fc.oneof(seq, map);
}

interface Shape {
  readonly lines: string[];
}

function blockArb(depth: number, indent: number): fc.Arbitrary<Shape> {
  const pad = ' '.repeat(indent);
  const childIndent = fc.integer({ min: 1, max: 3 });
  const inline = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 2, arbitrary: flowArb(2) }, { weight: 1, arbitrary: fc.constant('') });
  const value: fc.Arbitrary<{ inline?: string; nested?: Shape }> =
    depth > 0
      ? fc.oneof(
          { weight: 3, arbitrary: inline.map((s) => ({ inline: s })) },
          { weight: 2, arbitrary: childIndent.chain((d) => blockArb(depth - 1, indent + d)).map((nested) => ({ nested })) },
        )
      : inline.map((s) => ({ inline: s }));
  const extra = fc.constantFrom<string[]>([], [], [], [''], [`${pad}# comment`], ['   '], ['# at zero']);
  const mapEntry = fc.tuple(key, fc.constantFrom(':', ' :'), spaces, value, comment, extra);
  const mapEntries = fc.oneof(
    { weight: 6, arbitrary: fc.uniqueArray(mapEntry, { minLength: 1, maxLength: 4, selector: ([k]) => k }) },
    { weight: 1, arbitrary: fc.array(mapEntry, { minLength: 1, maxLength: 4 }) },
  );
  const map = mapEntries.map((entries) => {
    const lines: string[] = [];
    for (const [key, colon, sp, v, c, more] of entries) {
      if (v.nested) lines.push(`${pad}${key}${colon}${c}`, ...v.nested.lines);
      else lines.push(`${pad}${key}${colon}${v.inline === '' ? '' : sp}${v.inline}${c}`);
      lines.push(...more);
    }
    return { lines };
  });
  const seqEntry = fc.tuple(spaces, value, comment, fc.boolean());
  const seq = fc.array(seqEntry, { minLength: 1, maxLength: 4 }).map((entries) => {
    const lines: string[] = [];
    for (const [sp, v, c, compact] of entries) {
      if (v.nested && compact && v.nested.lines.length > 0) {
        // `- key: value` with the rest of the collection in the column after `- `.
        const [first, ...rest] = v.nested.lines;
        const firstIndent = first!.length - first!.trimStart().length;
        const column = indent + 1 + sp.length;
        const shift = (line: string): string => (line.trim() === '' || line.trimStart().startsWith('#') ? line : ' '.repeat(Math.max(0, column - firstIndent)) + line.slice(Math.min(firstIndent, column)));
        lines.push(`${pad}-${sp}${first!.trimStart()}`, ...rest.map((l) => (column >= firstIndent ? ' '.repeat(column - firstIndent) + l : shift(l))));
      } else if (v.nested) lines.push(`${pad}-${c}`, ...v.nested.lines);
      else lines.push(`${pad}-${v.inline === '' ? '' : sp}${v.inline}${c}`);
    }
    return { lines };
  });
  return depth === 0 ? map : fc.oneof({ weight: 3, arbitrary: map }, { weight: 1, arbitrary: seq });
}

/** YAML texts shaped like configs: a block mapping at the root, nested blocks, flows, comments. */
export const configLikeYaml: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', '# header\n', '\n'), blockArb(3, 0), fc.constantFrom('\n', '', '\n\n', '\n# end\n'), fc.boolean())
  .map(([head, body, tail, crlf]) => {
    const text = head + body.lines.join('\n') + tail;
    // Windows line breaks, as an editor there saves the file.
    return crlf ? text.replaceAll('\n', '\r\n') : text;
  });

const STRAY = [' ', '\n', ':', '-', '#', '[', ']', '{', '}', ',', "'", '"', '&a ', '*a', '!t ', '|', '>', '%', '@', '`', '\t', '?', '\r', '---\n', '\\', '  ', ': ', '- '];

/** Small breakages of a config-like text: characters inserted or removed, lines joined or duplicated. */
export const mutatedYaml: fc.Arbitrary<string> = fc
  .tuple(configLikeYaml, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...STRAY), fc.constantFrom('insert', 'delete', 'duplicate-line')), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => {
    let out = text;
    for (const [at, stray, kind] of edits) {
      const i = out.length === 0 ? 0 : at % out.length;
      if (kind === 'insert') out = out.slice(0, i) + stray + out.slice(i);
      else if (kind === 'delete') out = out.slice(0, i) + out.slice(i + 1);
      else {
        const start = out.lastIndexOf('\n', i - 1) + 1;
        const end = out.indexOf('\n', i);
        const line = out.slice(start, end < 0 ? out.length : end);
        out = out.slice(0, start) + line + '\n' + out.slice(start);
      }
    }
    return out;
  });
