import { AtlasError } from '@mock-atlas/atlas-http';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { requestBytes, sendRaw } from '../hardening/raw-http';
import { answerClientErrors, clientErrorOf, clientErrorResponse } from './client-errors';

let server: Server | undefined;

/** A bare server whose handler reads the body and answers 200 `{}`, or runs `handle`; Atlas answers to parser errors. */
async function start(options: { requestTimeout?: number; handle?: Parameters<typeof createServer>[1] } = {}): Promise<number> {
  const timeouts = options.requestTimeout ? { requestTimeout: options.requestTimeout, headersTimeout: options.requestTimeout, connectionsCheckingInterval: 50 } : {};
  const readThenAnswer: Parameters<typeof createServer>[1] = (req, res) => {
    req.resume();
    req.on('end', () => res.end('{}'));
  };
  server = createServer(timeouts, options.handle ?? readThenAnswer);
  answerClientErrors(server);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Everything the server sends on one connection until it closes it. */
function everythingSent(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(bytes);
  });
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('answerClientErrors', () => {
  it('a request line and headers over 16 KiB → 431 with an Atlas body (Node alone sends no body)', async () => {
    const reply = await sendRaw(await start(), requestBytes({ method: 'GET', target: `/?q=${'a'.repeat(100 * 1024)}` }));
    expect(reply.status).toBe(431);
    expect(reply.reason).toBe('Request Header Fields Too Large');
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.headers['x-error-code']).toBe('REQUEST_HEADER_FIELDS_TOO_LARGE');
    expect(reply.headers['connection']).toBe('close');
    expect(JSON.parse(reply.text)).toEqual({
      detail: 'The request line and headers exceed the limit of 16384 bytes.',
      error: 431,
      errorCode: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
      parameters: ['16384'],
      reason: 'Request Header Fields Too Large',
    });
  });

  it.each([
    ['an unknown method', requestBytes({ method: 'G@T', target: '/' }), 'Invalid method encountered'],
    ['a broken chunk size', requestBytes({ method: 'POST', target: '/', headers: { 'Transfer-Encoding': 'chunked' }, body: 'zz\r\n{}\r\n0\r\n\r\n' }), 'Invalid character in chunk size'],
    ['Content-Length with Transfer-Encoding', requestBytes({ method: 'POST', target: '/', headers: { 'Content-Length': '2', 'Transfer-Encoding': 'chunked' }, body: '{}' }), "Transfer-Encoding can't be present with Content-Length"],
    ['a raw 0xFF in the path', requestBytes({ method: 'GET', target: Buffer.from([0x2f, 0xff]) }), 'Invalid char in url path'],
  ])('%s → 400 MALFORMED_HTTP_REQUEST naming what llhttp found, never the bytes sent', async (_name, bytes, reason) => {
    const reply = await sendRaw(await start(), bytes);
    expect(reply.status).toBe(400);
    expect(reply.headers['x-error-code']).toBe('MALFORMED_HTTP_REQUEST');
    expect(JSON.parse(reply.text)).toEqual({ detail: `The request is not valid HTTP/1.1: ${reason}.`, error: 400, errorCode: 'MALFORMED_HTTP_REQUEST', parameters: [reason], reason: 'Bad Request' });
  });

  it('a request that stalls → 408 REQUEST_TIMEOUT', async () => {
    const port = await start({ requestTimeout: 200 });
    const reply = await sendRaw(port, Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n'));
    expect(reply.status).toBe(408);
    expect(JSON.parse(reply.text)).toMatchObject({ error: 408, errorCode: 'REQUEST_TIMEOUT', reason: 'Request Timeout' });
  });

  it('cuts the connection instead of writing a second status line when a response has started', async () => {
    const port = await start({
      handle: (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '10' });
        res.flushHeaders();
      },
    });
    // The headers arrive and the handler starts its answer; the broken chunk comes after.
    const sent = await everythingSent(port, requestBytes({ method: 'POST', target: '/', headers: { 'Transfer-Encoding': 'chunked' }, body: '2\r\n{}\r\nzz\r\n' }));
    expect(sent).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(sent).not.toContain('HTTP/1.1 400');
    expect(sent.endsWith('\r\n\r\n')).toBe(true);
  });

  it('the next request on the server is served normally', async () => {
    const port = await start();
    expect((await sendRaw(port, requestBytes({ method: 'G@T', target: '/' }))).status).toBe(400);
    const ok = await sendRaw(port, requestBytes({ method: 'GET', target: '/' }));
    expect([ok.status, ok.text]).toEqual([200, '{}']);
  });
});

describe('clientErrorOf', () => {
  it('quotes llhttp reasons only when they are the short fixed sentences they should be', () => {
    const odd = clientErrorOf(Object.assign(new Error('Parse Error'), { code: 'HPE_X', reason: 'secret=\u0000hunter2 {' }), 16384);
    expect(odd.parameters).toEqual(['the request cannot be parsed']);
    const plain = clientErrorOf(Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_VERSION', reason: 'Invalid HTTP version.' }), 16384);
    expect(plain.detail).toBe('The request is not valid HTTP/1.1: Invalid HTTP version.');
  });

  it('writes a whole HTTP response with the catalogue body', () => {
    const text = clientErrorResponse(new AtlasError('REQUEST_TIMEOUT'));
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toBe(`HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body!)}\r\nX-Error-Code: REQUEST_TIMEOUT\r\nConnection: close`);
    expect(JSON.parse(body!)).toEqual({ detail: 'The request was not received completely in time.', error: 408, errorCode: 'REQUEST_TIMEOUT', parameters: [], reason: 'Request Timeout' });
  });
});
