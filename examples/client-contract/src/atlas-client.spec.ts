// How the client behaves on the wire, checked against mock-atlas's request journal: the
// versioned media type, the Digest principal, typed errors. Retries: retries.spec.ts.
import { createServer } from 'node:http';
import { startMockAtlas, type MockAtlas } from '@mock-atlas/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasClient } from './atlas-client';

let atlas: MockAtlas;

const clientFor = (mock: MockAtlas) => new AtlasClient({ baseUrl: mock.baseUrl, ...mock.apiKey });

beforeEach(async () => {
  atlas = await startMockAtlas();
});

afterEach(() => atlas.close());

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

  it('throws an error page that is not JSON (a proxy 502) as a typed error too', async () => {
    const proxy = createServer((_req, res) => res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = proxy.address() as { port: number };
      const client = new AtlasClient({ baseUrl: `http://127.0.0.1:${port}`, ...atlas.apiKey, maxRetries: 0 });
      await expect(client.getCluster(atlas.groupId, 'orders')).rejects.toMatchObject({
        name: 'AtlasApiError',
        status: 502,
        errorCode: 'UNEXPECTED_ERROR',
        detail: '<html><body>502 Bad Gateway</body></html>',
      });
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
