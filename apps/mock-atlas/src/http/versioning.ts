// Content negotiation per operation: `/api/atlas/v2` resolves the Accept header's version date for
// the operation (libs/atlas-http resolveVersion); `/api/atlas/v1.0` is plain JSON and ignores it.
import { AtlasError, resolveVersion, type OperationKey } from '@mock-atlas/atlas-http';
import type { Request, RequestHandler } from 'express';
import type { Clock } from './clock';
import { setServedApi } from './locals';

/** The legacy base path. */
export const V1_BASE = '/api/atlas/v1.0';

/** True for a request under `/api/atlas/v1.0`. */
export function isLegacyRequest(req: Request): boolean {
  const path = req.originalUrl.split('?')[0] ?? '';
  return path === V1_BASE || path.startsWith(`${V1_BASE}/`);
}

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
  return (req, res, next) => {
    if (isLegacyRequest(req)) {
      setServedApi(res, { api: 'v1.0' });
      next();
      return;
    }
    const resolved = resolveVersion(operationKey, req.headers.accept, options.clock.now());
    if (resolved instanceof AtlasError) {
      next(resolved);
      return;
    }
    setServedApi(res, { api: 'v2', ...resolved });
    next();
  };
}

/**
 * Marks a response as legacy v1.0 (plain `application/json`), for routes that exist only on v1.0.
 * @example v1.get('/groups/:groupId/clusters', legacyJson(), listClustersV1)
 */
export function legacyJson(): RequestHandler {
  return (_req, res, next) => {
    setServedApi(res, { api: 'v1.0' });
    next();
  };
}
