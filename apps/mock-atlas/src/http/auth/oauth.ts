// OAuth 2.0 for service accounts (spec info.description; README §5.4): the client-credentials
// grant at POST /api/oauth/token and revocation at POST /api/oauth/revoke, both taking
// application/x-www-form-urlencoded and client authentication by HTTP Basic or form fields, and
// answering as RFC 6749 §5 and RFC 7009 say, which is what strict clients such as oauth4webapi check.
import { hash, randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Clock } from '../clock';
import { route } from '../not-found';
import type { CredentialStore } from './credential-store';
import { safeEqual } from './constant-time';
import { noteResponseWrite } from '../locals';

/** Access-token lifetime in seconds (spec: "valid for 1 hour (3600 seconds)"). */
export const TOKEN_TTL_SECONDS = 3600;

/** The realm of the Basic challenge on invalid_client (ours; Atlas's is not recorded). */
export const OAUTH_REALM = 'MongoDB Atlas';

interface TokenRecord {
  readonly clientId: string;
  readonly expiresAt: number;
}

function digestOf(token: string): string {
  // One-shot hash(): every Bearer request hashes its token, and building a Hash object each
  // time was 2% of a PATCH under load.
  return hash('sha256', token, 'hex');
}

/**
 * Issued bearer tokens, in memory. Only a SHA-256 of each token is kept, so neither an export of
 * this map nor a debugger shows a usable token.
 */
export class BearerTokens {
  readonly #ttlMs: number;
  readonly #tokens = new Map<string, TokenRecord>();

  constructor(ttlSeconds = TOKEN_TTL_SECONDS) {
    this.#ttlMs = ttlSeconds * 1000;
  }

