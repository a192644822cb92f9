// node:test and nothing else: node --test examples/recipes/node-test/lost-key.test.mjs
// A mock per test with the `t.after` hook to close it; HTTP Digest through urllib.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startMockAtlas } from '@mock-atlas/testing';
import { request } from 'urllib';

/** The AWS key the demo project's cluster `orders` is encrypted with. */
const AWS_KEY = '030gce02-586d-48d2-a966-05ea954fde0g';

async function withMockAtlas(t, options) {
  const atlas = await startMockAtlas(options);
  t.after(() => atlas.close());
  return atlas;
}

async function atlasGet(atlas, path) {
  const res = await request(`${atlas.baseUrl}/api/atlas/v2/groups/${atlas.groupId}${path}`, {
    digestAuth: `${atlas.apiKey.publicKey}:${atlas.apiKey.privateKey}`,
    headers: { Accept: 'application/vnd.atlas.2025-03-12+json' },
    dataType: 'json',
  });
  return { status: res.status, body: res.data };
}

test('encryption at rest is valid while the key is enabled', async (t) => {
  const atlas = await withMockAtlas(t);
  const { status, body } = await atlasGet(atlas, '/encryptionAtRest');
  assert.equal(status, 200);
  assert.equal(body.awsKms.valid, true);
});

test('a disabled key disables the CMK cluster at the next check', async (t) => {
  const atlas = await withMockAtlas(t);
  await atlas.kms.disableKey(AWS_KEY);
  const report = await atlas.validate();
  assert.deepEqual(report.disabledClusters, ['orders']);
  assert.equal((await atlas.clusterStatus('orders')).disabled, true);
});

test('an injected 429 reaches the client with Retry-After', async (t) => {
  const atlas = await withMockAtlas(t);
  await atlas.faults.inject({ path: `/api/atlas/v2/groups/${atlas.groupId}/clusters`, status: 429, retryAfter: 3 });
  const res = await request(`${atlas.baseUrl}/api/atlas/v2/groups/${atlas.groupId}/clusters`, {
    digestAuth: `${atlas.apiKey.publicKey}:${atlas.apiKey.privateKey}`,
    headers: { Accept: 'application/vnd.atlas.2025-03-12+json' },
    dataType: 'json',
  });
  assert.equal(res.status, 429);
  assert.equal(res.headers['retry-after'], '3');
  assert.equal(res.data.errorCode, 'RATE_LIMITED');
});
