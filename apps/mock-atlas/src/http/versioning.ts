// Content negotiation per operation: `/api/atlas/v2` resolves the Accept header's version date for
// the operation (libs/atlas-http resolveVersion); `/api/atlas/v1.0` is plain JSON and ignores it.
import { AtlasError, lifecycleHeaders, resolveVersion, type OperationKey } from '@mock-atlas/atlas-http';
import type { Request, RequestHandler } from 'express';
import type { Clock } from './clock';
import { setServedApi, type ServedApi } from './locals';

/** The legacy base path. */
export const V1_BASE = '/api/atlas/v1.0';

/** True for a request under `/api/atlas/v1.0`. */
export function isLegacyRequest(req: Request): boolean {
  const url = req.originalUrl;
  if (!url.startsWith(V1_BASE)) return false;
  const after = url.charAt(V1_BASE.length);
  return after === '' || after === '/' || after === '?';
}

const LEGACY: ServedApi = Object.freeze({ api: 'v1.0' });

/**
 * How many Accept headers one operation remembers the resolution of. Clients send one header on
 * every call; a client inventing a new one per request only empties the memory more often.
 */
const REMEMBERED_ACCEPTS = 32;
const DAY_MS = 86_400_000;

/** Options of {@link negotiate}. */
export interface NegotiateOptions {
  /** Decides which versions are past their sunset. */
  readonly clock: Clock;
}

/**
 * Negotiates the representation of one operation and records it for `send` and the error
 * middleware. On v2: 406 INVALID_VERSION_DATE / 410 VERSION_GONE as resolveVersion decides; on
 * v1.0 (the same middleware works on both mounts): plain `application/json`.
 * @example route(v2, '/groups/:groupId/encryptionAtRest', { GET: [negotiate('GET /groups/{groupId}/encryptionAtRest', { clock }), getEar] })
 */
export function negotiate(operationKey: OperationKey, options: NegotiateOptions): RequestHandler {
  // A resolution holds for the UTC day it was made on (sunsets are days): parsing the ranges and
  // dates of the same header on every call was ~4% of a request (docs/benchmarks.md). Refusals
  // are not remembered; they are rare and their error objects are the request's own.
  const remembered = new Map<string, { readonly day: number; readonly served: ServedApi }>();
  return (req, res, next) => {
    if (isLegacyRequest(req)) {
      setServedApi(res, LEGACY);
      next();
      return;
    }
    const now = options.clock.now();
    const day = Math.floor(now.getTime() / DAY_MS);
    const accept = req.headers.accept;
    const known = remembered.get(accept ?? '');
    if (known?.day === day) {
      setServedApi(res, known.served);
      next();
      return;
    }
    const resolved = resolveVersion(operationKey, accept, now);
    if (resolved instanceof AtlasError) {
      next(resolved);
      return;
    }
    const served: ServedApi = Object.freeze({ api: 'v2', ...resolved, lifecycle: Object.freeze(lifecycleHeaders(resolved)) });
    if (remembered.size >= REMEMBERED_ACCEPTS) remembered.clear();
    remembered.set(accept ?? '', { day, served });
    setServedApi(res, served);
    next();
  };
}

/**
 * Marks a response as legacy v1.0 (plain `application/json`), for routes that exist only on v1.0.
 * @example v1.get('/groups/:groupId/clusters', legacyJson(), listClustersV1)
 */
export function legacyJson(): RequestHandler {
  return (_req, res, next) => {
    setServedApi(res, LEGACY);
    next();
  };
}
