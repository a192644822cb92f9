import { performance } from 'node:perf_hooks';
import { AtlasError } from '@mock-atlas/atlas-http';
import { request as urllib } from 'urllib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningMockAtlas } from '../server/start';
import { FaultTable, readFaultSpec, type Fault, type FaultSpec } from './faults';
import type { JournalEntry } from './journal';
import { refusal } from '../testing/refusal';

const GROUP = '5e2211c17a3e5a48f5497de3';
const OWNER_KEY = 'owner-private-key-for-faults';

describe('readFaultSpec', () => {
  it('fills in the status of a catalogued code and the code of a status', () => {
    expect(readFaultSpec({ path: '/api/atlas/v2/groups/*', errorCode: 'RATE_LIMITED', times: 2 })).toEqual({
      path: '/api/atlas/v2/groups/*',
      status: 429,
      errorCode: 'RATE_LIMITED',
      times: 2,
    });
    expect(readFaultSpec({ method: 'patch', path: '/api/x', status: 503, times: 1, retryAfter: 30 })).toEqual({
      method: 'PATCH',
      path: '/api/x',
      status: 503,
      errorCode: 'UNEXPECTED_ERROR',
      retryAfter: 30,
      times: 1,
    });
    expect(readFaultSpec({ path: '/api/x', delayMs: 250, drop: true, times: 3 })).toEqual({ path: '/api/x', delayMs: 250, drop: true, times: 3 });
    expect(readFaultSpec({ path: '/api/x', status: 503, retryAfter: 'Sun, 01 Nov 2026 09:00:00 GMT', times: 1 })).toMatchObject({ retryAfter: 'Sun, 01 Nov 2026 09:00:00 GMT' });
  });

  const invalid: [name: string, body: unknown, code: string, detail: RegExp][] = [
    ['not an object', [], 'INVALID_JSON', /does not match expected format/],
    ['an unknown field', { path: '/api/x', times: 1, status: 500, count: 3 }, 'INVALID_ATTRIBUTE', /Invalid attribute count/],
    ['no path', { times: 1, status: 500 }, 'MISSING_ATTRIBUTE', /path/],
    ['a relative path', { path: 'api/x', times: 1, status: 500 }, 'INVALID_JSON_ATTRIBUTE', /path attribute .* starting with \//],
    ['a star inside the path', { path: '/api/*/groups', times: 1, status: 500 }, 'INVALID_JSON_ATTRIBUTE', /ending in \*/],
    ['no times', { path: '/api/x', status: 500 }, 'MISSING_ATTRIBUTE', /times/],
    ['zero times', { path: '/api/x', times: 0, status: 500 }, 'INVALID_JSON_ATTRIBUTE', /times attribute .* from 1 to 1000000/],
    ['fractional times', { path: '/api/x', times: 1.5, status: 500 }, 'INVALID_JSON_ATTRIBUTE', /times/],
    ['an unknown method', { path: '/api/x', times: 1, status: 500, method: 'TRACE' }, 'INVALID_JSON_ATTRIBUTE', /method attribute .* GET, POST, PATCH, PUT, DELETE/],
    ['a success status', { path: '/api/x', times: 1, status: 200 }, 'INVALID_JSON_ATTRIBUTE', /status attribute .* from 400 to 599/],
    ['a lower-case code', { path: '/api/x', times: 1, errorCode: 'oops' }, 'INVALID_JSON_ATTRIBUTE', /errorCode/],
    ['an uncatalogued code without status', { path: '/api/x', times: 1, errorCode: 'TEAPOT' }, 'MISSING_ATTRIBUTE', /status .* TEAPOT is not in the mock's catalogue/],
    ['a 4xx status without a default code', { path: '/api/x', times: 1, status: 418 }, 'MISSING_ATTRIBUTE', /errorCode .* status 418 has no default code/],
    ['a negative delay', { path: '/api/x', times: 1, delayMs: -1 }, 'INVALID_JSON_ATTRIBUTE', /delayMs/],
    ['a delay over two minutes', { path: '/api/x', times: 1, delayMs: 120_001 }, 'INVALID_JSON_ATTRIBUTE', /delayMs attribute .* from 0 to 120000/],
    ['drop: false', { path: '/api/x', times: 1, drop: false }, 'INVALID_JSON_ATTRIBUTE', /drop/],
    ['drop with an error', { path: '/api/x', times: 1, drop: true, status: 500 }, 'VALIDATION_ERROR', /either drops the connection or answers with an error/],
    ['no effect at all', { path: '/api/x', times: 1 }, 'MISSING_ONE_OF_ATTRIBUTES', /status, errorCode, delayMs, drop/],
    ['retryAfter without an error', { path: '/api/x', times: 1, delayMs: 10, retryAfter: 5 }, 'VALIDATION_ERROR', /only go with an error/],
    ['a Retry-After that is no HTTP-date', { path: '/api/x', times: 1, status: 429, retryAfter: 'in a minute' }, 'INVALID_JSON_ATTRIBUTE', /retryAfter attribute .* HTTP-date/],
    ['a Retry-After date that does not exist', { path: '/api/x', times: 1, status: 429, retryAfter: 'Sat, 31 Feb 2026 09:00:00 GMT' }, 'INVALID_JSON_ATTRIBUTE', /retryAfter/],
    ['a Retry-After in fractional seconds', { path: '/api/x', times: 1, status: 429, retryAfter: 1.5 }, 'INVALID_JSON_ATTRIBUTE', /retryAfter attribute .* from 0 to 86400/],
    ['parameters that are not scalars', { path: '/api/x', times: 1, status: 500, parameters: [{}] }, 'INVALID_JSON_ATTRIBUTE', /parameters/],
  ];
  it.each(invalid)('refuses %s with 400', (_name, body, code, detail) => {
    const error = refusal(() => readFaultSpec(body));
    expect(error).toBeInstanceOf(AtlasError);
    expect((error as AtlasError).code).toBe(code);
    expect((error as AtlasError).status).toBe(400);
    expect((error as AtlasError).detail).toMatch(detail);
  });
});

describe('FaultTable', () => {
  const spec = (over: Partial<FaultSpec>): FaultSpec => ({ path: '/api/atlas/v2/groups/*', status: 500, errorCode: 'UNEXPECTED_ERROR', times: 1, ...over });

  it('applies the first matching fault, counting down and forgetting it when used up', () => {
    const table = new FaultTable();
    const exact = table.add(spec({ path: '/api/atlas/v2/groups/g/clusters', times: 2 }));
    const prefix = table.add(spec({ method: 'PATCH' }));
    expect(table.take('GET', '/api/atlas/v2/groups/g')).toBeUndefined();
    expect(table.take('GET', '/api/atlas/v2/groups/g/clusters/c')).toBeUndefined();
    expect(table.take('PATCH', '/api/atlas/v2/groups/g/encryptionAtRest')?.id).toBe(prefix.id);
    expect(table.take('PATCH', '/api/atlas/v2/groups/g/encryptionAtRest')).toBeUndefined();
    expect(table.take('GET', '/api/atlas/v2/groups/g/clusters')?.id).toBe(exact.id);
    expect(table.list().map((f: Fault) => [f.id, f.remaining])).toEqual([[exact.id, 1]]);
    expect(table.take('POST', '/api/atlas/v2/groups/g/clusters')?.id).toBe(exact.id);
    expect(table.list()).toEqual([]);
  });
});

describe('fault injection over HTTP', () => {
  let atlas: RunningMockAtlas;
  const control = (path: string, init?: RequestInit) => fetch(`${atlas.baseUrl}/_mock${path}`, init);
  const inject = (body: unknown) => control('/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const owner = (path: string, options: Parameters<typeof urllib>[1] = {}) => urllib(`${atlas.baseUrl}${path}`, { digestAuth: `demo-owner:${OWNER_KEY}`, ...options });
  const faults = async (): Promise<Fault[]> => ((await (await control('/faults')).json()) as { results: Fault[] }).results;
  const journal = async (): Promise<JournalEntry[]> => ((await (await control('/requests')).json()) as { results: JournalEntry[] }).results;

  beforeAll(async () => {
    atlas = await startServer({ port: 0, clock: 'manual', env: { MOCK_ATLAS_OWNER_PRIVATE_KEY: OWNER_KEY } });
  });
  afterAll(() => atlas.close());
  beforeEach(async () => {
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await control('/requests', { method: 'DELETE' })).status).toBe(204);
  });

  it('answers the next N matching requests with a 429 RATE_LIMITED and Retry-After, before authentication', async () => {
    const created = await inject({ path: '/api/atlas/v2/groups/*', status: 429, times: 2 });
    expect(created.status).toBe(201);
    const fault = (await created.json()) as Fault;
    expect(fault).toMatchObject({ path: '/api/atlas/v2/groups/*', status: 429, errorCode: 'RATE_LIMITED', times: 2, remaining: 2 });
    expect(fault.id).toMatch(/^fault-\d+$/);

    // No credentials at all: the fault answers before authentication would challenge.
    for (const remaining of [1, 0]) {
      const res = await fetch(`${atlas.baseUrl}/api/atlas/v2/groups/${GROUP}/encryptionAtRest`);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.headers.get('x-error-code')).toBe('RATE_LIMITED');
      expect(await res.json()).toEqual({
        detail: `Resource /api/atlas/v2/groups/${GROUP}/encryptionAtRest is limited to 100 requests every 1 minutes.`,
        error: 429,
        errorCode: 'RATE_LIMITED',
        parameters: [`/api/atlas/v2/groups/${GROUP}/encryptionAtRest`, '100', '1'],
        reason: 'Too Many Requests',
      });
      expect((await faults()).map((f) => f.remaining)).toEqual(remaining ? [remaining] : []);
    }
    const after = await owner(`/api/atlas/v2/groups/${GROUP}/encryptionAtRest`, { headers: { Accept: 'application/vnd.atlas.2023-01-01+json' } });
    expect(after.status).toBe(200);
    expect((await journal()).map((e) => [e.status, e.fault])).toEqual([
      [429, fault.id],
      [429, fault.id],
      [401, undefined],
      [200, undefined],
    ]);
  });

  it('answers with any status and code, its own Retry-After and detail, and matches the method', async () => {
    expect((await inject({ method: 'PATCH', path: `/api/atlas/v1.0/groups/${GROUP}/encryptionAtRest`, status: 503, errorCode: 'SERVICE_UNAVAILABLE', detail: 'Atlas is down.', retryAfter: 30, times: 1 })).status).toBe(201);
    expect((await owner(`/api/atlas/v1.0/groups/${GROUP}/encryptionAtRest`)).status).toBe(200);
    const res = await owner(`/api/atlas/v1.0/groups/${GROUP}/encryptionAtRest`, { method: 'PATCH', contentType: 'json', data: {} });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(JSON.parse(res.data.toString('utf8'))).toEqual({ detail: 'Atlas is down.', error: 503, errorCode: 'SERVICE_UNAVAILABLE', parameters: [], reason: 'Service Unavailable' });
  });

  it('delays a request by delayMs of wall-clock time, then handles it normally', async () => {
    expect((await inject({ path: `/api/atlas/v1.0/groups/${GROUP}`, delayMs: 300, times: 1 })).status).toBe(201);
    const started = performance.now();
    const res = await fetch(`${atlas.baseUrl}/api/atlas/v1.0/groups/${GROUP}`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    expect(res.status).toBe(401);
    const [entry] = await journal();
    expect(entry?.durationMs).toBeGreaterThanOrEqual(295);
    expect(entry?.fault).toMatch(/^fault-/);
  });

  it('drops the connection of a matching request without answering', async () => {
    expect((await inject({ path: '/api/oauth/token', drop: true, times: 1 })).status).toBe(201);
    const form = { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' };
    await expect(fetch(`${atlas.baseUrl}/api/oauth/token`, form)).rejects.toThrow();
    expect((await fetch(`${atlas.baseUrl}/api/oauth/token`, form)).status).toBe(401);
    const entries = await journal();
    expect(entries.map((e) => [e.path, e.status, e.fault !== undefined])).toEqual([
      ['/api/oauth/token', null, true],
      ['/api/oauth/token', 401, false],
    ]);
  });

  it('refuses a bad fault with a 400 Atlas error and injects nothing', async () => {
    const res = await inject({ path: '/api/x', times: 0, status: 500 });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-error-code')).toBe('INVALID_JSON_ATTRIBUTE');
    expect((await control('/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' })).status).toBe(400);
    expect(await faults()).toEqual([]);
  });

  it('lists and clears faults', async () => {
    await inject({ path: '/api/a', status: 500, times: 3 });
    await inject({ method: 'DELETE', path: '/api/b*', delayMs: 5, times: 1 });
    expect((await faults()).map((f) => [f.path, f.method, f.remaining])).toEqual([
      ['/api/a', undefined, 3],
      ['/api/b*', 'DELETE', 1],
    ]);
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(204);
    expect(await faults()).toEqual([]);
    expect((await fetch(`${atlas.baseUrl}/api/a`)).status).toBe(404);
  });
});
