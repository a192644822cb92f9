// How the client behaves on the wire, checked against mock-atlas's fault injection and request
// journal: retries that honour Retry-After, the versioned media type, typed errors.
import { startMockAtlas, type MockAtlas } from '@mock-atlas/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasClient, retryAfterMs } from './atlas-client';
import { AtlasApiError } from './atlas-error';

let atlas: MockAtlas;
let waits: number[];

const clientFor = (mock: MockAtlas, options: { maxRetries?: number } = {}) =>
  new AtlasClient({
    baseUrl: mock.baseUrl,
    ...mock.apiKey,
    backoffMs: 100,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });

beforeEach(async () => {
  atlas = await startMockAtlas();
  waits = [];
});

afterEach(() => atlas.close());

const clustersPath = () => `/api/atlas/v2/groups/${atlas.groupId}/clusters/orders`;

describe('retries', () => {
  it('retries a 429 after the Retry-After it was given, then succeeds', async () => {
    await atlas.faults.inject({ path: clustersPath(), status: 429, retryAfter: 2, times: 2 });
    expect((await clientFor(atlas).getCluster(atlas.groupId, 'orders')).name).toBe('orders');
    expect(waits).toEqual([2000, 2000]);
    const answered = (await atlas.requests({ path: clustersPath() })).filter((r) => r.status !== 401).map((r) => r.status);
    expect(answered).toEqual([429, 429, 200]);
  });

  it('backs off exponentially on a 503 without Retry-After', async () => {
    await atlas.faults.inject({ path: clustersPath(), status: 503, errorCode: 'SERVICE_UNAVAILABLE', times: 2 });
    expect((await clientFor(atlas).getCluster(atlas.groupId, 'orders')).name).toBe('orders');
    expect(waits).toEqual([100, 200]);
  });

  it('gives up after maxRetries with the last Atlas error', async () => {
    await atlas.faults.inject({ path: clustersPath(), status: 429, retryAfter: 1, times: 10 });
    const error = await clientFor(atlas, { maxRetries: 2 })
      .getCluster(atlas.groupId, 'orders')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error).toMatchObject({ status: 429, errorCode: 'RATE_LIMITED' });
    expect(waits).toHaveLength(2);
  });

  it('does not retry other errors', async () => {
    await expect(clientFor(atlas).getCluster(atlas.groupId, 'nowhere')).rejects.toMatchObject({ status: 404, errorCode: 'CLUSTER_NOT_FOUND' });
    expect(waits).toEqual([]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('the wire', () => {
  it('sends one versioned media type, served per operation as its newest version on or before it', async () => {
    await clientFor(atlas).getCluster(atlas.groupId, 'orders');
    await clientFor(atlas).getEncryptionAtRest(atlas.groupId);
    const served = (await atlas.requests()).filter((r) => r.status === 200).map((r) => r.version);
    // atlas-openapi README §2: GET cluster is versioned 2024-08-05, encryptionAtRest 2023-01-01.
    expect(served).toEqual(['2024-08-05', '2023-01-01']);
  });

  it('authenticates with HTTP Digest: the journal shows the key as principal', async () => {
    await clientFor(atlas).getEncryptionAtRest(atlas.groupId);
    expect((await atlas.requests()).map((r) => r.principal).filter(Boolean)).toEqual([atlas.apiKey.publicKey]);
  });

  it('throws wrong credentials as a typed 401', async () => {
    const stranger = new AtlasClient({ baseUrl: atlas.baseUrl, publicKey: atlas.apiKey.publicKey, privateKey: 'not-the-key' });
    await expect(stranger.getEncryptionAtRest(atlas.groupId)).rejects.toMatchObject({ name: 'AtlasApiError', status: 401 });
  });
});
