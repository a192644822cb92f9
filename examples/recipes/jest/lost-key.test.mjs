// One mock per test file, reset before each test: the state it started with, its clock back
// at the start, no recorded requests. The client authenticates as the service account (OAuth
// client credentials, then a Bearer token), with nothing but fetch.
import { afterAll, beforeAll, beforeEach, expect, test } from '@jest/globals';
import { startMockAtlas } from '@mock-atlas/testing';

/** The AWS key the demo project's cluster `orders` is encrypted with. */
const AWS_KEY = '030gce02-586d-48d2-a966-05ea954fde0g';

let atlas;

beforeAll(async () => {
  atlas = await startMockAtlas();
});
afterAll(() => atlas.close());
beforeEach(() => atlas.reset());

async function bearerToken() {
  const { clientId, clientSecret } = atlas.serviceAccount;
  const res = await fetch(`${atlas.baseUrl}/api/oauth/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return (await res.json()).access_token;
}

async function atlasGet(path) {
  const res = await fetch(`${atlas.baseUrl}/api/atlas/v2/groups/${atlas.groupId}${path}`, {
    headers: { Authorization: `Bearer ${await bearerToken()}`, Accept: 'application/vnd.atlas.2025-03-12+json' },
  });
  return { status: res.status, body: await res.json() };
}

test('the CMK cluster runs while its key is enabled', async () => {
  const { status, body } = await atlasGet('/clusters/orders');
  expect(status).toBe(200);
  expect(body).toMatchObject({ name: 'orders', stateName: 'IDLE', encryptionAtRestProvider: 'AWS' });
});

test('a disabled key makes encryption at rest invalid at the next check, and mails the owners', async () => {
  await atlas.kms.disableKey(AWS_KEY);
  await atlas.clock.advance('PT15M');
  expect((await atlasGet('/encryptionAtRest')).body.awsKms).toMatchObject({ enabled: true, valid: false });
  expect((await atlas.outbox()).map((mail) => mail.clusterNames)).toContainEqual(['orders']);
});

test('reset() brings the key back', async () => {
  expect((await atlas.kms.keys()).find((key) => key.keyId === AWS_KEY).state).toBe('ENABLED');
});
