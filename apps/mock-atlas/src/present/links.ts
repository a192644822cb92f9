import type { Request } from 'express';

/** The base URL a client used, so links point back at this mock however it was reached. */
export function baseUrlOf(req: Request): string {
  // What req.protocol answers when no proxy is trusted (the mock never sets 'trust proxy'), read
  // from the socket: the getter looks the setting up on every call, for every link of every body.
  const protocol = (req.socket as { encrypted?: boolean }).encrypted === true ? 'https' : 'http';
  return `${protocol}://${req.headers.host ?? 'localhost'}`;
}

/** The API root of the request's mount (`…/api/atlas/v2` or `…/api/atlas/v1.0`). */
export function apiRootOf(req: Request): string {
  return `${baseUrlOf(req)}${req.baseUrl}`;
}

/** A `self` link to the resource the request addressed. */
export function selfLink(req: Request): { href: string; rel: 'self' } {
  return { href: `${baseUrlOf(req)}${req.originalUrl.split('?')[0]}`, rel: 'self' };
}
