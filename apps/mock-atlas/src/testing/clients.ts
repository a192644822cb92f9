// The clients the acceptance suite talks to mock-atlas with, each recording what it receives:
// urllib for HTTP Digest (an npm digest implementation), fetch for Bearer tokens and for
// requests without credentials, and real curl (/usr/bin/curl) run through a shell.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { request as urllibRequest } from 'urllib';
import type { Reply, ResponseRecorder } from './recorder';

const run = promisify(execFile);

/** The Accept header MongoDB's own clients send to every v2 endpoint (PRODUCT.md, issue 3 §1). */
export const CLIENT_V2_ACCEPT = 'application/vnd.atlas.2025-03-12+json';

/** How a request authenticates: an API key pair over Digest, a Bearer token, or nothing. */
export type Credentials = { readonly digest: string } | { readonly bearer: string } | undefined;

/** A request of the suite; paths are relative to the server's base URL. */
export interface RequestSpec {
  readonly method?: string;
  readonly path: string;
  readonly accept?: string;
  readonly contentType?: string;
  /** A string is sent as it is (broken JSON included); anything else as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Response headers as one lower-case name → one string (repeated headers joined by `, `). */
export function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function bodyText(body: unknown): string | undefined {
  return body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
}

function requestHeaders(spec: RequestSpec): Record<string, string> {
  return {
    ...(spec.accept ? { Accept: spec.accept } : {}),
    ...(spec.body !== undefined ? { 'Content-Type': spec.contentType ?? 'application/json' } : {}),
    ...spec.headers,
  };
}

/**
 * A client of one running mock with one set of credentials; every response is recorded.
 * @example const owner = new AtlasClient(recorder, atlas.baseUrl, { digest: 'owner:secret' });
 *          const res = await owner.send({ path: `/api/atlas/v2/groups/${id}`, accept: CLIENT_V2_ACCEPT });
 */
export class AtlasClient {
  constructor(
    readonly recorder: ResponseRecorder,
    readonly baseUrl: string,
    readonly credentials?: Credentials,
    /** The server's control token (`--control-token`): sent as a Bearer token on /_mock calls made without credentials. */
    readonly controlToken?: string,
  ) {}

  /** The same server with other credentials (the control token stays). */
  as(credentials: Credentials): AtlasClient {
    return new AtlasClient(this.recorder, this.baseUrl, credentials, this.controlToken);
  }

  async send(spec: RequestSpec): Promise<Reply> {
    const method = spec.method ?? 'GET';
    const url = `${this.baseUrl}${spec.path}`;
    const headers = requestHeaders(spec);
    const content = bodyText(spec.body);
    if (this.credentials && 'digest' in this.credentials) {
      const res = await urllibRequest(url, {
        method: method as 'GET',
        headers,
        ...(content !== undefined ? { content } : {}),
        digestAuth: this.credentials.digest,
        dataType: 'text',
        timeout: 10_000,
      });
      return this.recorder.record({ client: 'urllib', method, url, status: res.status, headers: flatHeaders(res.headers), body: String(res.data ?? '') });
    }
    const bearer =
      this.credentials && 'bearer' in this.credentials ? this.credentials.bearer : !this.credentials && spec.path.startsWith('/_mock') ? this.controlToken : undefined;
    const auth: Record<string, string> = bearer !== undefined ? { Authorization: `Bearer ${bearer}` } : {};
    const res = await fetch(url, { method, headers: { ...headers, ...auth }, ...(content !== undefined ? { body: content } : {}) });
    const resHeaders: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      resHeaders[name] = value;
    });
    return this.recorder.record({ client: 'fetch', method, url, status: res.status, headers: resHeaders, body: await res.text() });
  }

  get(path: string, accept?: string): Promise<Reply> {
    return this.send({ path, ...(accept ? { accept } : {}) });
  }

  patch(path: string, body: unknown, accept?: string): Promise<Reply> {
    return this.send({ method: 'PATCH', path, body, ...(accept ? { accept } : {}) });
  }
}

// curl writes the body, then this marker and the response's metadata as JSON.
const WRITE_OUT_MARKER = '\n--curl-write-out--\n';
const WRITE_OUT = `${WRITE_OUT_MARKER}{"status":%{http_code},"method":"%{method}","url":"%{url_effective}","headers":%{header_json}}`;

/** What `curl --write-out` reports about the last response of a transfer. */
interface CurlMeta {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string[]>;
}

/**
 * Runs a curl command line through /bin/sh exactly as written, with `--silent --show-error`
 * and a `--write-out` appended (they change what curl prints, not what it sends), and records
 * the final response (after curl's own digest round trip).
 * @example await runCurl(recorder, `curl --digest --user "k:s" "${url}"`)
 */
export async function runCurl(recorder: ResponseRecorder, commandLine: string, options: { readonly env?: NodeJS.ProcessEnv } = {}): Promise<Reply> {
  if (!/^\/usr\/bin\/curl /.test(commandLine)) throw new Error(`not a /usr/bin/curl command: ${commandLine.slice(0, 40)}`);
  const script = `${commandLine} --silent --show-error --write-out '${WRITE_OUT}'`;
  const { stdout } = await run('/bin/sh', ['-c', script], { env: options.env ?? process.env, timeout: 15_000 });
  const at = stdout.lastIndexOf(WRITE_OUT_MARKER);
  if (at < 0) throw new Error(`curl printed no --write-out: ${stdout.slice(0, 300)}`);
  const meta = JSON.parse(stdout.slice(at + WRITE_OUT_MARKER.length)) as CurlMeta;
  const headers = Object.fromEntries(Object.entries(meta.headers).map(([name, values]) => [name.toLowerCase(), values.join(', ')]));
  return recorder.record({ client: 'curl', method: meta.method, url: meta.url, status: meta.status, headers, body: stdout.slice(0, at) });
}

/**
 * A shell word in single quotes, for building curl command lines.
 * @example shellQuote("it's") // "'it'\\''s'"
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
