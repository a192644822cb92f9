// Injected faults as a client sees them on the socket: the error bodies must be Atlas error
// bodies the official contract accepts (a client's error parsing is tested against them), a
// dropped connection must carry not one byte of a response (else a client sees a parse error,
// not ECONNRESET), and a client that gives up during a delay must leave no trace in the state.
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningMockAtlas } from '../server/start';
import { ContractValidator } from '../testing/contract';
import type { JournalEntry } from './journal';

const GROUP = '5e2211c17a3e5a48f5497de3';
const SA_SECRET = 'service-account-secret-for-faults';
const V2 = 'application/vnd.atlas.2024-08-05+json';

let atlas: RunningMockAtlas;
let bearer: string;

const control = (path: string, init?: RequestInit) => fetch(`${atlas.baseUrl}/_mock${path}`, init);
const inject = async (body: unknown) => {
  const res = await control('/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
};
const journal = async (): Promise<JournalEntry[]> => ((await (await control('/requests')).json()) as { results: JournalEntry[] }).results;

/** Writes raw HTTP/1.1 and collects every byte until the server closes the connection. */
function rawExchange(request: string): Promise<{ bytes: string }> {
  return new Promise((resolve) => {
    const socket = connect(atlas.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    // A reset ends the exchange like a close: what arrived before it is the answer.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ bytes: Buffer.concat(chunks).toString('latin1') }));
    socket.write(request);
  });
}

beforeAll(async () => {
  atlas = await startServer({ port: 0, clock: 'manual', env: { MOCK_ATLAS_SA_SECRET: SA_SECRET } });
  const token = await fetch(`${atlas.baseUrl}/api/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`mdb_sa_id_demo:${SA_SECRET}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
  });
  bearer = ((await token.json()) as { access_token: string }).access_token;
});
afterAll(() => atlas.close());
beforeEach(async () => {
  await control('/faults', { method: 'DELETE' });
  await control('/requests', { method: 'DELETE' });
});

describe('injected error answers', () => {
  // The phrases Atlas's stack and its load balancers print, written out here rather than read
  // from the catalogue, so that a wrong catalogue entry fails.
  const cases: [status: number, reason: string, errorCode: string][] = [
    [429, 'Too Many Requests', 'RATE_LIMITED'],
    [500, 'Internal Server Error', 'UNEXPECTED_ERROR'],
    [502, 'Bad Gateway', 'UNEXPECTED_ERROR'],
    [503, 'Service Unavailable', 'UNEXPECTED_ERROR'],
    [504, 'Gateway Timeout', 'UNEXPECTED_ERROR'],
  ];
  const operations: [method: string, path: string, body?: unknown][] = [
    ['GET', `/api/atlas/v2/groups/${GROUP}/clusters/orders`],
    ['POST', `/api/atlas/v2/groups/${GROUP}/clusters`, { name: 'new-one' }],
    ['PATCH', `/api/atlas/v2/groups/${GROUP}/encryptionAtRest`, { awsKms: { enabled: false } }],
    ['DELETE', `/api/atlas/v2/groups/${GROUP}/clusters/orders`],
  ];

  it.each(cases)('%i is an Atlas error body the contract accepts, for every method', async (status, reason, errorCode) => {
    const validator = new ContractValidator();
    for (const [method, path, body] of operations) {
      await inject({ method, path, status, times: 1 });
      const url = `${atlas.baseUrl}${path}`;
      const res = await fetch(url, {
        method,
        headers: { Accept: V2, Authorization: `Bearer ${bearer}`, ...(body ? { 'Content-Type': V2 } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      expect(res.status).toBe(status);
      expect(res.headers.get('x-error-code')).toBe(errorCode);
      expect(res.headers.get('retry-after')).toBe(status === 429 ? '1' : null);
      expect(JSON.parse(text)).toMatchObject({ error: status, errorCode, reason });
      const check = validator.checkOne({ client: 'fetch', method, url, status, headers: { 'content-type': res.headers.get('content-type') ?? '' }, body: text });
      expect(check.problems, `${method} ${path}: ${text}`).toEqual([]);
    }
    // The fault answered before the route: nothing was created, changed or deleted.
    const cluster = await fetch(`${atlas.baseUrl}/api/atlas/v2/groups/${GROUP}/clusters/orders`, { headers: { Accept: V2, Authorization: `Bearer ${bearer}` } });
    expect(cluster.status).toBe(200);
    const created = await fetch(`${atlas.baseUrl}/api/atlas/v2/groups/${GROUP}/clusters/new-one`, { headers: { Accept: V2, Authorization: `Bearer ${bearer}` } });
    expect(created.status).toBe(404);
  });

  it('sends Retry-After as given: seconds on a 503, an HTTP-date on a 429', async () => {
    const path = `/api/atlas/v2/groups/${GROUP}`;
    await inject({ path, status: 503, retryAfter: 7, times: 1 });
    await inject({ path, status: 429, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT', times: 1 });
    expect((await fetch(`${atlas.baseUrl}${path}`)).headers.get('retry-after')).toBe('7');
    expect((await fetch(`${atlas.baseUrl}${path}`)).headers.get('retry-after')).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
  });
});

describe('dropped connections', () => {
  const path = `/api/atlas/v2/groups/${GROUP}/clusters`;

  it.each([
    ['a GET', `GET ${path} HTTP/1.1\r\nHost: mock\r\n\r\n`, {}],
    ['a POST with a body', `POST ${path} HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\nContent-Length: 17\r\n\r\n{"name":"x-ray"}\n`, {}],
    ['a GET after a delay', `GET ${path} HTTP/1.1\r\nHost: mock\r\n\r\n`, { delayMs: 50 }],
  ])('close %s without sending one byte', async (_name, request, extra) => {
    await inject({ path, drop: true, times: 1, ...extra });
    const { bytes } = await rawExchange(request);
    expect(bytes).toBe('');
    const [entry] = await journal();
    expect(entry).toMatchObject({ path, status: null, fault: expect.stringMatching(/^fault-/) as unknown });
    // The next request on a fresh connection is served normally.
    expect((await rawExchange(`GET ${path} HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n`)).bytes).toMatch(/^HTTP\/1\.1 401 /);
  });
});

describe('delays', () => {
  it('a client that leaves during the delay leaves the request unhandled', async () => {
    const path = `/api/atlas/v2/groups/${GROUP}/clusters/orders`;
    const auth = { Accept: V2, Authorization: `Bearer ${bearer}` };
    await inject({ method: 'DELETE', path, delayMs: 300, times: 1 });
    const gaveUp = await fetch(`${atlas.baseUrl}${path}`, { method: 'DELETE', headers: auth, signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect(gaveUp).toBeInstanceOf(Error);
    // Past the end of the delay: the handler would have run by now had the fault not dropped it.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await journal()).map((e) => [e.method, e.status])).toEqual([['DELETE', null]]);
    const res = await fetch(`${atlas.baseUrl}${path}`, { headers: auth });
    expect(((await res.json()) as { stateName: string }).stateName).toBe('IDLE');
  });
});
