// Express 5 parses the query string again on every read of `req.query`, and a response reads it
// several times (`pretty`, `envelope`, the journal, a list's paging); most requests have no query
// string at all, and one that has is parsed once.
import type { Request } from 'express';

const NO_QUERY: Readonly<Record<string, unknown>> = Object.freeze({});

const parsed = new WeakMap<Request, Readonly<Record<string, unknown>>>();

/**
 * The request's query parameters (`req.query`), parsed at most once per request and not at all
 * when the URL has no query string.
 * @example queryOf(req)['pretty'] // 'true' for …/encryptionAtRest?pretty=true
 */
export function queryOf(req: Request): Readonly<Record<string, unknown>> {
  if (!req.originalUrl.includes('?')) return NO_QUERY;
  let query = parsed.get(req);
  if (query === undefined) {
    query = req.query as Record<string, unknown>;
    parsed.set(req, query);
  }
  return query;
}
