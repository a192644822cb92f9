// An HTTP Digest client for load runs, as a long-lived SDK client behaves: it answers one
// challenge, then reuses that nonce for every request of its connection with an increasing
// nonce count (RFC 7616 §3.4), which mock-atlas accepts until the nonce expires (300 s).
import { createHash } from 'node:crypto';
import type { Random } from './random';

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** The nonce of the first (MD5) challenge of a 401's `WWW-Authenticate`. */
export function nonceOf(wwwAuthenticate: string | null): string {
  const nonce = /nonce="([^"]+)"/.exec(wwwAuthenticate ?? '')?.[1];
  if (!nonce) throw new Error(`no digest challenge in ${JSON.stringify(wwwAuthenticate)}`);
  return nonce;
}

/** Asks for a fresh nonce: one unauthenticated request, answered 401 with the challenges. */
export async function freshNonce(url: string, accept: string): Promise<string> {
  const res = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(30_000) });
  await res.arrayBuffer();
  if (res.status !== 401) throw new Error(`${url}: expected a 401 challenge, got ${res.status}`);
  return nonceOf(res.headers.get('www-authenticate'));
}

/**
 * The Authorization headers of one connection: one nonce, nc 1, 2, 3…, MD5, qop=auth.
 * @example const auth = new DigestSession({ username, password, nonce, method: 'GET', uri: path }, random); auth.next()
 */
export class DigestSession {
  readonly #ha1: string;
  readonly #ha2: string;
  readonly #cnonce: string;
  #nc = 0;

  constructor(
    readonly p: { readonly username: string; readonly password: string; readonly realm?: string; readonly nonce: string; readonly method: string; readonly uri: string },
    random: Random,
  ) {
    this.#ha1 = md5(`${p.username}:${p.realm ?? 'MMS Public API'}:${p.password}`);
    this.#ha2 = md5(`${p.method}:${p.uri}`);
    this.#cnonce = random.hex(16);
  }

  /** The header for the next request. */
  next(): string {
    this.#nc += 1;
    const nc = this.#nc.toString(16).padStart(8, '0');
    const response = md5(`${this.#ha1}:${this.p.nonce}:${nc}:${this.#cnonce}:auth:${this.#ha2}`);
    return (
      `Digest username="${this.p.username}", realm="${this.p.realm ?? 'MMS Public API'}", nonce="${this.p.nonce}", uri="${this.p.uri}", ` +
      `algorithm=MD5, response="${response}", qop=auth, nc=${nc}, cnonce="${this.#cnonce}"`
    );
  }
}
