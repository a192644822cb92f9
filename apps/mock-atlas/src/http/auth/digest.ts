// HTTP Digest as Atlas speaks it (atlas-openapi README §5.4, §8): realm "MMS Public API",
// domain="", a fresh 32-character nonce per challenge, qop="auth", no opaque. Atlas offers MD5
// only; the mock offers the Atlas MD5 challenge first and a SHA-256 one after it (RFC 7616), so
// clients that take the first challenge behave exactly as against Atlas.
import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { sendChallenge } from '../errors';
import type { Clock } from '../clock';
import type { CredentialStore, Principal } from './credential-store';
import { safeEqual } from './constant-time';

/** The realm Atlas challenges with. */
export const DIGEST_REALM = 'MMS Public API';

/** The default nonce lifetime in seconds. */
export const DEFAULT_NONCE_TTL_SECONDS = 300;

/** The digest algorithms the mock accepts. */
export type DigestAlgorithm = 'MD5' | 'SHA-256';

/** Options of {@link DigestAuth}. */
export interface DigestOptions {
  readonly store: CredentialStore;
  readonly clock: Clock;
  /** Seconds a nonce stays valid (default 300); an older one gets `stale=true`. */
  readonly nonceTtlSeconds?: number;
  /** The challenges offered, in order (default MD5 then SHA-256). */
  readonly algorithms?: readonly DigestAlgorithm[];
}

/** Why a digest answer was refused; for logs and tests, never shown to the client. */
export type DigestFailure = 'malformed' | 'unsupported' | 'uri-mismatch' | 'unknown-key' | 'wrong-response' | 'stale-nonce' | 'replayed-nc';

/** The verdict on an `Authorization: Digest …` header. */
export type DigestOutcome =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly stale: boolean; readonly failure: DigestFailure };

interface NonceState {
  readonly issuedAt: number;
  lastNc: number;
}

const PARAM = /\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s",]*))\s*(?:,|$)/y;
const REQUIRED = ['username', 'realm', 'nonce', 'uri', 'response', 'qop', 'nc', 'cnonce'] as const;

/**
 * The parameters of an auth header after its scheme (`username="k", nc=00000001, …`), or undefined
 * when malformed or a parameter repeats.
 */
export function parseAuthParams(input: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  PARAM.lastIndex = 0;
  while (PARAM.lastIndex < input.length) {
    const start = PARAM.lastIndex;
    const m = PARAM.exec(input);
    if (!m || PARAM.lastIndex === start) return input.slice(start).trim() === '' ? out : undefined;
    const key = (m[1] ?? '').toLowerCase();
    if (out.has(key)) return undefined;
    out.set(key, m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? ''));
  }
  return out;
}

function hash(algorithm: DigestAlgorithm, text: string): string {
  return createHash(algorithm === 'MD5' ? 'md5' : 'sha256')
    .update(text, 'utf8')
    .digest('hex');
}

