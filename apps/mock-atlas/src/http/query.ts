// Express 5 parses the query string again on every read of `req.query`, and a response reads it
// several times (`pretty`, `envelope`, the journal); most requests have no query string at all.
import type { Request } from 'express';

const NO_QUERY: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * The request's query parameters (`req.query`), without parsing when the URL has no query string.
 * @example queryOf(req)['pretty'] // 'true' for …/encryptionAtRest?pretty=true
 */
export function queryOf(req: Request): Readonly<Record<string, unknown>> {
  return req.originalUrl.includes('?') ? (req.query as Record<string, unknown>) : NO_QUERY;
}
