// Typed access to what the middlewares leave in res.locals for each other.
import type { ResolvedVersion } from '@mock-atlas/atlas-http';
import type { Response } from 'express';
import type { Principal } from './auth/credential-store';

/**
 * The API a request is served by: legacy v1.0 (plain JSON) or a v2 media-type version, with the
 * `Deprecation`/`Sunset` headers that version carries (none for a current one).
 */
export type ServedApi =
  | { readonly api: 'v1.0' }
  | ({ readonly api: 'v2'; readonly lifecycle: Readonly<Record<string, string>> } & ResolvedVersion);

const SERVED = 'atlasServedApi';
const PRINCIPAL = 'atlasPrincipal';

/** The API version negotiated for this response, if negotiation ran. */
export function servedApiOf(res: Response): ServedApi | undefined {
  return res.locals[SERVED] as ServedApi | undefined;
}

/** Records the negotiated API version (versioning.ts). */
export function setServedApi(res: Response, served: ServedApi): void {
  res.locals[SERVED] = served;
}

/** The authenticated caller, if authentication ran and succeeded. */
export function principalOf(res: Response): Principal | undefined {
  return res.locals[PRINCIPAL] as Principal | undefined;
}

/** Records the authenticated caller (auth/authenticate.ts). */
export function setPrincipal(res: Response, principal: Principal): void {
  res.locals[PRINCIPAL] = principal;
}

const ON_WRITE = 'atlasOnWrite';

/**
 * Runs `hook` when a response of this request is written (the journal reads the state revision
 * then). A hook in res.locals rather than a wrapped `res.end`: an own `end` on every response
 * object changes its shape, and Node's HTTP internals calling it went megamorphic (~4% of a GET).
 */
export function onResponseWrite(res: Response, hook: () => void): void {
  res.locals[ON_WRITE] = hook;
}

/** Called by every writer of a response (respond.ts, errors.ts, oauth.ts) right before `res.end`. */
export function noteResponseWrite(res: Response): void {
  (res.locals[ON_WRITE] as (() => void) | undefined)?.();
}

const ON_END = 'atlasOnEnd';

/**
 * Runs `hook` once when the response has finished, or its connection closed first, whichever comes
 * first; hooks run in the order they were added. The request log and the journal share one pair
 * of listeners: adding `once` listeners per middleware was ~1% of a request under load.
 */
export function onResponseEnd(res: Response, hook: () => void): void {
  const hooks = res.locals[ON_END] as (() => void)[] | undefined;
  if (hooks) {
    hooks.push(hook);
    return;
  }
  const list = [hook];
  res.locals[ON_END] = list;
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    for (const run of list) run();
  };
  res.on('finish', end);
  res.on('close', end);
}
