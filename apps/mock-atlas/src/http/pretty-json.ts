/**
 * JSON as Atlas pretty-prints it (`?pretty=true`, and the digest challenge body): Jackson's
 * DefaultPrettyPrinter — two-space indent, `"key" : value`, arrays inline as `[ a, b ]`, empty
 * containers as `[ ]` and `{ }`, no trailing newline. The seed's example responses (S3) and the
 * recorded 401 body have exactly this shape.
 * @example prettyJson({ a: [1, { b: true }] }) // '{\n  "a" : [ 1, {\n    "b" : true\n  } ]\n}'
 */
export function prettyJson(value: unknown): string {
  // Round-trip first so toJSON (dates), undefined members and the like behave as in JSON.stringify.
  const text = JSON.stringify(value);
  return text === undefined ? '' : format(JSON.parse(text) as unknown, 0);
}

function format(value: unknown, depth: number): string {
  if (Array.isArray(value)) {
    // Jackson's array indenter is inline: arrays neither break lines nor deepen the indent.
    return value.length === 0 ? '[ ]' : `[ ${value.map((v) => format(v, depth)).join(', ')} ]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{ }';
    const inner = '  '.repeat(depth + 1);
    const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)} : ${format(v, depth + 1)}`).join(',\n');
    return `{\n${body}\n${'  '.repeat(depth)}}`;
  }
  return JSON.stringify(value);
}
