// Issue 8 item 6 §2: the /_mock control API protected by a token (every call needs
// `Authorization: Bearer <token>`, else 401) or turned off (its paths are unknown paths, 404),
// while the Atlas API authenticates as before. In-process servers on 127.0.0.1, port 0.
import { request as urllib } from 'urllib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMockAtlas } from '../server/start';
import { startServer } from '../server/start';
import { clientOf, createApiKey, SEED_ENV, SEED_GROUP_ID, SEED_OWNER, withAtlas } from '../testing/atlas';
import { ResponseRecorder } from '../testing/recorder';
import { fixturePath } from '../testing/workspace';

const TOKEN = 'control-token-5d0c41b7e9a24f3c';

async function call(atlas: RunningMockAtlas, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(`${atlas.baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('--control-token: a protected control API', () => {
  let atlas: RunningMockAtlas;
  beforeAll(async () => {
    atlas = await startServer({ configs: [fixturePath('seed-project.yaml')], env: SEED_ENV, host: '127.0.0.1', port: 0, controlToken: TOKEN });
  });
  afterAll(() => atlas.close());

  it('reports itself protected, and keeps the token for in-process helpers', () => {
    expect(atlas.controlApi).toBe('protected');
    expect(atlas.controlToken).toBe(TOKEN);
  });

  it.each([
    ['no Authorization', {}],
    ['a wrong token', bearer('control-token-5d0c41b7e9a24f3d')],
    ['a prefix of the token', bearer(TOKEN.slice(0, -1))],
    ['the token as Basic', { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` }],
    ['the token without a scheme', { Authorization: TOKEN }],
  ])('refuses %s with 401 CONTROL_API_UNAUTHORIZED and a Bearer challenge', async (_name, headers) => {
    const res = await call(atlas, 'GET', '/_mock/state', headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('x-error-code')).toBe('CONTROL_API_UNAUTHORIZED');
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="mock-atlas control API"');
    expect(res.json()).toEqual({
      detail: 'The mock-atlas control API needs the header Authorization: Bearer <control token>.',
      error: 401,
      errorCode: 'CONTROL_API_UNAUTHORIZED',
      parameters: [],
      reason: 'Unauthorized',
    });
    expect(res.text).not.toContain(TOKEN);
  });

  it('answers 401, not 404, for a control path that does not exist, so paths cannot be probed', async () => {
    expect((await call(atlas, 'GET', '/_mock/no-such-call')).status).toBe(401);
    const known = await call(atlas, 'GET', '/_mock/no-such-call', bearer(TOKEN));
    expect(known.status).toBe(404);
    expect(known.headers.get('x-error-code')).toBe('RESOURCE_NOT_FOUND');
  });

  it('serves every call that sends the token (any case of "Bearer")', async () => {
    expect((await call(atlas, 'GET', '/_mock/state', bearer(TOKEN))).status).toBe(200);
    expect((await call(atlas, 'GET', '/_mock/clock', { Authorization: `bearer ${TOKEN}` })).status).toBe(200);
  });

  it('a refused change changes nothing', async () => {
    const before = (await call(atlas, 'GET', '/_mock/state', bearer(TOKEN))).text;
    const refused = await call(atlas, 'POST', '/_mock/apiKeys', {}, { publicKey: 'intruder', privateKey: 'intruder-private', roles: ['GROUP_OWNER'] });
    expect(refused.status).toBe(401);
    expect((await call(atlas, 'POST', '/_mock/reset?empty=true')).status).toBe(401);
    expect((await call(atlas, 'GET', '/_mock/state', bearer(TOKEN))).text).toBe(before);
  });

  it('leaves the Atlas API as it was: Digest works, and the control token is no Atlas credential', async () => {
    const digest = await urllib(`${atlas.baseUrl}/api/atlas/v2/groups/${SEED_GROUP_ID}`, {
      digestAuth: SEED_OWNER,
      headers: { Accept: 'application/vnd.atlas.2023-01-01+json' },
    });
    expect(digest.status).toBe(200);
    const withControlToken = await call(atlas, 'GET', `/api/atlas/v2/groups/${SEED_GROUP_ID}`, { ...bearer(TOKEN), Accept: 'application/vnd.atlas.2023-01-01+json' });
    expect(withControlToken.status).toBe(401);
  });

  it('the test helpers send the token on their control calls (createApiKey through clientOf)', async () => {
    const client = clientOf(new ResponseRecorder(), atlas);
    const made = await createApiKey(client, ['GROUP_READ_ONLY'], SEED_GROUP_ID);
    const res = await client.as(made.credentials).get(`/api/atlas/v2/groups/${SEED_GROUP_ID}`, 'application/vnd.atlas.2023-01-01+json');
    expect(res.status).toBe(200);
  });
});

describe('--no-control-api: no control API at all', () => {
  it('answers 404 RESOURCE_NOT_FOUND on every /_mock path, like any unknown path, and changes nothing', async () => {
    await withAtlas({ controlApi: false }, async (atlas) => {
      expect(atlas.controlApi).toBe('off');
      for (const [method, path] of [
        ['GET', '/_mock/state'],
        ['POST', '/_mock/reset?empty=true'],
        ['POST', '/_mock/apiKeys'],
        ['GET', '/_mock'],
      ] as const) {
        const res = await call(atlas, method, path, {}, method === 'POST' ? { publicKey: 'k', privateKey: 'p-private-1234', roles: ['GROUP_OWNER'] } : undefined);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.json()).toMatchObject({ errorCode: 'RESOURCE_NOT_FOUND', parameters: [path.split('?')[0]] });
      }
      expect(Object.keys(atlas.store.state.projects)).toEqual([SEED_GROUP_ID]);
      expect(atlas.store.state.apiKeys.some((k) => k.publicKey === 'k')).toBe(false);
      const digest = await urllib(`${atlas.baseUrl}/api/atlas/v2/groups/${SEED_GROUP_ID}`, {
        digestAuth: SEED_OWNER,
        headers: { Accept: 'application/vnd.atlas.2023-01-01+json' },
      });
      expect(digest.status).toBe(200);
    });
  });
});

describe('the control API by default', () => {
  it('is open: served without any Authorization', async () => {
    await withAtlas({}, async (atlas) => {
      expect(atlas.controlApi).toBe('open');
      expect(atlas.controlToken).toBeUndefined();
      expect((await call(atlas, 'GET', '/_mock/state')).status).toBe(200);
    });
  });

  it('refuses to start with a control token that is not one', async () => {
    await expect(startServer({ port: 0, controlToken: 'short' })).rejects.toThrow('controlToken must be 16 to 512 visible ASCII characters (no spaces)');
  });
});
