// Requests that never reach Express because Node's HTTP parser refuses them: a request line and
// headers over the size limit (a 100 KB query string), a malformed request line or header, broken
// chunked encoding, Content-Length together with Transfer-Encoding, a request that does not
// arrive in time. Node's own answer is a status line with no body, which an Atlas client cannot
// read; here the server's `clientError` event answers with an Atlas error body from the one
// catalogue instead, with the statuses Node would have used (400, 431, 408).
import { AtlasError } from '@mock-atlas/atlas-http';
import { maxHeaderSize as defaultMaxHeaderSize, type Server, type ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { PLAIN_JSON } from '../http/respond';

/**
 * How long a refused connection may keep sending before it is cut. The client's remaining bytes
 * are read and dropped meanwhile: closing with unread data would make the kernel send a reset,
 * which can destroy the answer before the client has read it.
 */
const LINGER_MS = 2_000;

/** What Node attaches to a parser error. */
interface ParserError extends Error {
  readonly code?: string;
  /** llhttp's reason: a fixed text per error, never request bytes. */
  readonly reason?: unknown;
}

/** llhttp's reason if it is the short fixed sentence it should be; the request's bytes are never echoed. */
function describe(err: ParserError): string {
  const reason = typeof err.reason === 'string' ? err.reason.replace(/\.$/, '') : '';
  return /^[A-Za-z][\w ,'-]{0,99}$/.test(reason) ? reason : 'the request cannot be parsed';
}

/**
 * The Atlas error for a parser-level failure: 431 REQUEST_HEADER_FIELDS_TOO_LARGE for a request
 * line and headers over `headerLimit` bytes, 408 REQUEST_TIMEOUT for a request that stalled,
 * 400 MALFORMED_HTTP_REQUEST for everything else.
 * @example clientErrorOf(Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_CHUNK_SIZE', reason: 'Invalid character in chunk size' }), 16384)
 * // → AtlasError MALFORMED_HTTP_REQUEST, detail 'The request is not valid HTTP/1.1: Invalid character in chunk size.'
 */
export function clientErrorOf(err: ParserError, headerLimit: number): AtlasError {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AtlasError('REQUEST_HEADER_FIELDS_TOO_LARGE', [headerLimit]);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AtlasError('REQUEST_TIMEOUT');
    default:
      return new AtlasError('MALFORMED_HTTP_REQUEST', [describe(err)]);
  }
}

/**
 * The whole HTTP response for `err`: Atlas body, `X-Error-Code`, plain JSON, and the connection closes.
 * @example socket.end(clientErrorResponse(new AtlasError('REQUEST_TIMEOUT'))) // 'HTTP/1.1 408 Request Timeout\r\n…'
 */
export function clientErrorResponse(err: AtlasError): string {
  const body = err.body();
  const text = JSON.stringify(body);
  return [
    `HTTP/1.1 ${err.status} ${body.reason}`,
    `Content-Type: ${PLAIN_JSON}`,
    `Content-Length: ${Buffer.byteLength(text)}`,
    `X-Error-Code: ${err.code}`,
    'Connection: close',
    '',
    text,
  ].join('\r\n');
}

/**
 * Answers every request the HTTP parser refuses with an Atlas error body (see the top of this
 * file). As Node does by default, nothing is written when a response on that connection has
 * already started: the connection is cut instead, so the client never reads two status lines.
 * @example const server = createServer(app); answerClientErrors(server);
 */
export function answerClientErrors(server: Server | HttpsServer, headerLimit = defaultMaxHeaderSize): void {
  const answered = new WeakSet<Duplex>();
  server.on('clientError', (err: ParserError, socket: Duplex) => {
    // The parser reports each later chunk of a refused connection again; one answer is enough.
    if (answered.has(socket)) return;
    answered.add(socket);
    // The response in progress on this connection, read as Node's own default handler reads it
    // (only when an error happens, rather than noting every request's response).
    const res = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;
    const started = res !== undefined && res.headersSent && !res.writableFinished;
    if (err.code === 'ECONNRESET' || !socket.writable || started) {
      socket.destroy();
      return;
    }
    socket.on('error', () => socket.destroy());
    socket.end(clientErrorResponse(clientErrorOf(err, headerLimit)));
    socket.resume();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}
