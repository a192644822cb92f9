// Deterministic identifiers derived from text, so that loading the same config twice
// yields the same ids (stable URLs in tests and docs) without randomness or node:crypto.

/** 32-bit FNV-1a over the UTF-16 code units of `text`, started from `seed`. */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** `words` × 8 hex digits, each word hashed with its own seed. */
function hexDigest(text: string, words: number): string {
  let out = '';
  for (let i = 0; i < words; i++) out += fnv1a(text, Math.imul(i + 1, 0x9e3779b9)).toString(16).padStart(8, '0');
  return out;
}

// Presenters derive the same few ids (cluster, replication specs, host hash) on every response,
// three FNV passes each; a bounded memo of recent ones answers most of them. Cleared when full, so
// it never holds more than RECENT_IDS entries whatever the state grows to.
const RECENT_IDS = 4096;
const recentIds = new Map<string, string>();

/**
 * A 24-hex id (the shape of Atlas ObjectIds) derived from `text`.
 * @example deterministicObjectId('payments') // → the same 24 hex digits on every run
 */
export function deterministicObjectId(text: string): string {
  let id = recentIds.get(text);
  if (id === undefined) {
    id = hexDigest(text, 3);
    if (recentIds.size >= RECENT_IDS) recentIds.clear();
    recentIds.set(text, id);
  }
  return id;
}

/**
 * A version-4-shaped UUID derived from `text`.
 * @example deterministicUuid('AWS:030gce02-…') // → 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'
 */
export function deterministicUuid(text: string): string {
  const hex = hexDigest(text, 4);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The id of a cluster that has none yet (one declared in a config file): stable per
 * project and name, so every representation that names the cluster agrees on it.
 */
export function derivedClusterId(groupId: string, clusterName: string): string {
  return deterministicObjectId(`cluster:${groupId}/${clusterName}`);
}