  /** A new opaque token for a client, valid for the TTL from `now`. */
  issue(clientId: string, now: Date): { readonly token: string; readonly expiresIn: number } {
    const at = now.getTime();
    for (const [key, record] of this.#tokens) if (record.expiresAt <= at) this.#tokens.delete(key);
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(digestOf(token), { clientId, expiresAt: at + this.#ttlMs });
    return { token, expiresIn: Math.round(this.#ttlMs / 1000) };
  }

  /** The client a token was issued to, or undefined when unknown, revoked or expired at `now`. */
  verify(token: string, now: Date): string | undefined {
    const record = this.#tokens.get(digestOf(token));
    return record && now.getTime() < record.expiresAt ? record.clientId : undefined;
  }

  /** Revokes a token if it was issued to `clientId` (RFC 7009 §2.1: a client revokes only its own). */
  revoke(token: string, clientId: string): boolean {
    const key = digestOf(token);
    if (this.#tokens.get(key)?.clientId !== clientId) return false;
    return this.#tokens.delete(key);
  }
}

/** Options of {@link oauthRouter}. */
export interface OAuthOptions {
  readonly store: CredentialStore;
  readonly clock: Clock;
  readonly tokens: BearerTokens;
}

type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_grant';

class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
}

/** RFC 6749 §5.1: JSON, and never cached. */
function sendOAuthJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.status(status);
  res.setHeader('Content-Type', 'application/json;charset=UTF-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  noteResponseWrite(res);
  res.end(text);
}

/** RFC 6749 §5.2; invalid_client is a 401 with a Basic challenge. */
function sendOAuthError(res: Response, err: OAuthError): void {
  if (err.code === 'invalid_client') res.setHeader('WWW-Authenticate', `Basic realm="${OAUTH_REALM}"`);
  sendOAuthJson(res, err.code === 'invalid_client' ? 401 : 400, { error: err.code, error_description: err.description });
}

/** RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A form field that appears at most once (RFC 6749 §3.2: parameters must not repeat). */
function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new OAuthError('invalid_request', `The ${name} parameter must be given exactly once.`);
  return value;
}

function formOf(req: Request): Record<string, unknown> {
  if (!req.is('application/x-www-form-urlencoded')) {
    throw new OAuthError('invalid_request', 'The request must be sent as application/x-www-form-urlencoded.');
  }
  return typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
}

/** A client id and secret as presented; Basic may carry them raw or form-urlencoded. */
type Credentials = readonly [clientId: string, secret: string];

/**
 * The credentials a request presents, as candidates to try: from HTTP Basic both the
 * form-urlencoded reading RFC 6749 §2.3.1 prescribes (what oauth4webapi sends) and the raw one
 * (what `printf '%s' "$ID:$SECRET" | base64`, Atlas's own documented example, sends); from the
 * form, the fields. Two methods at once is invalid_request (RFC 6749 §2.3).
 */
function presentedCredentials(req: Request, form: Record<string, unknown>): Credentials[] {
  const header = req.headers.authorization;
  const formId = field(form, 'client_id');
  const formSecret = field(form, 'client_secret');
  if (header === undefined) return formId && formSecret !== undefined ? [[formId, formSecret]] : [];
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  const decoded = m ? Buffer.from(m[1] ?? '', 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0) return [];
  if (formSecret !== undefined) throw new OAuthError('invalid_request', 'Use one client authentication method, not two.');
  const raw: Credentials = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  const encoded: Credentials = [formDecode(raw[0]), formDecode(raw[1])];
  if (formId !== undefined && formId !== raw[0] && formId !== encoded[0]) {
    throw new OAuthError('invalid_request', 'client_id does not match the authenticated client.');
  }
  return encoded[0] === raw[0] && encoded[1] === raw[1] ? [raw] : [encoded, raw];
}

/** The authenticated client id, or an OAuthError (invalid_request for two methods, invalid_client otherwise). */
async function authenticateClient(req: Request, form: Record<string, unknown>, store: CredentialStore): Promise<string> {
  for (const [clientId, secret] of presentedCredentials(req, form)) {
    if (!clientId) continue;
    const account = await store.findServiceAccount(clientId);
    // An unknown client is compared against a throwaway secret so it costs what a known one costs.
    const matches = safeEqual(account?.clientSecret ?? randomBytes(16).toString('hex'), secret);
    if (account && matches) return clientId;
  }
  throw new OAuthError('invalid_client', 'Client authentication failed.');
}

/**
 * The OAuth endpoints; mount at `/api/oauth`:
 * - `POST /token`: `grant_type=client_credentials` → `{access_token, token_type: "Bearer", expires_in: 3600}`;
 * - `POST /revoke`: `token=…` → 200 with an empty body, whether or not the token was live (RFC 7009 §2.2).
 * @example app.use('/api/oauth', oauthRouter({ store, clock, tokens }));
 */
export function oauthRouter(options: OAuthOptions): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 });
  const readForm: express.RequestHandler = (req, res, next) => {
    form(req, res, (err?: unknown) => (err ? sendOAuthError(res, new OAuthError('invalid_request', 'The request body could not be read.')) : next()));
  };
  const handle =
    (fn: (req: Request, res: Response) => Promise<void>): express.RequestHandler =>
    (req, res, next) => {
      fn(req, res).catch((err: unknown) => (err instanceof OAuthError ? sendOAuthError(res, err) : next(err)));
    };

  route(router, '/token', {
    POST: [
      readForm,
      handle(async (req, res) => {
      const body = formOf(req);
      const clientId = await authenticateClient(req, body, options.store);
      const grant = field(body, 'grant_type');
      if (grant === undefined) throw new OAuthError('invalid_request', 'The grant_type parameter is required.');
      if (grant !== 'client_credentials') throw new OAuthError('unsupported_grant_type', 'Only the client_credentials grant is supported.');
      const { token, expiresIn } = options.tokens.issue(clientId, options.clock.now());
      sendOAuthJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn });
      }),
    ],
  });

  route(router, '/revoke', {
    POST: [
      readForm,
      handle(async (req, res) => {
      const body = formOf(req);
      const clientId = await authenticateClient(req, body, options.store);
      const token = field(body, 'token');
      if (!token) throw new OAuthError('invalid_request', 'The token parameter is required.');
      options.tokens.revoke(token, clientId);
      res.status(200);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Length', 0);
      noteResponseWrite(res);
      res.end();
      }),
    ],
  });
  return router;
}
