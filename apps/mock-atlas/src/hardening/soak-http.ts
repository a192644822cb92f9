// One soak client's connection to the mock: HTTP Digest through urllib (an API key) or a
// Bearer token through fetch (a service account), as MongoDB's own clients authenticate. The
// soak's clock ticks move virtual time on fast (an hour in half a minute against a mock on
// default timings), past a token's hour of life and a nonce's five minutes, so a client renews
// them when the mock says they have expired, as real clients do.
import { request as urllibRequest } from 'urllib';
import { flatHeaders } from '../testing/clients';

/** How a client authenticates. */
export type SoakCredentials =
  | { readonly kind: 'digest'; readonly publicKey: string; readonly privateKey: string }
  | { readonly kind: 'bearer'; readonly clientId: string; readonly clientSecret: string };

/** One response as received. */
export interface HttpReply {
  readonly client: 'urllib' | 'fetch';
  readonly status: number;
  /** Names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A request that got no response (refused, reset, timed out). */
export class ConnectionError extends Error {}

const TIMEOUT_MS = 15_000;
const MAX_AUTH_RETRIES = 3;

/**
 * A client of one mock with one credential; requests are sent one at a time.
 * @example const c = new SoakClient('http://127.0.0.1:8080', { kind: 'digest', publicKey: 'k', privateKey: 's' });
 *          const reply = await c.send('GET', '/api/atlas/v2/groups', 'application/vnd.atlas.2023-01-01+json');
 */
export class SoakClient {
  /**
   * Credentials renewed because the mock's clock outran them: Bearer tokens fetched again after
   * expiring, digest challenges answered again after a stale nonce.
   */
  authRenewals = 0;
  private token: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly credentials: SoakCredentials,
  ) {}

  /** The id the mock's journal records as the principal of this client's requests. */
  get principal(): string {
    return this.credentials.kind === 'digest' ? this.credentials.publicKey : this.credentials.clientId;
  }

  async send(method: string, path: string, accept: string, body?: unknown): Promise<HttpReply> {
    const content = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { Accept: accept, ...(content !== undefined ? { 'Content-Type': 'application/json' } : {}) };
    try {
      if (this.credentials.kind === 'digest') {
        let reply = await this.digest(method, path, headers, content);
        // The nonce aged past its lifetime on the mock's clock between challenge and answer (a
        // tick came in between): RFC 7616 §3.3, answer the fresh challenge without asking.
        for (let retry = 0; retry < MAX_AUTH_RETRIES && reply.status === 401 && /stale=true/i.test(reply.headers['www-authenticate'] ?? ''); retry += 1) {
          this.authRenewals += 1;
          reply = await this.digest(method, path, headers, content);
        }
        return reply;
      }
      let reply = await this.bearer(method, path, headers, content);
      // The token expired on the mock's clock: a new token, and again.
      for (let retry = 0; retry < MAX_AUTH_RETRIES && reply.status === 401; retry += 1) {
        this.token = undefined;
        this.authRenewals += 1;
        reply = await this.bearer(method, path, headers, content);
      }
      return reply;
    } catch (error) {
      if (error instanceof ConnectionError) throw error;
      throw new ConnectionError(`${method} ${path}: ${(error as Error).message}`, { cause: error });
    }
  }

  private async digest(method: string, path: string, headers: Record<string, string>, content: string | undefined): Promise<HttpReply> {
    if (this.credentials.kind !== 'digest') throw new Error('not an API key');
    const res = await urllibRequest(`${this.baseUrl}${path}`, {
      method: method as 'GET',
      headers,
      ...(content !== undefined ? { content } : {}),
      digestAuth: `${this.credentials.publicKey}:${this.credentials.privateKey}`,
      dataType: 'text',
      timeout: TIMEOUT_MS,
    });
    return { client: 'urllib', status: res.status, headers: flatHeaders(res.headers), body: String(res.data ?? '') };
  }

  private async bearer(method: string, path: string, headers: Record<string, string>, content: string | undefined): Promise<HttpReply> {
    this.token ??= await this.fetchToken();
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...headers, Authorization: `Bearer ${this.token}` },
      ...(content !== undefined ? { body: content } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const out: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      out[name] = value;
    });
    return { client: 'fetch', status: res.status, headers: out, body: await res.text() };
  }

  private async fetchToken(): Promise<string> {
    if (this.credentials.kind !== 'bearer') throw new Error('not a service account');
    const basic = Buffer.from(`${this.credentials.clientId}:${this.credentials.clientSecret}`).toString('base64');
    const res = await fetch(`${this.baseUrl}/api/oauth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    if (res.status !== 200) throw new ConnectionError(`POST /api/oauth/token → ${res.status}: ${text.slice(0, 200)}`);
    return (JSON.parse(text) as { access_token: string }).access_token;
  }
}

/**
 * The mock's control API (/_mock), with the control token when the mock requires one
 * (`--control-token`). Each call throws unless the answer is a success.
 * @example await new ControlApi(baseUrl).call('POST', '/_mock/clock', { advance: 'PT1M' });
 */
export class ControlApi {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
