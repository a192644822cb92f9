// Request bodies of the Atlas API. Clients send `application/json` (the seed's curl examples,
// most SDKs) or the versioned type (README §7); both are JSON. Anything else is refused with 415,
// which is what Atlas's Jersey stack answers for a body type a resource does not consume
// (inferred: README §12 records no Atlas source for it).
import { isUtf8 } from 'node:buffer';
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
  /**
   * Whether a request without a body is refused with 400 MALFORMED_JSON (default true: every
   * request body of the contract is `required: true`, and so is every body of the control API).
   * When false, `req.body` stays undefined.
   */
  readonly required?: boolean;
}

const JSON_TYPE = /^application\/(?:json|vnd\.atlas\.[^+;\s]+\+json)$/;

/** True for `application/json` and `application/vnd.atlas.<anything>+json`, with any parameters. */
export function isJsonContentType(contentType: string): boolean {
  const [type = ''] = contentType.split(';');
  return JSON_TYPE.test(type.trim().toLowerCase());
}

/** The charset parameter of a Content-Type, lower case, or undefined when there is none. */
function charsetOf(contentType: string): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType);
  return m ? (m[1] ?? '').toLowerCase() : undefined;
}

/**
 * Refuses, before parsing, what JSON.parse would otherwise accept after a lossy decode: an empty
 * body (body-parser turns it into `{}`) and bytes that are not UTF-8 (decoded to U+FFFD, they
 * would reach the handlers as valid strings). A JSON parser reading UTF-8 refuses both.
 */
function verifyBytes(required: boolean) {
  return (_req: unknown, _res: unknown, buf: Buffer): void => {
    // Thrown as body-parser's own parse failure (errors.ts maps it to MALFORMED_JSON): body-parser
    // decorates what verify throws with a `body` property, which would hide AtlasError#body().
    if ((required && buf.length === 0) || !isUtf8(buf)) throw Object.assign(new Error('not a UTF-8 JSON text'), { status: 400, type: 'entity.parse.failed' });
  };
}

/** Whether the request carries a body (a chunked one, or a non-zero Content-Length). */
function hasBody(headers: { 'transfer-encoding'?: string; 'content-length'?: string }): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && Number(headers['content-length']) > 0);
}

/**
 * Parses a JSON request body into `req.body` (left undefined when there is no body):
 * - `application/json` or `application/vnd.atlas.*+json`; a missing Content-Type only with an empty body;
 * - no body, an empty one, or bytes that are not UTF-8 → 400 MALFORMED_JSON (unless `required: false`);
 * - over the limit → 413 PAYLOAD_TOO_LARGE; not JSON → 400 MALFORMED_JSON;
 * - valid JSON that is not an object where one is expected → 400 INVALID_JSON;
 * - any other content type, or a charset other than UTF-8 → 415 UNSUPPORTED_MEDIA_TYPE.
 * @example router.patch('/groups/:groupId/encryptionAtRest', jsonBody(), handler)
 */
export function jsonBody(options: JsonBodyOptions = {}): RequestHandler {
  const limit = options.limit ?? DEFAULT_BODY_LIMIT;
  const required = options.required ?? true;
  const parse = express.json({ limit, strict: false, type: () => true, verify: verifyBytes(required) });
  return (req, res, next) => {
    if (!hasBody(req.headers)) {
      req.body = undefined;
      next(required ? new AtlasError('MALFORMED_JSON') : undefined);
      return;
    }
    const contentType = contentTypeOf(req);
    const charset = charsetOf(contentType);
    // body-parser would decode UTF-16 and UTF-32 too; the API speaks UTF-8 only.
    if (!isJsonContentType(contentType) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
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
