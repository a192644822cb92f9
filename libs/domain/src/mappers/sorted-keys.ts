/**
 * A copy of a document with its keys in alphabetical order, as Atlas writes its resources
 * (S3:563-612). One level deep: nested documents keep their own order.
 * @example Object.keys(sortedKeys({ valid: true, enabled: false })) // ['enabled', 'valid']
 */
export function sortedKeys(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  // A loop rather than Object.fromEntries over pairs: this runs for every resource served.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(doc).sort()) out[key] = doc[key];
  return out;
}
