// Request bodies of the Atlas API. Clients send `application/json` (the seed's curl examples,
// most SDKs) or the versioned type (README §7); both are JSON. Anything else is refused with 415,
// which is what Atlas's Jersey stack answers for a body type a resource does not consume
// (inferred: README §12 records no Atlas source for it).
import { AtlasError } from '@mock-atlas/atlas-http';
import express, { type RequestHandler } from 'express';
import { atlasErrorOf, contentTypeOf } from './errors';

/** The default body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Options of {@link jsonBody}. */
export interface JsonBodyOptions {
  /** Largest accepted body in bytes (default 1 MiB); larger ones get 413. */
  readonly limit?: number;
  /** `object` (default): a body must be a JSON object, else 400 INVALID_JSON. `any`: any JSON value. */
  readonly expect?: 'object' | 'any';
}

const JSON_TYPE = /^application\/(?:json|vnd\.atlas\.[^+;\s]+\+json)$/;

/** True for `application/json` and `application/vnd.atlas.<anything>+json`, with any parameters. */
export function isJsonContentType(contentType: string): boolean {
  const [type = ''] = contentType.split(';');
  return JSON_TYPE.test(type.trim().toLowerCase());
}

/** Whether the request carries a body (a chunked one, or a non-zero Content-Length). */
function hasBody(headers: { 'transfer-encoding'?: string; 'content-length'?: string }): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && Number(headers['content-length']) > 0);
}

/**
 * Parses a JSON request body into `req.body` (left undefined when there is no body):
 * - `application/json` or `application/vnd.atlas.*+json`; a missing Content-Type only with an empty body;
 * - over the limit → 413 PAYLOAD_TOO_LARGE; not JSON → 400 MALFORMED_JSON;
 * - valid JSON that is not an object where one is expected → 400 INVALID_JSON;
 * - any other content type, or a charset other than UTF-8 → 415 UNSUPPORTED_MEDIA_TYPE.
 * @example router.patch('/groups/:groupId/encryptionAtRest', jsonBody(), handler)
 */
export function jsonBody(options: JsonBodyOptions = {}): RequestHandler {
  const limit = options.limit ?? DEFAULT_BODY_LIMIT;
  const parse = express.json({ limit, strict: false, type: () => true });
  return (req, res, next) => {
    if (!hasBody(req.headers)) {
      req.body = undefined;
      next();
      return;
    }
    const contentType = contentTypeOf(req);
    if (!isJsonContentType(contentType)) {
      next(new AtlasError('UNSUPPORTED_MEDIA_TYPE', [contentType || '(none)']));
      return;
    }
    parse(req, res, (err?: unknown) => {
      if (err) {
        next(atlasErrorOf(err, req) ?? err);
        return;
      }
      const body: unknown = req.body;
      if (options.expect !== 'any' && (typeof body !== 'object' || body === null || Array.isArray(body))) {
        next(new AtlasError('INVALID_JSON'));
        return;
      }
      next();
    });
  };
}
