// The client's retries against mock-atlas's injected faults, over real HTTP: which failures are
// retried for which methods (retry-policy.ts), how long the client waits (recorded by an injected
// sleep, so no test waits for real), and — from the mock's request journal — how many times each
// request actually reached the server. Each client call is HTTP Digest: an unauthenticated
// request that draws the challenge, then the signed one; the journal's bare 401 challenges are
// left out of the counts, and faults (which run before authentication) hit the first of the two.
import { createServer } from 'node:net';
import { startMockAtlas, type FaultInput, type JournalEntry, type MockAtlas } from '@mock-atlas/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasClient, type AtlasClientOptions } from './atlas-client';
import { AtlasApiError, AtlasNetworkError } from './atlas-error';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

let atlas: MockAtlas;
let waits: number[];

beforeEach(async () => {
  atlas = await startMockAtlas();
  waits = [];
});
afterEach(() => atlas.close());

function clientFor(options: Partial<AtlasClientOptions> = {}): AtlasClient {
  return new AtlasClient({
    baseUrl: atlas.baseUrl,
    ...atlas.apiKey,
    // Back-off ceilings of 100, 200, 400 ms; a jitter draw of 0 waits half of each: 50, 100, 200.
    backoffMs: 100,
    random: () => 0,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
}

// One call per method, on the demo project startMockAtlas loads.
const AWS_KEY = { customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g', region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' };
const OPERATIONS: Record<Method, { path: () => string; call: (client: AtlasClient) => Promise<unknown>; ok: number }> = {
  GET: { path: () => `/api/atlas/v2/groups/${atlas.groupId}/clusters/orders`, call: (c) => c.getCluster(atlas.groupId, 'orders'), ok: 200 },
  POST: {
    path: () => `/api/atlas/v2/groups/${atlas.groupId}/clusters/orders/backup/snapshots`,
    call: (c) => c.takeSnapshot(atlas.groupId, 'orders', { description: 'nightly', retentionInDays: 7 }),
    ok: 200,
  },
  PATCH: { path: () => `/api/atlas/v2/groups/${atlas.groupId}/encryptionAtRest`, call: (c) => c.enableAwsKms(atlas.groupId, AWS_KEY), ok: 200 },
  DELETE: { path: () => `/api/atlas/v2/groups/${atlas.groupId}/clusters/reporting`, call: (c) => c.deleteCluster(atlas.groupId, 'reporting'), ok: 202 },
};

/** Every request of this method to exactly this path, digest challenges included. */
async function sent(method: Method, path: string): Promise<JournalEntry[]> {
  return (await atlas.requests({ method, path })).filter((r) => r.path === path);
}

/** The statuses of the client's attempts as the mock saw them (null: no answer was sent). */
async function attempts(method: Method, path: string): Promise<(number | null)[]> {
  const isChallenge = (r: JournalEntry) => r.status === 401 && r.fault === undefined;
  return (await sent(method, path)).filter((r) => !isChallenge(r)).map((r) => r.status);
}

const inject = (method: Method, fault: Omit<FaultInput, 'path' | 'method'>) => atlas.faults.inject({ method, path: OPERATIONS[method].path(), ...fault });

const METHODS: Method[] = ['GET', 'POST', 'PATCH', 'DELETE'];

describe('429 and 503: the request was refused, so every method is retried', () => {
  it.each(METHODS)('%s: waits the Retry-After of each refusal, then is served once', async (method) => {
    await inject(method, { status: 429, retryAfter: 2, times: 2 });
    await inject(method, { status: 503, retryAfter: 3, times: 1 });
    await OPERATIONS[method].call(clientFor());
    expect(waits).toEqual([2000, 2000, 3000]);
    expect(await attempts(method, OPERATIONS[method].path())).toEqual([429, 429, 503, OPERATIONS[method].ok]);
  });

  it('reads a Retry-After HTTP-date against its own clock', async () => {
    const now = Date.parse('Sun, 01 Nov 2026 09:00:00 GMT');
    await inject('POST', { status: 429, retryAfter: 'Sun, 01 Nov 2026 09:00:05 GMT' });
    await OPERATIONS.POST.call(clientFor({ now: () => now }));
    expect(waits).toEqual([5000]);
  });

  it('backs off exponentially, with jitter, when a 503 gives no Retry-After', async () => {
    await inject('PATCH', { status: 503, times: 3 });
    const draws = [0, 0.5, 0.99];
    await OPERATIONS.PATCH.call(clientFor({ random: () => draws.shift() ?? 0 }));
    // Ceilings 100, 200, 400 ms; each wait is between half the ceiling and all of it.
    expect(waits).toEqual([50, 150, 398]);
  });

  it('does not wait for a Retry-After longer than maxRetryAfterMs: it fails at once', async () => {
    await inject('GET', { status: 429, retryAfter: 3600 });
    const error = await OPERATIONS.GET.call(clientFor()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error).toMatchObject({ status: 429, errorCode: 'RATE_LIMITED', attempts: 1 });
    expect(waits).toEqual([]);
  });
});

// A fault that leaves open whether Atlas acted on the request, and what the mock journal shows
// for the attempt it hit (null: the connection closed without an answer).
const AMBIGUOUS: [name: string, fault: Omit<FaultInput, 'path' | 'method'>, seen: number | null, thrown: object][] = [
  ['500', { status: 500 }, 500, { name: 'AtlasApiError', status: 500, errorCode: 'UNEXPECTED_ERROR' }],
  ['502', { status: 502 }, 502, { name: 'AtlasApiError', status: 502 }],
  ['504', { status: 504 }, 504, { name: 'AtlasApiError', status: 504 }],
  ['a dropped connection', { drop: true }, null, { name: 'AtlasNetworkError', code: 'UND_ERR_SOCKET', maybeProcessed: true }],
  // The client's timeout is 150 ms; the mock would answer after 5 s.
  ['a timeout', { delayMs: 5000 }, null, { name: 'AtlasNetworkError', code: 'TIMEOUT', maybeProcessed: true }],
];
const withTimeout = () => clientFor({ timeoutMs: 150 });

describe('500, 502, 504, dropped connections, timeouts: the request may have been processed', () => {
  describe.each(AMBIGUOUS)('%s', (_name, fault, seen, thrown) => {
    it.each(['GET', 'DELETE'] as const)('%s is idempotent: retried once, then served', async (method) => {
      await inject(method, fault);
      await OPERATIONS[method].call(withTimeout());
      expect(waits).toEqual([50]);
      expect(await attempts(method, OPERATIONS[method].path())).toEqual([seen, OPERATIONS[method].ok]);
    });

    it.each(['POST', 'PATCH'] as const)('%s is not idempotent: sent exactly once, and the failure thrown typed', async (method) => {
      await inject(method, fault);
      const error = await OPERATIONS[method].call(withTimeout()).catch((e: unknown) => e);
      expect(error).toMatchObject({ ...thrown, method, attempts: 1 });
      expect(waits).toEqual([]);
      // Not one more request of this method reached the mock: no retry, and no resend by urllib.
      expect((await sent(method, OPERATIONS[method].path())).map((r) => r.status)).toEqual([seen]);
    });
  });
});

describe('giving up', () => {
  it('after maxRetries, with the last Atlas error and how many attempts were made', async () => {
    await inject('POST', { status: 503, times: 10 });
    const error = await OPERATIONS.POST.call(clientFor({ maxRetries: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error).toMatchObject({ status: 503, attempts: 3 });
    expect(waits).toEqual([50, 100]);
    expect(await attempts('POST', OPERATIONS.POST.path())).toEqual([503, 503, 503]);
  });

  it('after maxRetries of dropped connections, with a typed network error', async () => {
    await inject('GET', { drop: true, times: 10 });
    const error = await OPERATIONS.GET.call(clientFor({ maxRetries: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasNetworkError);
    expect(error).toMatchObject({ code: 'UND_ERR_SOCKET', attempts: 3, method: 'GET' });
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(await attempts('GET', OPERATIONS.GET.path())).toEqual([null, null, null]);
  });

  it('retries even a POST whose connection was refused: it never left the client', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const error = await clientFor({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 2 })
      .takeSnapshot(atlas.groupId, 'orders', { description: 'nightly', retentionInDays: 7 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasNetworkError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', maybeProcessed: false, attempts: 3 });
    expect(waits).toEqual([50, 100]);
  });

  it('does not retry an error that a retry cannot mend (404)', async () => {
    await expect(clientFor().getCluster(atlas.groupId, 'nowhere')).rejects.toMatchObject({ status: 404, errorCode: 'CLUSTER_NOT_FOUND', attempts: 1 });
    expect(waits).toEqual([]);
  });
});
