// Writing Atlas responses: media type per API version, `pretty`, `envelope`, and the
// Deprecation/Sunset headers of a deprecated version. Every body the mock sends goes through
// writeAtlasJson, so these rules hold for successes and errors alike.
import type { Request, Response } from 'express';
import { noteResponseWrite, servedApiOf } from './locals';
import { queryOf } from './query';
import { prettyJson } from './pretty-json';

/** The media type of every error, and of v1.0 and non-Atlas (OAuth, control API) successes. */
export const PLAIN_JSON = 'application/json';

/**
 * A boolean query flag as Atlas reads `pretty` and `envelope`: `true` in any case is on,
 * anything else (absent, `false`, garbage) is off.
 */
export function queryFlag(req: Request, name: string): boolean {
  const value = queryOf(req)[name];
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

/** Options of {@link send}. */
export interface SendOptions {
  /**
   * Whether the body is a list (`{links, results, totalCount}`), which `envelope` extends with
   * `status` instead of wrapping. Defaults to "has a `results` array".
   */
  readonly list?: boolean;
}

function isList(body: unknown): boolean {
  return typeof body === 'object' && body !== null && Array.isArray((body as { results?: unknown }).results);
}

/**
 * Writes a JSON body with `pretty` and `envelope` applied. With `envelope=true` the HTTP status is
 * 200 and the real one moves into the body: `{status, content}` for one result, or the list body
 * itself plus `status` (the spec's `envelope` parameter: "Endpoints that return a list of results
 * use the results object as an envelope"). An absent body stays absent (204) unless enveloped.
 */
export function writeAtlasJson(res: Response, status: number, body: unknown, contentType: string, list = isList(body)): void {
  const req = res.req;
  let httpStatus = status;
  let payload = body;
  if (queryFlag(req, 'envelope')) {
    httpStatus = 200;
    if (list && typeof body === 'object' && body !== null) payload = { ...body, status };
    else payload = body === undefined ? { status } : { status, content: body };
  }
  res.status(httpStatus);
  res.setHeader('Content-Type', contentType);
  noteResponseWrite(res);
  if (payload === undefined) {
    res.end();
    return;
  }
  const text = queryFlag(req, 'pretty') ? prettyJson(payload) : JSON.stringify(payload);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Sets `Deprecation`/`Sunset` when the negotiated v2 version is deprecated (errors included, README §7). */
export function setLifecycleHeaders(res: Response): void {
  const served = servedApiOf(res);
  if (served?.api !== 'v2') return;
  for (const name in served.lifecycle) res.setHeader(name, served.lifecycle[name] as string);
}

/**
 * Sends a success: `application/vnd.atlas.<served date>+json;charset=utf-8` on v2 (README §7),
 * `application/json` on v1.0 and outside the Atlas API; `pretty` and `envelope` honoured.
 * @example send(res, 200, encryptionAtRest)
 * @example send(res, 202, {}) // DELETE cluster answers 202 with `{}` (README §9)
 */
export function send(res: Response, status: number, body?: unknown, options: SendOptions = {}): void {
  const served = servedApiOf(res);
  setLifecycleHeaders(res);
  const contentType = served?.api === 'v2' ? `${served.mediaType};charset=utf-8` : PLAIN_JSON;
  writeAtlasJson(res, status, body, contentType, options.list ?? isList(body));
}
