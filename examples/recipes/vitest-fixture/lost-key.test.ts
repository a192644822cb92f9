// Each test gets its own mock from the fixture, so the tests run concurrently and one test's
// broken key is never another's. The helpers drive the simulated KMS and the virtual clock.
import { request } from 'urllib';
import { describe, expect } from 'vitest';
import type { MockAtlas } from '@mock-atlas/testing';
import { test } from './fixture';

/** The AWS key the demo project's cluster `orders` is encrypted with. */
const AWS_KEY = '030gce02-586d-48d2-a966-05ea954fde0g';

async function atlasGet(atlas: MockAtlas, path: string): Promise<Record<string, unknown>> {
  const res = await request(`${atlas.baseUrl}/api/atlas/v2/groups/${atlas.groupId}${path}`, {
    digestAuth: `${atlas.apiKey.publicKey}:${atlas.apiKey.privateKey}`,
    headers: { Accept: 'application/vnd.atlas.2025-03-12+json' },
    dataType: 'json',
  });
  return res.data as Record<string, unknown>;
}

describe.concurrent('a lost customer key', () => {
  test('disables the cluster once Atlas checks the key ("Try Again")', async ({ atlas }) => {
    await atlas.kms.disableKey(AWS_KEY);
    expect((await atlas.validate()).disabledClusters).toEqual(['orders']);
    expect(await atlas.clusterStatus('orders')).toMatchObject({ disabled: true });
  });

  test('is found by the scheduled check within 15 minutes of virtual time', async ({ atlas }) => {
    await atlas.kms.disableKey(AWS_KEY);
    await atlas.clock.advance('PT15M');
    expect(await atlasGet(atlas, '/encryptionAtRest')).toMatchObject({ awsKms: { valid: false } });
  });

  test('leaves every other mock alone', async ({ atlas }) => {
    expect(await atlasGet(atlas, '/encryptionAtRest')).toMatchObject({ awsKms: { valid: true } });
    expect(await atlas.outbox()).toEqual([]);
  });
});
