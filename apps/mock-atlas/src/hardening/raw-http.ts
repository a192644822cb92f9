// An HTTP/1.1 client made of a bare TCP socket, for requests that real clients refuse to send:
// invalid UTF-8 bytes in the request target, broken chunked encoding, both Content-Length and
// Transfer-Encoding, header blocks over the server's limit. It writes exactly the bytes it is
// given and reads one response, so what the test sends is what the server's parser sees.
import { connect } from 'node:net';

/** One response as it came off the wire. */
export interface RawReply {
  readonly status: number;
  /** The reason phrase of the status line. */
  readonly reason: string;
  /** Header names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The body as UTF-8 text. */
  readonly text: string;
}

/** A request as parts: written as `METHOD target HTTP/1.1`, the headers, a blank line, the body. */
export interface RawRequest {
  readonly method: string;
  /** The request target exactly as sent: path and query, any bytes. */
  readonly target: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as it is: with `Content-Length` unless the headers set `Transfer-Encoding` or `Content-Length`. */
  readonly body?: string | Buffer;
}

/**
 * The bytes of a request. `Host` and `Connection: close` are added unless given; a body gets a
 * `Content-Length` unless the headers already frame it.
 * @example requestBytes({ method: 'GET', target: '/api/atlas/v2/groups' })
 */
export function requestBytes(request: RawRequest): Buffer {
  const headers: Record<string, string> = { Host: 'mock-atlas', Connection: 'close', ...request.headers };
  const names = Object.keys(headers).map((name) => name.toLowerCase());
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  if (body && !names.includes('content-length') && !names.includes('transfer-encoding')) headers['Content-Length'] = String(body.length);
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return Buffer.concat([Buffer.from(`${request.method} `, 'latin1'), Buffer.from(request.target), Buffer.from(` HTTP/1.1\r\n${head}\r\n`, 'latin1'), body ?? Buffer.alloc(0)]);
}

function parseHead(head: string): Omit<RawReply, 'body' | 'text'> {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(statusLine);
  if (!m) throw new Error(`not an HTTP response: ${JSON.stringify(statusLine.slice(0, 80))}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status: Number(m[1]), reason: m[2] ?? '', headers };
}

/** The complete response in `data`, or undefined while more is due (Content-Length or close framing). */
function completeReply(data: Buffer, closed: boolean): RawReply | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) {
    if (closed) throw new Error(`the connection closed before a response arrived (${data.length} bytes)`);
    return undefined;
  }
  const head = parseHead(data.subarray(0, end).toString('latin1'));
  if (head.headers['transfer-encoding'] !== undefined) throw new Error('chunked responses are not expected from the mock');
  const rest = data.subarray(end + 4);
  const length = head.headers['content-length'];
  const noBody = head.status === 204 || head.status === 304;
  let body: Buffer;
  if (noBody) body = Buffer.alloc(0);
  else if (length !== undefined) {
    if (rest.length < Number(length)) {
      if (closed) throw new Error(`the connection closed after ${rest.length} of ${length} body bytes`);
      return undefined;
    }
    body = rest.subarray(0, Number(length));
  } else if (closed) body = rest;
  else return undefined;
  return { ...head, body, text: body.toString('utf8') };
}

/** Options of {@link sendRaw}. */
export interface SendRawOptions {
  /** Gives up (rejects) after this long: the server hung. Default 15 s. */
  readonly timeoutMs?: number;
}

/**
 * Sends `bytes` on a new connection and resolves with the first response. A server that answers
 * early and stops reading (a 413 before the body is in) may make the write fail; the response
 * still counts, as it would for a browser.
 * @example const reply = await sendRaw(port, requestBytes({ method: 'GET', target: Buffer.from('/api/\xff', 'latin1') }));
 */
export function sendRaw(port: number, bytes: Buffer, options: SendRawOptions = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    const check = (closed: boolean): void => {
      try {
        const reply = completeReply(Buffer.concat(chunks), closed);
        if (reply) settle(() => resolve(reply));
      } catch (error) {
        settle(() => reject(error));
      }
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`no response within ${options.timeoutMs ?? 15_000} ms`))), options.timeoutMs ?? 15_000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      check(false);
    });
    socket.on('close', () => check(true));
    // EPIPE / ECONNRESET while writing after the server answered: what was read still decides.
    socket.on('error', () => check(true));
    socket.write(bytes);
  });
}
