// The one error middleware (STYLE.md §5): every error of every route leaves the mock as an Atlas
// body with `X-Error-Code`, as plain application/json, never as HTML and never with a stack.
import { AtlasError, CHALLENGE_BODY, type AtlasErrorBody } from '@mock-atlas/atlas-http';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { prettyJson } from './pretty-json';
import { PLAIN_JSON, setLifecycleHeaders, writeAtlasJson } from './respond';
import { noteResponseWrite } from './locals';

/** A body-parser / http-errors error: a status and, for body-parser, a `type`. */
interface HttpishError {
  readonly status?: unknown;
  readonly statusCode?: unknown;
  readonly type?: unknown;
  readonly limit?: unknown;
}

function statusOf(err: HttpishError): number | undefined {
  const status = typeof err.status === 'number' ? err.status : err.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

/** The request's Content-Type, shortened so an error never echoes a huge header. */
export function contentTypeOf(req: Request): string {
  return (req.headers['content-type'] ?? '').slice(0, 100);
}

/**
 * The Atlas error for anything thrown or passed to `next`: AtlasErrors as they are; the errors
 * Express and body-parser raise (`entity.too.large`, `entity.parse.failed`, a bad charset, a
 * 4xx http-error) as the matching Atlas code; undefined for everything else (an unexpected 500).
 */
export function atlasErrorOf(err: unknown, req: Request): AtlasError | undefined {
  if (err instanceof AtlasError) return err;
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as HttpishError;
  switch (e.type) {
    case 'entity.too.large':
    case 'parameters.too.many':
      return new AtlasError('PAYLOAD_TOO_LARGE', [typeof e.limit === 'number' ? e.limit : 'the configured number of']);
    case 'entity.parse.failed':
    case 'request.size.invalid':
    case 'request.aborted':
      return new AtlasError('MALFORMED_JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AtlasError('UNSUPPORTED_MEDIA_TYPE', [contentTypeOf(req)]);
  }
  const status = statusOf(e);
  if (status === undefined || status >= 500) return undefined;
  switch (status) {
    case 404:
      return new AtlasError('RESOURCE_NOT_FOUND', [req.originalUrl.split('?')[0]]);
    case 405:
      return new AtlasError('METHOD_NOT_ALLOWED', [req.method]);
    case 413:
      return new AtlasError('PAYLOAD_TOO_LARGE', ['the configured number of']);
    case 415:
      return new AtlasError('UNSUPPORTED_MEDIA_TYPE', [contentTypeOf(req)]);
    default:
      // e.g. Express's "Failed to decode param": the message may quote the raw path, so it is not echoed.
      return new AtlasError('VALIDATION_ERROR', ['the request could not be read'], { httpStatus: status });
  }
}

/**
 * The body as it can be written: all of it, or the five Atlas fields alone when an `extra` field
 * holds what JSON cannot write (a control-API finding quoting a value nested 10,000 deep).
 */
function writableBody(err: AtlasError): AtlasErrorBody {
  const body = err.body();
  try {
    JSON.stringify(body);
    return body;
  } catch {
    const { detail, error, errorCode, parameters, reason } = body;
    return { detail, error, errorCode, parameters, reason };
  }
}

/**
 * Writes an AtlasError: its status, the Atlas body, `X-Error-Code`, its extra headers, and the
 * Deprecation/Sunset of a deprecated v2 version; `pretty`/`envelope` honoured; application/json.
 */
export function sendAtlasError(res: Response, err: AtlasError): void {
  setLifecycleHeaders(res);
  for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
  res.setHeader('X-Error-Code', err.code);
  writeAtlasJson(res, err.status, writableBody(err), PLAIN_JSON, false);
}

/** Options of {@link atlasErrors}. */
export interface AtlasErrorsOptions {
  /** Told about every error that became a 500, for the log; the client learns nothing of it. */
  readonly onUnexpected?: (err: unknown, req: Request) => void;
}

/**
 * The error middleware: mount it last. AtlasErrors and Express's own errors become Atlas bodies;
 * anything else is a 500 UNEXPECTED_ERROR with no stack, message or other internals.
 * @example app.use(atlasErrors({ onUnexpected: (err) => logger.error({ err }, 'unexpected error') }));
 */
export function atlasErrors(options: AtlasErrorsOptions = {}): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) {
      // Half a response is out: the only honest thing left is to cut the connection.
      options.onUnexpected?.(err, req);
      res.destroy();
      return;
    }
    const known = atlasErrorOf(err, req);
    if (!known) options.onUnexpected?.(err, req);
    try {
      sendAtlasError(res, known ?? new AtlasError('UNEXPECTED_ERROR'));
    } catch (failure) {
      // Whatever broke the answer must not reach Express's own handler, which writes HTML with a stack.
      options.onUnexpected?.(failure, req);
      if (res.headersSent) res.destroy();
      else sendAtlasError(res, new AtlasError('UNEXPECTED_ERROR'));
    }
  };
}

/**
 * Answers an authentication challenge: 401 with the given `WWW-Authenticate` challenges and
 * Atlas's own challenge body (CHALLENGE_BODY: always pretty-printed, plain application/json, no
 * `parameters`, no `X-Error-Code`), which differs from every other error body.
 * @example sendChallenge(res, ['Digest realm="MMS Public API", …']);
 */
export function sendChallenge(res: Response, challenges: readonly string[]): void {
  res.status(401);
  res.setHeader('WWW-Authenticate', [...challenges]);
  res.setHeader('Content-Type', PLAIN_JSON);
  res.setHeader('Content-Length', CHALLENGE_LENGTH);
  noteResponseWrite(res);
  res.end(CHALLENGE_TEXT);
}

// The challenge body never changes, and digest clients meet it on every first request.
const CHALLENGE_TEXT = prettyJson(CHALLENGE_BODY);
const CHALLENGE_LENGTH = Buffer.byteLength(CHALLENGE_TEXT);
