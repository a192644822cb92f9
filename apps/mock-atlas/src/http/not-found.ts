// Paths nobody serves answer 404 RESOURCE_NOT_FOUND; a served path with the wrong method answers
// 405 with `Allow`. Both go through the error middleware, so they are Atlas bodies, never HTML.
import { AtlasError } from '@mock-atlas/atlas-http';
import type { RequestHandler, Router } from 'express';

/** The methods a route can declare. */
export type RouteMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The `Allow` value for declared methods; Express answers HEAD wherever GET is routed. */
export function allowHeader(methods: readonly RouteMethod[]): string {
  const all = methods.includes('GET') ? [...methods, 'HEAD'] : [...methods];
  return [...new Set(all)].join(', ');
}

/**
 * 404 RESOURCE_NOT_FOUND for the request's path: mount after every route, before the error middleware.
 * @example app.use(notFound()); app.use(atlasErrors());
 */
export function notFound(): RequestHandler {
  return (req, _res, next) => next(new AtlasError('RESOURCE_NOT_FOUND', [req.originalUrl.split('?')[0]]));
}

/**
 * 405 METHOD_NOT_ALLOWED with `Allow`, for a path that exists under other methods.
 * @example router.route('/groups/:groupId').get(getGroup).all(methodNotAllowed(['GET']));
 */
export function methodNotAllowed(allowed: readonly RouteMethod[]): RequestHandler {
  const allow = allowHeader(allowed);
  return (req, _res, next) => next(new AtlasError('METHOD_NOT_ALLOWED', [req.method], { headers: { Allow: allow } }));
}

/**
 * Declares a path's handlers per method and answers every other method with 405.
 * @example route(router, '/groups/:groupId/encryptionAtRest', { GET: [negotiate(GET_EAR, opts), getEar], PATCH: [...] });
 */
export function route(router: Router, path: string, handlers: Partial<Record<RouteMethod, readonly RequestHandler[]>>): void {
  const r = router.route(path);
  const methods = Object.keys(handlers) as RouteMethod[];
  for (const method of methods) {
    const chain = [...(handlers[method] ?? [])];
    switch (method) {
      case 'GET':
        r.get(chain);
        break;
      case 'POST':
        r.post(chain);
        break;
      case 'PATCH':
        r.patch(chain);
        break;
      case 'PUT':
        r.put(chain);
        break;
      case 'DELETE':
        r.delete(chain);
        break;
    }
  }
  r.all(methodNotAllowed(methods));
}