/** RFC 7616 §3.4.1 with qop=auth. */
export function digestResponse(
  algorithm: DigestAlgorithm,
  p: { username: string; realm: string; password: string; method: string; uri: string; nonce: string; nc: string; cnonce: string; qop: string },
): string {
  const ha1 = hash(algorithm, `${p.username}:${p.realm}:${p.password}`);
  const ha2 = hash(algorithm, `${p.method}:${p.uri}`);
  return hash(algorithm, `${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
}

function algorithmOf(name: string | undefined): DigestAlgorithm | undefined {
  const upper = (name ?? 'MD5').toUpperCase();
  return upper === 'MD5' || upper === 'SHA-256' ? upper : undefined;
}

/** Whether the digest `uri` names this request: its origin-form, or an absolute URI with that path and query. */
function uriMatches(uri: string, req: Request): boolean {
  if (uri === req.originalUrl) return true;
  try {
    const url = new URL(uri);
    return `${url.pathname}${url.search}` === req.originalUrl;
  } catch {
    return false;
  }
}

/**
 * HTTP Digest authentication with nonce expiry and nonce-count replay protection. Nonces live in
 * memory, keyed by value, and expire on the injected clock.
 */
export class DigestAuth {
  readonly #store: CredentialStore;
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #algorithms: readonly DigestAlgorithm[];
  readonly #nonces = new Map<string, NonceState>();

  constructor(options: DigestOptions) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#ttlMs = (options.nonceTtlSeconds ?? DEFAULT_NONCE_TTL_SECONDS) * 1000;
    this.#algorithms = options.algorithms ?? ['MD5', 'SHA-256'];
  }

  /**
   * Issues a fresh nonce and returns the `WWW-Authenticate` values, one per algorithm, e.g.
   * `Digest realm="MMS Public API", domain="", nonce="…", algorithm=MD5, qop="auth", stale=false`.
   */
  challenges(stale = false): string[] {
    const now = this.#clock.now().getTime();
    for (const [nonce, state] of this.#nonces) if (now - state.issuedAt > this.#ttlMs) this.#nonces.delete(nonce);
    // 24 random bytes are 32 base64 characters, with '+' and '/', like Atlas's nonces.
    const nonce = randomBytes(24).toString('base64');
    this.#nonces.set(nonce, { issuedAt: now, lastNc: 0 });
    return this.#algorithms.map(
      (algorithm) => `Digest realm="${DIGEST_REALM}", domain="", nonce="${nonce}", algorithm=${algorithm}, qop="auth", stale=${stale}`,
    );
  }

  /** Answers with a 401 challenge (a fresh nonce; `stale=true` when only the nonce was wrong). */
  challenge(res: Response, stale = false): void {
    sendChallenge(res, this.challenges(stale));
  }

  /** Checks the parameters of an `Authorization: Digest` header (without the scheme) against the request. */
  async verify(req: Request, params: string): Promise<DigestOutcome> {
    const p = parseAuthParams(params);
    if (!p || REQUIRED.some((k) => !p.get(k))) return { ok: false, stale: false, failure: 'malformed' };
    const get = (k: (typeof REQUIRED)[number]): string => p.get(k) ?? '';
    const algorithm = algorithmOf(p.get('algorithm'));
    if (!algorithm || !this.#algorithms.includes(algorithm) || get('qop') !== 'auth' || get('realm') !== DIGEST_REALM) {
      return { ok: false, stale: false, failure: 'unsupported' };
    }
    if (!/^[0-9a-fA-F]{8}$/.test(get('nc'))) return { ok: false, stale: false, failure: 'malformed' };
    if (!uriMatches(get('uri'), req)) return { ok: false, stale: false, failure: 'uri-mismatch' };

    const username = get('username');
    const key = await this.#store.findApiKey(username);
    // An unknown key is hashed against a throwaway secret so it costs what a known one costs.
    const expected = digestResponse(algorithm, {
      username,
      realm: DIGEST_REALM,
      password: key?.privateKey ?? randomBytes(16).toString('hex'),
      method: req.method,
      uri: get('uri'),
      nonce: get('nonce'),
      nc: get('nc'),
      cnonce: get('cnonce'),
      qop: 'auth',
    });
    const matches = safeEqual(expected, get('response').toLowerCase());
    if (!key || !matches) return { ok: false, stale: false, failure: key ? 'wrong-response' : 'unknown-key' };

    const state = this.#nonces.get(get('nonce'));
    const now = this.#clock.now().getTime();
    // A right answer to a nonce we no longer (or never) issued: the client only needs a new nonce.
    if (!state || now - state.issuedAt > this.#ttlMs) return { ok: false, stale: true, failure: 'stale-nonce' };
    const nc = parseInt(get('nc'), 16);
    if (nc <= state.lastNc) return { ok: false, stale: false, failure: 'replayed-nc' };
    state.lastNc = nc;
    return { ok: true, principal: { kind: 'apiKey', id: username, grants: key.grants } };
  }
}
