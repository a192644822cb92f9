import type { Request } from 'express';

/** The base URL a client used, so links point back at this mock however it was reached. */
export function baseUrlOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** The API root of the request's mount (`…/api/atlas/v2` or `…/api/atlas/v1.0`). */
export function apiRootOf(req: Request): string {
  return `${baseUrlOf(req)}${req.baseUrl}`;
}

/** A `self` link to the resource the request addressed. */
export function selfLink(req: Request): { href: string; rel: 'self' } {
  return { href: `${baseUrlOf(req)}${req.originalUrl.split('?')[0]}`, rel: 'self' };
}
