// The promise of the README: a contract test against a faithful Atlas in three lines.
import { request } from 'urllib';
import { expect, it } from 'vitest';
import { startMockAtlas } from './index';

it('starts, answers an authenticated Atlas request, and closes: three lines', async () => {
  const atlas = await startMockAtlas();
  const res = await request(`${atlas.baseUrl}/api/atlas/v2/groups/${atlas.groupId}/clusters`, { digestAuth: `${atlas.apiKey.publicKey}:${atlas.apiKey.privateKey}`, headers: { Accept: 'application/vnd.atlas.2025-03-12+json' }, dataType: 'json' });
  await atlas.close();

  expect(res.status).toBe(200);
  // The demo project (examples/demo-project.yaml) holds `orders` and `reporting`.
  expect((res.data as { results: { name: string }[] }).results.map((c) => c.name).sort()).toEqual(['orders', 'reporting']);
});
