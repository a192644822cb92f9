import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { request as urllib } from 'urllib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningMockAtlas } from '../server/start';
import { redactSecrets, RequestJournal, type JournalEntry } from './journal';

const GROUP = '5e2211c17a3e5a48f5497de3';
// Canaries planted everywhere a secret can travel: the demo's credentials, a KMS secret in a
// body, a client secret in a form, a secret-named query parameter. None may reach the journal.
const OWNER_KEY = 'CANARY-owner-private-1f3a';
const SA_SECRET = 'CANARY-sa-secret-77b0';
const AZURE_SECRET = 'CANARY-azure-secret-0c4d';
const AWS_SECRET = 'CANARY-aws-secret-9e21';
const QUERY_SECRET = 'CANARY-query-5a5a';

describe('redactSecrets', () => {
  it('replaces secret-named fields at any depth and in any case, keeping everything else', () => {
    const body = {
      awsKms: { enabled: true, accessKeyID: 'AKIA', secretAccessKey: 's1', region: 'US_EAST_1' },
      azureKeyVault: { Secret: 's2', keyVaultName: 'v' },
      list: [{ privateKey: 's3' }, { PRIVATEKEY: 's4', name: 'n' }],
      googleCloudKms: { serviceAccountKey: { nested: 's5' } },
      client_secret: 's6',
    };
    expect(redactSecrets(body)).toEqual({
      awsKms: { enabled: true, accessKeyID: 'AKIA', secretAccessKey: '<redacted>', region: 'US_EAST_1' },
      azureKeyVault: { Secret: '<redacted>', keyVaultName: 'v' },
      list: [{ privateKey: '<redacted>' }, { PRIVATEKEY: '<redacted>', name: 'n' }],
      googleCloudKms: { serviceAccountKey: '<redacted>' },
      client_secret: '<redacted>',
    });
  });

  it('stops at a depth no Atlas body reaches instead of recursing without end', () => {
    let deep: unknown = { secret: 'x' };
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(JSON.stringify(redactSecrets(deep))).toContain('<omitted: nested too deeply>');
  });
});

describe('RequestJournal', () => {
  const entry = (method: string, path: string): Omit<JournalEntry, 'id'> => ({ at: '2026-01-01T00:00:00.000Z', method, path, query: {}, status: 200, durationMs: 1 });

  it('keeps the newest requests up to its capacity, oldest first', () => {
    const journal = new RequestJournal(3);
    for (let i = 1; i <= 5; i += 1) journal.record(entry('GET', `/api/${i}`));
    expect(journal.list().map((e) => [e.id, e.path])).toEqual([
      [3, '/api/3'],
      [4, '/api/4'],
      [5, '/api/5'],
    ]);
  });

  it('stays in order through many wrap-arounds of its ring, and after a clear', () => {
    const journal = new RequestJournal(4);
    for (let i = 1; i <= 23; i += 1) journal.record(entry(i % 2 ? 'GET' : 'PATCH', `/api/${i}`));
    expect(journal.list().map((e) => e.id)).toEqual([20, 21, 22, 23]);
    expect(journal.list({ method: 'PATCH' }).map((e) => e.id)).toEqual([20, 22]);
    expect(journal.clear()).toBe(4);
    for (let i = 24; i <= 29; i += 1) journal.record(entry('GET', `/api/${i}`));
    expect(journal.list().map((e) => e.id)).toEqual([26, 27, 28, 29]);
  });

  it('filters by method (any case) and path prefix, and clears', () => {
    const journal = new RequestJournal();
    journal.record(entry('GET', '/api/atlas/v2/groups/g'));
    journal.record(entry('PATCH', '/api/atlas/v2/groups/g/encryptionAtRest'));
    journal.record(entry('POST', '/api/oauth/token'));
    expect(journal.list({ method: 'patch' }).map((e) => e.id)).toEqual([2]);
    expect(journal.list({ pathPrefix: '/api/atlas/' }).map((e) => e.id)).toEqual([1, 2]);
    expect(journal.list({ method: 'GET', pathPrefix: '/api/oauth' })).toEqual([]);
    expect(journal.clear()).toBe(3);
    expect(journal.list()).toEqual([]);
    expect(journal.record(entry('GET', '/api/x')).id).toBe(4);
  });

  it('lists only what came after an id, so a reader can follow it without clearing it', () => {
    const journal = new RequestJournal(3);
    for (let i = 1; i <= 5; i += 1) journal.record(entry(i % 2 ? 'GET' : 'PATCH', `/api/${i}`));
    expect(journal.list({ afterId: 3 }).map((e) => e.id)).toEqual([4, 5]);
    expect(journal.list({ afterId: 0, method: 'GET' }).map((e) => e.id)).toEqual([3, 5]);
    expect(journal.list({ afterId: 5 })).toEqual([]);
  });
});

