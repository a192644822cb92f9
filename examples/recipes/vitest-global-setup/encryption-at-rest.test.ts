// Tests against the one mock the global setup started: the Atlas API over HTTP Digest, and the
// control API (/_mock) to reset it and to lose the customer key.
import { request } from 'urllib';
import { beforeEach, describe, expect, inject, it } from 'vitest';

const { baseUrl, groupId, apiKey } = inject('mockAtlas');
/** The AWS key the demo project's cluster `orders` is encrypted with. */
const AWS_KEY = '030gce02-586d-48d2-a966-05ea954fde0g';

async function atlasGet(path: string): Promise<Record<string, unknown>> {
  const res = await request(`${baseUrl}/api/atlas/v2/groups/${groupId}${path}`, {
    digestAuth: `${apiKey.publicKey}:${apiKey.privateKey}`,
    headers: { Accept: 'application/vnd.atlas.2025-03-12+json' },
    dataType: 'json',
  });
  expect(res.status).toBe(200);
  return res.data as Record<string, unknown>;
}

async function control(path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseUrl}/_mock${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

// Each test starts from the state the mock started with.
beforeEach(() => control('/reset'));

describe('encryption at rest with AWS KMS', () => {
  it('is on, and valid', async () => {
    expect(await atlasGet('/encryptionAtRest')).toMatchObject({ awsKms: { enabled: true, valid: true, customerMasterKeyID: AWS_KEY } });
  });

  it('turns invalid once the key is disabled and Atlas checks it', async () => {
    await control('/kms/keys', { provider: 'AWS', keyId: AWS_KEY, state: 'DISABLED' });
    expect(await control(`/groups/${groupId}/encryptionAtRest/validate`)).toMatchObject({ disabledClusters: ['orders'] });
    expect(await atlasGet('/encryptionAtRest')).toMatchObject({ awsKms: { enabled: true, valid: false } });
  });

  it('is valid again after the reset', async () => {
    expect(await atlasGet('/encryptionAtRest')).toMatchObject({ awsKms: { valid: true } });
  });
});
