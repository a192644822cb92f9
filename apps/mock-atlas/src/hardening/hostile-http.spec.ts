// Issue 8 item 1: hostile HTTP input against every endpoint of the mock. Each case of the corpus
// (hostile-corpus.ts) is sent over a bare socket and must get its Atlas 4xx body, leave the
// state byte-identical (GET /_mock/state before and after, and no commit at all in the store),
// and leave the server up; after the whole corpus nothing may have polluted Object.prototype.
// Each status's phrase is pinned by libs/atlas-http's error-catalogue.spec; here the body's reason
// must be the one for the status actually sent.
import { ATLAS_ERRORS, isAtlasErrorCode, OPERATION_VERSIONS, reasonPhrase, type OperationKey } from '@mock-atlas/atlas-http';
import type { MockState } from '@mock-atlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { MockStore } from '../server/mock-store';
import { startServer, type RunningMockAtlas } from '../server/start';
import { atlasEndpoints, declaredEndpoints, declaredRoutes, MOUNTS, NOT_SERVED, notServedEndpoints } from './hostile-endpoints';
import { fillPath, hostileCorpus, type Category, type HostileCase } from './hostile-corpus';
import { requestBytes, sendRaw, type RawReply, type RawRequest } from './raw-http';

/** The demo project (examples/demo-project.yaml): the mock's default, with every kind of resource. */
const GROUP = '5e2211c17a3e5a48f5497de3';
const SNAPSHOT = '6a793f6b2c88faeba59bae37';
const SA_ID = 'mdb_sa_id_demo';
const SA_SECRET = 'hardening-sa-secret-7c1d';
const ENV = { MOCK_ATLAS_SA_SECRET: SA_SECRET, MOCK_ATLAS_OWNER_PRIVATE_KEY: 'owner-4b2a', MOCK_ATLAS_READER_PRIVATE_KEY: 'reader-9e8f', AZURE_CLIENT_SECRET: 'azure-5d6c' };

let atlas: RunningMockAtlas;
let cases: HostileCase[];
let baseline: string;
let baselineState: MockState;
let commits = 0;

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const startedAt = performance.now();

async function send(request: RawRequest): Promise<RawReply> {
  return sendRaw(atlas.port, requestBytes(request));
}

async function stateText(): Promise<string> {
  const reply = await send({ method: 'GET', target: '/_mock/state' });
  if (reply.status !== 200) throw new Error(`GET /_mock/state → ${reply.status}: ${reply.text.slice(0, 200)}`);
  return reply.text;
}

async function json(request: RawRequest, status: number): Promise<Record<string, unknown>> {
  const reply = await send(request);
  if (reply.status !== status) throw new Error(`${request.method} ${String(request.target)} → ${reply.status}: ${reply.text.slice(0, 300)}`);
  return JSON.parse(reply.text) as Record<string, unknown>;
}

beforeAll(async () => {
  atlas = await startServer({ port: 0, clock: 'manual', env: ENV });
  const basic = Buffer.from(`${SA_ID}:${SA_SECRET}`).toString('base64');
  const token = await json(
    { method: 'POST', target: '/api/oauth/token', headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' },
    200,
  );
  const authorization = `Bearer ${String(token['access_token'])}`;
  // A restore job to aim at; it also moves the state away from the start-up state, so a request
  // that reached POST /_mock/reset would show in the comparison.
  const job = await json(
    {
      method: 'POST',
      target: `/api/atlas/v1.0/groups/${GROUP}/clusters/orders/backup/restoreJobs`,
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify({ snapshotId: SNAPSHOT, deliveryType: 'automated', targetClusterName: 'orders', targetGroupId: GROUP }),
    },
    200,
  );
  const ids = { groupId: GROUP, clusterName: 'orders', snapshotId: SNAPSHOT, restoreJobId: String(job['id']) };
  const app = createApp({ store: new MockStore(), env: {} });
  cases = hostileCorpus([...atlasEndpoints(), ...declaredEndpoints(app)], notServedEndpoints(), { ids, authorization });
  baseline = await stateText();
  baselineState = atlas.store.state;
  atlas.store.onChange(() => {
    commits += 1;
  });
}, 30_000);

afterAll(async () => {
  await atlas?.close();
});

/** What is wrong with a reply, or undefined when it is the Atlas error the case expects. */
function problemOf(c: HostileCase, reply: RawReply): string | undefined {
  if (reply.status < 400 || reply.status >= 500) return `status ${reply.status}: ${reply.text.slice(0, 200)}`;
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return `status ${reply.status}, not JSON: ${JSON.stringify(reply.text.slice(0, 120))}`;
  }
  if (c.expect.kind === 'oauth') {
    const b = body as { error?: unknown; error_description?: unknown };
    if (!c.expect.statuses.includes(reply.status)) return `status ${reply.status}, expected one of ${c.expect.statuses.join('/')}`;
    return typeof b.error === 'string' && typeof b.error_description === 'string' ? undefined : `not an RFC 6749 error: ${reply.text.slice(0, 200)}`;
  }
  const b = body as Record<string, unknown>;
  // The control API may add fields after the Atlas ones (`findings` of a refused config); Atlas paths never.
  const keys = Object.keys(b);
  const atlasKeys = keys.slice(0, 5).join(',') === 'detail,error,errorCode,parameters,reason';
  if (!atlasKeys || (keys.length > 5 && c.endpoint.area !== 'control')) return `not an Atlas error body: ${reply.text.slice(0, 200)}`;
  if (!reply.headers['content-type']?.startsWith('application/json')) return `Content-Type ${reply.headers['content-type']}`;
  const code = String(b['errorCode']);
  if (b['error'] !== reply.status || b['reason'] !== reasonPhrase(reply.status)) return `body says ${String(b['error'])} ${String(b['reason'])}, status is ${reply.status}`;
  if (!isAtlasErrorCode(code)) return `errorCode ${code} is not in the catalogue`;
  if (reply.headers['x-error-code'] !== code) return `X-Error-Code ${reply.headers['x-error-code']} for ${code}`;
  if (typeof b['detail'] !== 'string' || !Array.isArray(b['parameters'])) return `detail/parameters malformed: ${reply.text.slice(0, 200)}`;
  const fits = c.expect.outcomes.some((o) => o.status === reply.status && (o.codes.length ? o.codes.includes(code) : ATLAS_ERRORS[code].httpStatus === reply.status));
  if (!fits) {
    const wanted = c.expect.outcomes.map((o) => `${o.status} ${o.codes.join('|') || '(any)'}`).join(' or ');
    return `got ${reply.status} ${code} (${String(b['detail']).slice(0, 120)}), expected ${wanted}`;
  }
  if (/\bat \S+:\d+:\d+|node_modules|<html/i.test(reply.text)) return `internals in the body: ${reply.text.slice(0, 200)}`;
  return undefined;
}

