// Atlas `links` arrays: a self link plus `https://cloud.mongodb.com/<kind>` relations.

/** The base URL links are written under when the caller gives none (relative to the server). */
export const DEFAULT_LINK_BASE = '/api/atlas/v2';

/** One entry of an Atlas `links` array. */
export interface Link {
  readonly href: string;
  readonly rel: string;
}

/** A link to a related resource, with the relation name Atlas uses (e.g. `https://cloud.mongodb.com/cluster`). */
export function relatedLink(href: string, kind: string): Link {
  return { href, rel: `https://cloud.mongodb.com/${kind}` };
}

/** Path pieces joined under a base URL, each piece URL-encoded. */
export function hrefOf(baseUrl: string, ...segments: readonly string[]): string {
  return [baseUrl.replace(/\/+$/, ''), ...segments.map((s) => encodeURIComponent(s))].join('/');
}
