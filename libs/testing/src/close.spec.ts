// close() frees the port at once, even with a client's keep-alive connection open, and a
// second close() is harmless (fixtures and afterAll hooks may both call it).
import { createServer } from 'node:net';
import { request } from 'urllib';
import { expect, it } from 'vitest';
import { startMockAtlas } from './index';
import { callAtlas } from './spec-support/call-atlas';

/** Resolves once something else can listen on `port` on 127.0.0.1 (then stops listening again). */
function listenOn(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

it('close() frees the port even with a keep-alive connection open, and may be called twice', async () => {
  const atlas = await startMockAtlas();
  const port = Number(new URL(atlas.baseUrl).port);
  // urllib keeps the connection alive between requests.
  expect((await callAtlas(atlas, 'GET', '/clusters')).status).toBe(200);

  await atlas.close();
  await atlas.close();

  await expect(listenOn(port)).resolves.toBeUndefined();
  await expect(request(`${atlas.baseUrl}/_mock/clock`, { timeout: 2_000 })).rejects.toThrow(/ECONNREFUSED/);
});