describe('the request journal over HTTP', () => {
  let atlas: RunningMockAtlas;
  const control = (path: string, init?: RequestInit) => fetch(`${atlas.baseUrl}/_mock${path}`, init);
  const journal = async (query = ''): Promise<{ results: JournalEntry[]; totalCount: number; text: string }> => {
    const res = await control(`/requests${query}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    return { ...(JSON.parse(text) as { results: JournalEntry[]; totalCount: number }), text };
  };

  beforeAll(async () => {
    atlas = await startServer({
      port: 0,
      clock: 'manual',
      env: { AZURE_CLIENT_SECRET: 'CANARY-demo-azure-1111', MOCK_ATLAS_OWNER_PRIVATE_KEY: OWNER_KEY, MOCK_ATLAS_READER_PRIVATE_KEY: 'CANARY-reader-2222', MOCK_ATLAS_SA_SECRET: SA_SECRET },
    });
  });
  afterAll(() => atlas.close());
  beforeEach(async () => {
    expect((await control('/requests', { method: 'DELETE' })).status).toBe(204);
  });

  it('records method, path, query, status, version, principal, duration and the virtual time of each request', async () => {
    const at = atlas.store.clock.now().toISOString();
    const v1 = await urllib(`${atlas.baseUrl}/api/atlas/v1.0/groups/${GROUP}?pretty=true`, { digestAuth: `demo-owner:${OWNER_KEY}` });
    expect(v1.status).toBe(200);
    const v2 = await urllib(`${atlas.baseUrl}/api/atlas/v2/groups/${GROUP}`, {
      digestAuth: `demo-owner:${OWNER_KEY}`,
      headers: { Accept: 'application/vnd.atlas.2025-03-12+json' },
    });
    expect(v2.status).toBe(200);

    const { results, totalCount } = await journal();
    // Each digest call is a 401 challenge, then the answered request; the version is negotiated
    // after authentication, so a challenge has none.
    expect(totalCount).toBe(4);
    expect(results.map((e) => [e.method, e.path, e.query, e.status, e.version, e.principal])).toEqual([
      ['GET', `/api/atlas/v1.0/groups/${GROUP}`, { pretty: 'true' }, 401, undefined, undefined],
      ['GET', `/api/atlas/v1.0/groups/${GROUP}`, { pretty: 'true' }, 200, 'v1.0', 'demo-owner'],
      ['GET', `/api/atlas/v2/groups/${GROUP}`, {}, 401, undefined, undefined],
      ['GET', `/api/atlas/v2/groups/${GROUP}`, {}, 200, '2023-01-01', 'demo-owner'],
    ]);
    for (const e of results) {
      expect(e.at).toBe(at);
      expect(e.durationMs).toBeGreaterThanOrEqual(0);
      expect(e.body).toBeUndefined();
    }
    expect(results.map((e) => e.id)).toEqual([...results.map((e) => e.id)].sort((a, b) => a - b));
  });

  it('never holds a planted secret: not in bodies, forms, queries, nor any header', async () => {
    const patch = await urllib(`${atlas.baseUrl}/api/atlas/v1.0/groups/${GROUP}/encryptionAtRest?secret=${QUERY_SECRET}&pretty=true`, {
      method: 'PATCH',
      digestAuth: `demo-owner:${OWNER_KEY}`,
      contentType: 'json',
      data: {
        awsKms: { enabled: true, accessKeyID: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: AWS_SECRET, customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g', region: 'US_EAST_1' },
        azureKeyVault: { secret: AZURE_SECRET },
      },
    });
    expect(patch.status).toBe(200);
    expect(atlas.store.state.projects[GROUP]?.encryptionAtRest.providers.AWS.settings.secretAccessKey).toBe(AWS_SECRET);
    const token = await fetch(`${atlas.baseUrl}/api/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'mdb_sa_id_demo', client_secret: SA_SECRET }),
    });
    expect(token.status).toBe(200);
    const accessToken = ((await token.json()) as { access_token: string }).access_token;
    const bearer = await fetch(`${atlas.baseUrl}/api/atlas/v2/groups/${GROUP}`, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/vnd.atlas.2023-01-01+json' },
    });
    expect(bearer.status).toBe(200);

    const { results, text } = await journal();
    for (const secret of [OWNER_KEY, SA_SECRET, AZURE_SECRET, AWS_SECRET, QUERY_SECRET, accessToken, 'CANARY']) expect(text, secret).not.toContain(secret);
    expect(text).not.toMatch(/authorization|digest |bearer /i);

    const patched = results.find((e) => e.method === 'PATCH' && e.status !== 401);
    expect(patched?.query).toEqual({ secret: '<redacted>', pretty: 'true' });
    expect(patched?.body).toEqual({
      awsKms: { enabled: true, accessKeyID: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: '<redacted>', customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g', region: 'US_EAST_1' },
      azureKeyVault: { secret: '<redacted>' },
    });
    const tokenEntry = results.find((e) => e.path === '/api/oauth/token');
    expect(tokenEntry).toMatchObject({ method: 'POST', status: 200, body: { grant_type: 'client_credentials', client_id: 'mdb_sa_id_demo', client_secret: '<redacted>' } });
    expect(results.find((e) => e.status === 200 && e.path === `/api/atlas/v2/groups/${GROUP}`)?.principal).toBe('mdb_sa_id_demo');
  });

  it('keeps a body over 64 KiB as its size only, whether it came with a Content-Length or chunked', async () => {
    const url = `${atlas.baseUrl}/api/atlas/v1.0/groups/${GROUP}/encryptionAtRest`;
    const big = { googleCloudKms: { enabled: false }, padding: 'x'.repeat(70_000) };
    const bytes = Buffer.byteLength(JSON.stringify(big));
    const sized = await urllib(url, { method: 'PATCH', digestAuth: `demo-owner:${OWNER_KEY}`, contentType: 'json', data: big });
    expect(sized.status).toBe(400);
    // A streamed body has no Content-Length: fetch sends it chunked (one request: Bearer, no challenge).
    const token = await fetch(`${atlas.baseUrl}/api/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'mdb_sa_id_demo', client_secret: SA_SECRET }),
    });
    const accessToken = ((await token.json()) as { access_token: string }).access_token;
    const chunked = await fetch(url, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: Readable.toWeb(Readable.from([Buffer.from(JSON.stringify(big))])) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(400);
    const answered = (await journal()).results.filter((e) => e.status === 400);
    expect(answered.map((e) => e.body)).toEqual([`<omitted: ${bytes} bytes>`, `<omitted: ${bytes} bytes>`]);
  });

  it('keeps a compressed body over 64 KiB as its size only, however small it was on the wire', async () => {
    const url = `${atlas.baseUrl}/api/atlas/v1.0/groups/${GROUP}/encryptionAtRest`;
    const big = { googleCloudKms: { enabled: false }, padding: 'x'.repeat(200_000) };
    const text = JSON.stringify(big);
    const zipped = gzipSync(text);
    expect(zipped.length).toBeLessThan(64 * 1024);
    const res = await urllib(url, { method: 'PATCH', digestAuth: `demo-owner:${OWNER_KEY}`, headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, content: zipped });
    expect(res.status).toBe(400);
    const answered = (await journal()).results.filter((e) => e.status === 400);
    expect(answered.map((e) => e.body)).toEqual([`<omitted: ${Buffer.byteLength(text)} bytes>`]);
  });

  it('records the state revision each response saw: a write its own change, a read or refusal the state it read', async () => {
    const ear = `${atlas.baseUrl}/api/atlas/v2/groups/${GROUP}/encryptionAtRest`;
    const v2 = { digestAuth: `demo-owner:${OWNER_KEY}`, headers: { Accept: 'application/vnd.atlas.2023-01-01+json' } };
    const start = atlas.store.revision;
    for (const enabledForSearchNodes of [true, false]) {
      expect((await urllib(ear, { ...v2, method: 'PATCH', contentType: 'json', data: { enabledForSearchNodes } })).status).toBe(200);
    }
    expect((await urllib(ear, v2)).status).toBe(200);
    expect((await urllib(`${atlas.baseUrl}/api/atlas/v2/groups/${GROUP}/clusters/none`, v2)).status).toBe(404);

    const answered = (await journal()).results.filter((e) => e.status !== 401);
    expect(answered.map((e) => [e.method, e.status, e.revision])).toEqual([
      ['PATCH', 200, start + 1],
      ['PATCH', 200, start + 2],
      ['GET', 200, start + 2],
      ['GET', 404, start + 2],
    ]);
    expect(atlas.store.revision).toBe(start + 2);
  });

  it('records the revision whichever writer answered: challenges, OAuth answers and errors, revocations, Atlas errors', async () => {
    const base = atlas.baseUrl;
    const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    const basic = `Basic ${Buffer.from(`mdb_sa_id_demo:${SA_SECRET}`).toString('base64')}`;
    expect((await fetch(`${base}/api/atlas/v2/groups/${GROUP}`)).status).toBe(401);
    const issued = await fetch(`${base}/api/oauth/token`, form({ grant_type: 'client_credentials', client_id: 'mdb_sa_id_demo', client_secret: SA_SECRET }));
    expect(issued.status).toBe(200);
    const token = ((await issued.json()) as { access_token: string }).access_token;
    expect((await fetch(`${base}/api/oauth/token`, form({ grant_type: 'client_credentials', client_id: 'mdb_sa_id_demo', client_secret: 'wrong' }))).status).toBe(401);
    const missing = await fetch(`${base}/api/atlas/v2/groups/${GROUP}/clusters/none`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/vnd.atlas.2024-08-05+json' } });
    expect(missing.status).toBe(404);
    const revoked = await fetch(`${base}/api/oauth/revoke`, { ...form({ token }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic } });
    expect(revoked.status).toBe(200);

    const entries = (await journal()).results;
    expect(entries.map((e) => [e.path.replace(`/groups/${GROUP}`, '/groups/G'), e.status])).toEqual([
      ['/api/atlas/v2/groups/G', 401],
      ['/api/oauth/token', 200],
      ['/api/oauth/token', 401],
      ['/api/atlas/v2/groups/G/clusters/none', 404],
      ['/api/oauth/revoke', 200],
    ]);
    for (const e of entries) expect(e.revision, `${e.path} ${e.status}`).toBe(atlas.store.revision);
  });

  it('answers only the entries after ?after=, and refuses an after that is not an id', async () => {
    await fetch(`${atlas.baseUrl}/api/atlas/v2/groups`);
    await fetch(`${atlas.baseUrl}/api/atlas/v2/groups/${GROUP}`);
    const all = (await journal()).results;
    expect(all).toHaveLength(2);
    expect((await journal(`?after=${all[0]!.id}`)).results.map((e) => e.id)).toEqual([all[1]!.id]);
    expect((await journal(`?after=${all[1]!.id}`)).totalCount).toBe(0);
    const bad = await control('/requests?after=-1');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errorCode: 'INVALID_QUERY_PARAMETER', parameters: ['after'] });
  });

  it('filters by method and path prefix, leaves the control API out, and clears', async () => {
    await fetch(`${atlas.baseUrl}/api/atlas/v2/groups`);
    await fetch(`${atlas.baseUrl}/api/atlas/v1.0/groups/${GROUP}/encryptionAtRest`, { method: 'PATCH' });
    await control('/state');
    expect((await journal()).results.map((e) => [e.method, e.path, e.status])).toEqual([
      ['GET', '/api/atlas/v2/groups', 401],
      ['PATCH', `/api/atlas/v1.0/groups/${GROUP}/encryptionAtRest`, 401],
    ]);
    expect((await journal('?method=patch')).results.map((e) => e.method)).toEqual(['PATCH']);
    expect((await journal('?path=/api/atlas/v2/')).results.map((e) => e.path)).toEqual(['/api/atlas/v2/groups']);
    expect((await control('/requests', { method: 'DELETE' })).status).toBe(204);
    expect((await journal()).totalCount).toBe(0);
  });
});
