// The secrets canary's HTTP(S) client: node:http / node:https with nothing in between, so the
// capture holds the status line, every raw header and the body exactly as the mock sent them.
// HTTP Digest is computed here (RFC 7616, MD5, qop=auth) rather than by a library, so that a test
// can also send deliberately wrong answers (a secret as the username, as the response).
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Capture } from './canary-capture';

/** A request: path relative to the base URL, headers as sent, body as text or bytes. */
export interface CanaryRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** A response as received. */
export interface CanaryReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  json<T = Record<string, unknown>>(): T;
}

/** What a digest answer is made of; a test may replace any part with a wrong value. */
export interface DigestParts {
  readonly username: string;
  readonly password: string;
  readonly cnonce?: string;
  /** Replaces the computed response. */
  readonly response?: string;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/**
 * Sends requests to one mock and records each response (status, raw headers, body) in a capture.
 * @example const client = new CanaryClient(atlas.baseUrl, tls.cert, capture); await client.send({ method: 'GET', path: '/_mock/state' });
 */
export class CanaryClient {
  constructor(
    readonly baseUrl: string,
    /** The CA to trust for an https base URL (the mock's self-signed certificate). */
    private readonly ca: string | undefined,
    private readonly capture: Capture,
    /** Sent as `Authorization: Bearer` on /_mock calls that carry no Authorization of their own. */
    private readonly controlToken?: string,
  ) {}

  send(req: CanaryRequest): Promise<CanaryReply> {
    const url = new URL(`${this.baseUrl}${req.path}`);
    const controlAuth = req.path.startsWith('/_mock') && this.controlToken !== undefined && !req.headers?.['Authorization'] ? { Authorization: `Bearer ${this.controlToken}` } : {};
    const headers = { ...controlAuth, ...req.headers, ...(req.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(req.body)) } : {}) };
    const options = { method: req.method, headers, agent: false as const, ...(this.ca ? { ca: this.ca } : {}) };
    return new Promise((resolve, reject) => {
      const onResponse = (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const raw = res.rawHeaders.reduce<string[]>((lines, v, i, all) => (i % 2 === 0 ? [...lines, `${v}: ${all[i + 1]}`] : lines), []);
          this.capture.add(`response ${req.method} ${req.path}`, `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\n${raw.join('\n')}\n\n${body}`);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body) as T });
        });
        res.on('error', reject);
      };
      const r = url.protocol === 'https:' ? httpsRequest(url, options, onResponse) : httpRequest(url, options, onResponse);
      r.on('error', reject);
      r.end(req.body);
    });
  }

  /** A JSON request (the body serialised here unless it is already text). */
  json(method: string, path: string, body: unknown, headers: Readonly<Record<string, string>> = {}): Promise<CanaryReply> {
    return this.send({ method, path, headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  }

  /**
   * The request with HTTP Digest: an unauthenticated round trip for the MD5 challenge, then the
   * answer computed from `parts` (or the wrong answer `parts` asks for).
   */
  async digest(req: CanaryRequest, parts: DigestParts): Promise<CanaryReply> {
    const challenge = await this.send({ method: req.method, path: req.path, ...(req.headers ? { headers: req.headers } : {}) });
    const offers = ([] as string[]).concat(challenge.headers['www-authenticate'] ?? []);
    const md5Offer = offers.find((o) => /algorithm=MD5/.test(o)) ?? '';
    const nonce = /nonce="([^"]+)"/.exec(md5Offer)?.[1];
    if (!nonce) throw new Error(`no MD5 digest challenge for ${req.method} ${req.path}: ${challenge.status} ${offers.join(' | ')}`);
    const realm = 'MMS Public API';
    const cnonce = parts.cnonce ?? randomBytes(8).toString('hex');
    const nc = '00000001';
    const ha1 = md5(`${parts.username}:${realm}:${parts.password}`);
    const ha2 = md5(`${req.method}:${req.path}`);
    const response = parts.response ?? md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
    const authorization = `Digest username="${parts.username}", realm="${realm}", nonce="${nonce}", uri="${req.path}", algorithm=MD5, response="${response}", qop=auth, nc=${nc}, cnonce="${cnonce}"`;
    return this.send({ ...req, headers: { ...req.headers, Authorization: authorization } });
  }
}
