// Who is calling: HTTP Digest (API keys) or a Bearer token (service accounts). Anything else,
// including no Authorization at all, gets the Atlas digest challenge.
import type { RequestHandler } from 'express';
import type { Clock } from '../clock';
import { setPrincipal } from '../locals';
import type { CredentialStore } from './credential-store';
import { sendChallenge } from '../errors';
import type { DigestAuth, DigestFailure } from './digest';
import type { BearerTokens } from './oauth';

/** Options of {@link authenticate}. */
export interface AuthenticateOptions {
  readonly digest: DigestAuth;
  readonly tokens: BearerTokens;
  readonly store: CredentialStore;
  readonly clock: Clock;
  /** Told why a request was refused (for the log; the reason is never sent to the client). */
  readonly onRefused?: (failure: DigestFailure | 'no-credentials' | 'invalid-token') => void;
}

/**
 * A bearer token's refusal (RFC 6750 §3.1); the body is Atlas's 401 body [inferred: Atlas's answer
 * to a bad token is not recorded].
 */
export const INVALID_TOKEN_CHALLENGE = 'Bearer error="invalid_token", error_description="The access token is invalid or has expired."';

/**
 * Authenticates the request and records the principal (`principalOf(res)`), or answers 401:
 * the digest challenge (with `stale=true` after a right answer to an expired nonce), or a Bearer
 * `invalid_token` challenge for a token that is unknown, revoked or expired on the injected clock.
 * @example v2.use(authenticate({ digest, tokens, store, clock }));
 */
export function authenticate(options: AuthenticateOptions): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const scheme = /^(\S+)\s+([\s\S]*)$/.exec(header);
    const name = scheme?.[1]?.toLowerCase();
    if (name === 'digest') {
      const outcome = await options.digest.verify(req, scheme?.[2] ?? '');
      if (outcome.ok) {
        setPrincipal(res, outcome.principal);
        next();
        return;
      }
      options.onRefused?.(outcome.failure);
      options.digest.challenge(res, outcome.stale);
      return;
    }
    if (name === 'bearer') {
      const clientId = options.tokens.verify((scheme?.[2] ?? '').trim(), options.clock.now());
      const account = clientId === undefined ? undefined : await options.store.findServiceAccount(clientId);
      if (clientId !== undefined && account) {
        setPrincipal(res, { kind: 'serviceAccount', id: clientId, grants: account.grants });
        next();
        return;
      }
      options.onRefused?.('invalid-token');
      sendChallenge(res, [INVALID_TOKEN_CHALLENGE]);
      return;
    }
    options.onRefused?.('no-credentials');
    options.digest.challenge(res, false);
  };
}
