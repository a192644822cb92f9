// The /_mock control API can read every secret-free detail of the state and change anything
// (load projects, create API keys, import a whole state). On loopback that is what a test wants;
// on a shared host it is not, so `--control-token` makes every control call show a bearer token.
import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AtlasError } from '@mock-atlas/atlas-http';
import { safeEqual } from './auth/constant-time';

/** The environment variable that sets the control token when --control-token is not given. */
export const CONTROL_TOKEN_ENV = 'MOCK_ATLAS_CONTROL_TOKEN';

/** The `--control-token` value that asks the mock to generate a token (printed once at start). */
export const GENERATED_CONTROL_TOKEN = 'auto';

/** What a token must look like: 16 to 512 visible ASCII characters, so that it fits a header as it is. */
export const CONTROL_TOKEN_SHAPE = /^[\x21-\x7e]{16,512}$/;

/** The challenge of a refused control call (RFC 6750 §3). */
export const CONTROL_TOKEN_CHALLENGE = 'Bearer realm="mock-atlas control API"';

/**
 * A fresh control token: 32 random bytes, base64url (43 characters).
 * @example const token = generateControlToken();
 */
export function generateControlToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Lets a request through only with `Authorization: Bearer <token>` (compared in constant time);
 * anything else is a 401 CONTROL_API_UNAUTHORIZED with a Bearer challenge, before any route runs,
 * so an unauthenticated caller cannot even tell which control paths exist.
 * @example app.use('/_mock', requireControlToken(token), controlRouter);
 */
export function requireControlToken(token: string): RequestHandler {
  return (req, _res, next) => {
    const presented = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '')?.[1];
    if (presented !== undefined && safeEqual(presented, token)) {
      next();
      return;
    }
    next(new AtlasError('CONTROL_API_UNAUTHORIZED', [], { headers: { 'WWW-Authenticate': CONTROL_TOKEN_CHALLENGE } }));
  };
}