/** Runs the cases of one category; each failure is listed with its case id. */
async function runCategory(category: Category): Promise<string[]> {
  const failures: string[] = [];
  for (const c of cases.filter((x) => x.category === category)) {
    const before = commits;
    let reply: RawReply;
    try {
      reply = await send(c.request);
    } catch (error) {
      failures.push(`${c.id}: ${(error as Error).message}`);
      continue;
    }
    const problem = problemOf(c, reply);
    if (problem) failures.push(`${c.id}: ${problem}`);
    if (commits !== before) failures.push(`${c.id}: the store committed a change`);
    // A GET that committed shows in `commits`; the state's text is compared after every other case.
    if (c.request.method !== 'GET' && (await stateText()) !== baseline) {
      failures.push(`${c.id}: GET /_mock/state changed`);
      // Back to the baseline, so that the next cases are judged on their own.
      atlas.store.replace(baselineState);
    }
  }
  if ((await stateText()) !== baseline) failures.push(`${category}: GET /_mock/state changed during the category`);
  return failures;
}

const CATEGORIES: readonly Category[] = [
  'malformed-json',
  'content-type',
  'empty-body',
  'non-object-json',
  'wrong-type',
  'unknown-field',
  'prototype-key',
  'huge-body',
  'deep-nesting',
  'invalid-utf8-body',
  'path-traversal',
  'invalid-utf8-path',
  'huge-url',
  'accept-version',
  'http-framing',
  'not-served',
];

describe('the corpus covers every endpoint', () => {
  it('the Express routes under both Atlas base paths are the operations table, less the operations marked not served', () => {
    const routes = declaredRoutes(createApp({ store: new MockStore(), env: {} }));
    const table = (Object.keys(OPERATION_VERSIONS) as OperationKey[]).filter((key) => !NOT_SERVED.has(key));
    for (const area of ['v1.0', 'v2'] as const) {
      const expected = table.map((key) => `${OPERATION_VERSIONS[key].method} ${MOUNTS[area]}${OPERATION_VERSIONS[key].path.slice(MOUNTS.v2.length)}`);
      expect([...(routes.get(MOUNTS[area]) ?? [])].sort()).toEqual(expected.sort());
    }
  });

  it('every endpoint and every category has cases', () => {
    const endpoints = new Set(cases.map((c) => `${c.endpoint.method} ${c.endpoint.template}`));
    const app = createApp({ store: new MockStore(), env: {} });
    for (const e of [...atlasEndpoints(), ...declaredEndpoints(app), ...notServedEndpoints()]) expect(endpoints).toContain(`${e.method} ${e.template}`);
    expect(new Set(cases.map((c) => c.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('fills every path template with a known id', () => {
    expect(fillPath('/api/atlas/v2/groups/{groupId}/clusters/{clusterName}', { groupId: GROUP, clusterName: 'a b' })).toBe(`/api/atlas/v2/groups/${GROUP}/clusters/a%20b`);
    expect(() => fillPath('/x/{unknown}', {})).toThrow(/no id for \{unknown\}/);
  });
});

describe('hostile HTTP input: Atlas 4xx body, state untouched, server up', () => {
  it.each(CATEGORIES)('%s', async (category) => {
    const failures = await runCategory(category);
    expect(failures.length, `${failures.length} failed:\n${failures.join('\n')}`).toBe(0);
  }, 60_000);

  it('after the whole corpus: the state is the baseline, the server answers, nothing polluted a prototype', async () => {
    expect(await stateText()).toBe(baseline);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    const elapsed = Math.round(performance.now() - startedAt);
    // The measured numbers for docs/security.md; no assertion on time.
    process.stdout.write(`hostile corpus: ${cases.length} cases over ${new Set(cases.map((c) => c.endpoint.template + c.endpoint.method)).size} endpoints in ${elapsed} ms\n`);
  });
});
