// Black-box scenarios for the simulated KMS, the validity checks, the virtual clock and the
// alert configs (issue 4 items 5-8), driven through the Atlas API and the control API of a
// mock started with --clock manual. The project under test is loaded over HTTP
// (POST /_mock/projects, YAML) before each scenario.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningMockAtlas } from '../server/start';
import { AtlasClient } from '../testing/clients';
import { checkRecorded } from '../testing/contract';
import { ResponseRecorder } from '../testing/recorder';

type Json = Record<string, unknown>;

const GROUP = '5e2211c17a3e5a48f5497de3';
const BYSTANDER = '5e2211c17a3e5a48f5497de9';
const KEY = '030gce02-586d-48d2-a966-05ea954fde0g';
const OTHER_KEY = '7a1cbb02-586d-48d2-a966-05ea954fde11';
const SNAPSHOT = '6a793f6b2c88faeba59bae37';
const DAY_MS = 24 * 60 * 60 * 1000;
/** The one date MongoDB's own clients send to every endpoint (PRODUCT.md). */
const CLIENT_DATE = '2025-03-12';

// A project that the seed's S0:63 story happens to: AWS KMS, one CMK cluster (`orders`,
// with a snapshot taken with the key), one cluster without customer keys (`plain`).
const PROJECT_YAML = `version: 1
project: { name: payments, id: ${GROUP} }
encryptionAtRest:
  awsKms: { enabled: true, customerMasterKeyID: ${KEY}, region: US_EAST_1, roleId: 5f232b94af0a6b41747bcc2d }
kms:
  keys:
    - { provider: AWS, keyId: ${KEY}, state: ENABLED }
clusters:
  - name: orders
    clusterType: REPLICASET
    providerSettings: { providerName: AWS, instanceSizeName: M30, regionName: US_EAST_1 }
    diskSizeGB: 40
    encryptionAtRestProvider: AWS
    providerBackupEnabled: true
  - name: plain
    clusterType: REPLICASET
    providerSettings: { providerName: AWS, instanceSizeName: M10, regionName: US_EAST_1 }
    providerBackupEnabled: true
snapshots:
  - { id: ${SNAPSHOT}, cluster: orders, createdAt: "2026-03-01T06:00:00Z", encryptionKey: { provider: AWS, keyId: ${KEY} } }
apiKeys:
  - { publicKey: owner, privateKey: "\${env:OWNER_KEY}", roles: [GROUP_OWNER] }
  - { publicKey: second-owner, privateKey: "\${env:OWNER_KEY}", roles: [GROUP_OWNER] }
  - { publicKey: reader, privateKey: "\${env:READER_KEY}", roles: [GROUP_READ_ONLY] }
serviceAccounts:
  - { clientId: mdb_sa_id_owner, clientSecret: "\${env:SA_SECRET}", roles: [GROUP_OWNER] }
`;

// The project every server starts with: another customer, whose clusters must never notice.
const BYSTANDER_YAML = `version: 1
project: { name: bystander, id: ${BYSTANDER} }
encryptionAtRest:
  awsKms: { enabled: true, customerMasterKeyID: ${OTHER_KEY}, region: US_EAST_1, roleId: 5f232b94af0a6b41747bcc2d }
kms:
  keys:
    - { provider: AWS, keyId: ${OTHER_KEY}, state: ENABLED }
clusters:
  - name: ledger
    clusterType: REPLICASET
    providerSettings: { providerName: AWS, instanceSizeName: M30, regionName: US_EAST_1 }
    encryptionAtRestProvider: AWS
    providerBackupEnabled: true
apiKeys:
  - { publicKey: bystander-owner, privateKey: "\${env:OWNER_KEY}", roles: [GROUP_OWNER] }
`;

const ENV = { OWNER_KEY: 'owner-private-0001', READER_KEY: 'reader-private-0001', SA_SECRET: 'sa-secret-0001' };
const USERS = { owner: 'owner:owner-private-0001', reader: 'reader:reader-private-0001' } as const;

let atlas: RunningMockAtlas;
let dir: string;

async function startWith(options: Parameters<typeof startServer>[0] = {}): Promise<RunningMockAtlas> {
  return startServer({ port: 0, configs: [join(dir, 'bystander.yaml')], clock: 'manual', env: ENV, ...options });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kms-scenarios-'));
  writeFileSync(join(dir, 'bystander.yaml'), BYSTANDER_YAML);
  atlas = await startWith();
});

afterAll(async () => {
  await atlas.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await control('POST', '/reset');
  await loadProject(atlas);
});

// ── HTTP helpers ─────────────────────────────────────────────────────────────────────────

interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: Json;
}

interface CallOptions {
  /** 'v1.0', or the date the client puts in its Accept header. */
  readonly version?: string;
  readonly body?: unknown;
  readonly as?: keyof typeof USERS;
  readonly server?: RunningMockAtlas;
}

/** Every Atlas API response of the suite, for the contract check at its end. */
const recorder = new ResponseRecorder();

/** An Atlas API call over HTTP Digest (urllib), recorded. */
async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const version = options.version ?? 'v1.0';
  const base = version === 'v1.0' ? '/api/atlas/v1.0' : '/api/atlas/v2';
  const accept = version === 'v1.0' ? 'application/json' : `application/vnd.atlas.${version}+json`;
  const client = new AtlasClient(recorder, (options.server ?? atlas).baseUrl, { digest: USERS[options.as ?? 'owner'] });
  const res = await client.send({ method, path: `${base}${path}`, accept, ...(options.body === undefined ? {} : { body: options.body }) });
  return { status: res.status, contentType: res.headers['content-type'] ?? '', body: res.body ? res.json() : {} };
}

/** A control API call (no authentication). */
async function control(method: string, path: string, body?: unknown, server = atlas): Promise<Reply> {
  const res = await fetch(`${server.baseUrl}/_mock${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: (await res.json()) as Json };
}

async function ok(method: string, path: string, body?: unknown, server = atlas): Promise<Json> {
  const reply = await control(method, path, body, server);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

async function loadProject(server: RunningMockAtlas): Promise<void> {
  const res = await fetch(`${server.baseUrl}/_mock/projects`, { method: 'POST', body: PROJECT_YAML, headers: { 'Content-Type': 'application/yaml' } });
  expect(res.status, await res.clone().text()).toBe(201);
}

const setKey = (state: string, keyId = KEY) => ok('POST', '/kms/keys', { provider: 'AWS', keyId, state });
const validate = (groupId = GROUP) => ok('POST', `/groups/${groupId}/encryptionAtRest/validate`);
const mockCluster = (name: string, groupId = GROUP) => ok('GET', `/groups/${groupId}/clusters/${name}`);
const advance = (duration: string, server = atlas) => ok('POST', '/clock', { advance: duration }, server);
const outbox = async () => (await ok('GET', '/outbox')).notifications as Json[];

interface StateExport {
  readonly alerts: readonly Json[];
  readonly projects: Readonly<Record<string, { clusters: Json[]; snapshots: Json[] }>>;
}
const exported = async (server = atlas) => (await ok('GET', '/state', undefined, server)) as unknown as StateExport;
/** The alerts of the project under test (the bystander's keys have their own). */
const alertsOf = async (eventTypeName: string, server = atlas) =>
  (await exported(server)).alerts.filter((a) => a['eventTypeName'] === eventTypeName && a['groupId'] === GROUP);

async function awsKms(): Promise<Json> {
  const reply = await call('GET', `/groups/${GROUP}/encryptionAtRest`, { version: CLIENT_DATE });
  expect(reply.status).toBe(200);
  return reply.body['awsKms'] as Json;
}

/** S0:63: the key disabled in the KMS, then the check run ("Try Again"). */
async function disableKeyAndValidate(): Promise<Json> {
  await setKey('DISABLED');
  return validate();
}

// ── Scenarios ────────────────────────────────────────────────────────────────────────────

describe('the simulated KMS (POST/GET /_mock/kms/keys, POST /_mock/kms/credentials)', () => {
  it('spec PRODUCT upserts a key and lists it with its state', async () => {
    expect(await setKey('DISABLED')).toMatchObject({ provider: 'AWS', keyId: KEY, state: 'DISABLED' });
    const keys = (await ok('GET', '/kms/keys')).keys as Json[];
    expect(keys.filter((k) => k['keyId'] === KEY)).toEqual([expect.objectContaining({ provider: 'AWS', state: 'DISABLED' })]);
    expect(keys.find((k) => k['keyId'] === OTHER_KEY)).toMatchObject({ state: 'ENABLED' });
  });

  it('spec PRODUCT refuses a bad key with a 400 Atlas error and changes nothing', async () => {
    const before = await ok('GET', '/kms/keys');
    const reply = await control('POST', '/kms/keys', { provider: 'AWS', keyId: KEY, state: 'SUSPENDED' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 400, errorCode: 'INVALID_ENUM_VALUE', parameters: ['SUSPENDED'], reason: 'Bad Request' });
    expect((await control('POST', '/kms/keys', { provider: 'OCI', keyId: KEY, state: 'ENABLED' })).body).toMatchObject({ errorCode: 'INVALID_ENUM_VALUE' });
    expect((await control('POST', '/kms/keys', { provider: 'AWS', keyId: '', state: 'ENABLED' })).body).toMatchObject({ errorCode: 'MISSING_ATTRIBUTE' });
    expect(await ok('GET', '/kms/keys')).toEqual(before);
  });

  it('D credentials for an unknown project are 404 GROUP_NOT_FOUND', async () => {
    const reply = await control('POST', '/kms/credentials', { groupId: '5e2211c17a3e5a48f5490001', provider: 'AWS', valid: false });
    expect([reply.status, reply.body['errorCode']]).toEqual([404, 'GROUP_NOT_FOUND']);
  });
});

describe('S0:63 an invalid key disables the clusters that use it', () => {
  it('S0:63 nothing happens until a check runs; the key change alone disables nothing', async () => {
    await setKey('DISABLED');
    expect(await mockCluster('orders')).toEqual({ name: 'orders', disabled: false, disabledReason: null, disabledSince: null, pendingChanges: null });
    expect(await outbox()).toEqual([]);
  });

  it('S0:63 validate: AWS invalid, `orders` disabled, `plain` and the other project untouched', async () => {
    const report = await disableKeyAndValidate();
    const now = (await ok('GET', '/clock')).now;
    expect(report).toEqual({
      groupId: GROUP,
      checkedAt: now,
      providers: [{ provider: 'AWS', valid: false, keyId: KEY, problem: 'DISABLED' }],
      disabledClusters: ['orders'],
      restoredClusters: [],
    });
    expect(await mockCluster('orders')).toEqual({
      name: 'orders',
      disabled: true,
      disabledReason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID',
      disabledSince: now,
      pendingChanges: null,
    });
    expect((await mockCluster('plain'))['disabled']).toBe(false);
    expect((await mockCluster('ledger', BYSTANDER))['disabled']).toBe(false);
    expect(await awsKms()).toMatchObject({ enabled: true, valid: false, customerMasterKeyID: KEY });
  });

  it('S0:63 the outbox holds one e-mail per Project Owner listing the affected cluster; the reader gets none', async () => {
    await disableKeyAndValidate();
    const mails = await outbox();
    expect(mails.map((m) => m['to']).sort()).toEqual(['mdb_sa_id_owner', 'owner', 'second-owner']);
    for (const mail of mails) {
      expect(mail).toMatchObject({ groupId: GROUP, clusterNames: ['orders'] });
      expect(mail['body']).toContain('orders');
      expect(mail['body']).toContain(`AWS KMS key ${KEY} is disabled`);
    }
    // A second check of the same broken key sends nothing new (S0:63: on the change).
    await validate();
    await advance('PT1H');
    expect(await outbox()).toHaveLength(3);
    expect((await ok('GET', `/outbox?groupId=${BYSTANDER}`)).notifications).toEqual([]);
  });

  it('RULES.md an AWS_ENCRYPTION_KEY_INVALID alert opens, and GET /alertConfigs shows its config', async () => {
    await disableKeyAndValidate();
    expect(await alertsOf('AWS_ENCRYPTION_KEY_INVALID')).toEqual([
      expect.objectContaining({ groupId: GROUP, status: 'OPEN', keyId: KEY, clusterNames: ['orders'] }),
    ]);
    const configs = (await call('GET', `/groups/${GROUP}/alertConfigs`, { version: CLIENT_DATE })).body['results'] as Json[];
    const invalid = configs.find((c) => c['eventTypeName'] === 'AWS_ENCRYPTION_KEY_INVALID');
    expect(invalid).toMatchObject({ groupId: GROUP, enabled: true, matchers: [] });
    expect(invalid).not.toHaveProperty('threshold');
  });

  it('S0:78 ear/key-valid-to-change: changing the key id of an invalid key is 400 ENCRYPTION_AT_REST_SETTINGS_INVALID', async () => {
    await disableKeyAndValidate();
    await setKey('ENABLED', OTHER_KEY);
    const reply = await call('PATCH', `/groups/${GROUP}/encryptionAtRest`, { version: CLIENT_DATE, body: { awsKms: { customerMasterKeyID: OTHER_KEY } } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ errorCode: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', parameters: [KEY] });
    expect(await awsKms()).toMatchObject({ customerMasterKeyID: KEY, valid: false });
  });

  it('S0:78 D turning the provider off: 400 while its key is invalid, 409 ear/disable-in-use once valid while `orders` uses it', async () => {
    await disableKeyAndValidate();
    const turnOff = () => call('PATCH', `/groups/${GROUP}/encryptionAtRest`, { version: CLIENT_DATE, body: { awsKms: { enabled: false } } });
    const whileInvalid = await turnOff();
    expect([whileInvalid.status, whileInvalid.body['errorCode']]).toEqual([400, 'ENCRYPTION_AT_REST_SETTINGS_INVALID']);
    await setKey('ENABLED');
    await validate();
    const whileUsed = await turnOff();
    expect([whileUsed.status, whileUsed.body['errorCode']]).toEqual([409, 'CANNOT_DISABLE_ENCRYPTION_AT_REST']);
    expect(await awsKms()).toMatchObject({ enabled: true, valid: true, customerMasterKeyID: KEY });
  });

  it('S0:78 with no cluster left on the key, turning it off is still refused until the key is restored', async () => {
    await disableKeyAndValidate();
    expect((await call('DELETE', `/groups/${GROUP}/clusters/orders`)).status).toBe(202);
    await advance('PT1H');
    const reply = await call('PATCH', `/groups/${GROUP}/encryptionAtRest`, { body: { awsKms: { enabled: false } } });
    expect([reply.status, reply.body['errorCode']]).toEqual([400, 'ENCRYPTION_AT_REST_SETTINGS_INVALID']);
  });

  it('S0:21 ear/credentials-and-key-valid: new credentials for a key that is itself disabled are checked against the KMS and refused', async () => {
    await disableKeyAndValidate();
    const reply = await call('PATCH', `/groups/${GROUP}/encryptionAtRest`, { version: CLIENT_DATE, body: { awsKms: { roleId: '5f232b94af0a6b41747bcc2e' } } });
    expect([reply.status, reply.body['errorCode']]).toEqual([400, 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED']);
  });

  it('S0:65 a disabled cluster takes a disk size change as pending; a snapshot taken with the key cannot be restored', async () => {
    await disableKeyAndValidate();
    const patched = await call('PATCH', `/groups/${GROUP}/clusters/orders`, { body: { diskSizeGB: 80 } });
    expect(patched.status).toBe(200);
    expect((await mockCluster('orders'))['pendingChanges']).toEqual({ diskSizeGB: 80 });
    const restore = await call('POST', `/groups/${GROUP}/clusters/orders/backup/restoreJobs`, {
      version: CLIENT_DATE,
      body: { snapshotId: SNAPSHOT, deliveryType: 'automated', targetClusterName: 'plain', targetGroupId: GROUP },
    });
    expect([restore.status, restore.body['errorCode']]).toEqual([400, 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED']);
  });
});

describe('S0:73-75 when the key is valid again the clusters come back', () => {
  it('S0:75 re-enabled key + 15 virtual minutes (the scheduled check, no validate): cluster back, pending size applied, alert closed', async () => {
    await disableKeyAndValidate();
    expect((await call('PATCH', `/groups/${GROUP}/clusters/orders`, { body: { diskSizeGB: 80 } })).status).toBe(200);
    await setKey('ENABLED');
    // Nothing until the next scheduled check (S0:63 "on the next scheduled validity check").
    expect((await mockCluster('orders'))['disabled']).toBe(true);

    const moved = await advance('PT15M');
    expect(moved['mode']).toBe('manual');
    expect(await mockCluster('orders')).toMatchObject({ disabled: false, disabledReason: null, pendingChanges: null });
    // The pending change applies as an update: UPDATING, then IDLE with the new size.
    await advance('PT1M');
    expect((await call('GET', `/groups/${GROUP}/clusters/orders`)).body).toMatchObject({ diskSizeGB: 80, stateName: 'IDLE' });
    expect(await awsKms()).toMatchObject({ valid: true });
    const [alert] = await alertsOf('AWS_ENCRYPTION_KEY_INVALID');
    expect(alert).toMatchObject({ status: 'CLOSED' });
    // Closed by the scheduled check, at its own instant within the 15 minutes.
    expect(Date.parse(String(alert!['resolved']))).toBeLessThanOrEqual(Date.parse(String(moved['now'])));
    expect(Date.parse(String(alert!['resolved']))).toBeGreaterThan(Date.parse(String(moved['now'])) - 15 * 60_000);
  });

  it('S0:75 validate ("Try Again") restores at once and reports the restored cluster', async () => {
    await disableKeyAndValidate();
    await setKey('ENABLED');
    expect(await validate()).toMatchObject({ providers: [{ provider: 'AWS', valid: true }], disabledClusters: [], restoredClusters: ['orders'] });
    expect((await mockCluster('orders'))['disabled']).toBe(false);
  });

  it('S0:65 the pending size of the model is applied on restore (set in-process, as the cluster PATCH would)', async () => {
    await disableKeyAndValidate();
    const state = atlas.store.state;
    const project = state.projects[GROUP]!;
    atlas.store.replace({
      ...state,
      projects: {
        ...state.projects,
        [GROUP]: { ...project, clusters: project.clusters.map((c) => (c.name === 'orders' ? { ...c, pendingChanges: { diskSizeGB: 120, instanceSize: 'M40' } } : c)) },
      },
    });
    await setKey('ENABLED');
    await validate();
    const orders = atlas.store.state.projects[GROUP]!.clusters.find((c) => c.name === 'orders');
    expect(orders).toMatchObject({ diskSizeGB: 120, instanceSize: 'M40', stateName: 'UPDATING' });
    expect(orders?.pendingChanges).toBeUndefined();
  });

  it('S0:65 data is kept while disabled: the snapshot and the configuration survive', async () => {
    const before = (await exported()).projects[GROUP]!;
    await disableKeyAndValidate();
    await setKey('ENABLED');
    await validate();
    const after = (await exported()).projects[GROUP]!;
    expect(after.snapshots).toEqual(before.snapshots);
    expect(after.clusters.map((c) => c['name'])).toEqual(['orders', 'plain']);
  });
});

describe('S0:63 credentials that stop working', () => {
  it('S0:63 credentials made invalid are noticed on the next scheduled check', async () => {
    expect(await ok('POST', '/kms/credentials', { groupId: GROUP, provider: 'AWS', valid: false })).toEqual({ groupId: GROUP, provider: 'AWS', valid: false });
    expect((await mockCluster('orders'))['disabled']).toBe(false);
    await advance('PT15M');
    expect((await mockCluster('orders'))['disabled']).toBe(true);
    expect(await outbox()).toHaveLength(3);
    expect(((await validate()).providers as Json[])[0]).toMatchObject({ valid: false, problem: 'BAD_CREDENTIALS' });
  });

  it('S0:73-75 credentials that still fail are refused; working new credentials are accepted and the check restores', async () => {
    await ok('POST', '/kms/credentials', { groupId: GROUP, provider: 'AWS', valid: false });
    await validate();
    const stillBad = await call('PATCH', `/groups/${GROUP}/encryptionAtRest`, { body: { awsKms: { roleId: '5f232b94af0a6b41747bcc2e' } } });
    expect([stillBad.status, stillBad.body['errorCode']]).toEqual([400, 'INVALID_AWS_CREDENTIALS']);

    await ok('POST', '/kms/credentials', { groupId: GROUP, provider: 'AWS', valid: true });
    const fixed = await call('PATCH', `/groups/${GROUP}/encryptionAtRest`, { body: { awsKms: { roleId: '5f232b94af0a6b41747bcc2e' } } });
    expect(fixed.status).toBe(200);
    expect(fixed.body['awsKms']).toMatchObject({ roleId: '5f232b94af0a6b41747bcc2e', valid: true });
    await advance('PT15M');
    expect((await mockCluster('orders'))['disabled']).toBe(false);
  });
});

describe('ear/rotation-alert on the virtual clock', () => {
  it('S3:57 89 days: no reminder; 91 days: AWS_ENCRYPTION_KEY_NEEDS_ROTATION is open', async () => {
    await advance('P89D');
    expect(await alertsOf('AWS_ENCRYPTION_KEY_NEEDS_ROTATION')).toEqual([]);
    await advance('P2D');
    expect(await alertsOf('AWS_ENCRYPTION_KEY_NEEDS_ROTATION')).toEqual([
      expect.objectContaining({ groupId: GROUP, status: 'OPEN', keyId: KEY }),
    ]);
  });

  it('S3:57 the rotation alert config: GREATER_THAN 90 DAYS, owners e-mailed; v1.0 serves the v2 body (whose contract check closes the suite)', async () => {
    const v2 = await call('GET', `/groups/${GROUP}/alertConfigs`, { version: CLIENT_DATE, as: 'reader' });
    expect(v2.status).toBe(200);
    expect(v2.contentType).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
    expect(v2.body['totalCount']).toBe(1);
    const [config] = v2.body['results'] as Json[];
    expect(config).toMatchObject({
      eventTypeName: 'AWS_ENCRYPTION_KEY_NEEDS_ROTATION',
      groupId: GROUP,
      enabled: true,
      threshold: { operator: 'GREATER_THAN', units: 'DAYS', threshold: 90 },
      notifications: [{ typeName: 'GROUP', roles: ['GROUP_OWNER'], emailEnabled: true, smsEnabled: false, intervalMin: 60, delayMin: 0 }],
      matchers: [],
    });
    expect(config!['id']).toMatch(/^[a-f0-9]{24}$/);
    expect((config!['links'] as Json[])[0]!['href']).toBe(`${atlas.baseUrl}/api/atlas/v2/groups/${GROUP}/alertConfigs/${config!['id']}`);

    const v1 = await call('GET', `/groups/${GROUP}/alertConfigs`);
    expect(v1.contentType).toBe('application/json');
    expect((v1.body['results'] as Json[])[0]).toEqual({ ...config, links: [{ href: `${atlas.baseUrl}/api/atlas/v1.0/groups/${GROUP}/alertConfigs/${config!['id']}`, rel: 'self' }] });
  });

  it('spec GET /alertConfigs is paginated', async () => {
    await disableKeyAndValidate();
    const page = await call('GET', `/groups/${GROUP}/alertConfigs?itemsPerPage=1&pageNum=2`, { version: '2023-01-01' });
    expect(page.body['totalCount']).toBe(2);
    expect((page.body['results'] as Json[]).map((c) => c['eventTypeName'])).toEqual(['AWS_ENCRYPTION_KEY_INVALID']);
    expect((page.body['links'] as Json[]).map((l) => l['rel'])).toEqual(['previous', 'self']);
  });

  it('S0:17 with keyRotationDays 365 the config says 365 and nothing opens at 91 days', async () => {
    const yearly = await startWith({ options: { keyRotationDays: 365 } });
    try {
      await loadProject(yearly);
      const configs = (await call('GET', `/groups/${GROUP}/alertConfigs`, { server: yearly })).body['results'] as Json[];
      expect(configs[0]!['threshold']).toEqual({ operator: 'GREATER_THAN', units: 'DAYS', threshold: 365 });
      await advance('P91D', yearly);
      expect(await alertsOf('AWS_ENCRYPTION_KEY_NEEDS_ROTATION', yearly)).toEqual([]);
      await advance('P275D', yearly);
      expect(await alertsOf('AWS_ENCRYPTION_KEY_NEEDS_ROTATION', yearly)).toHaveLength(1);
    } finally {
      await yearly.close();
    }
  });
});

describe('the virtual clock (GET/POST /_mock/clock)', () => {
  it('spec PRODUCT reads, advances by an ISO-8601 duration and sets an instant', async () => {
    const start = await ok('GET', '/clock');
    expect(start['mode']).toBe('manual');
    const t0 = Date.parse(String(start['now']));
    expect(Date.parse(String((await advance('PT6H'))['now']))).toBe(t0 + 6 * 60 * 60 * 1000);
    const target = new Date(t0 + 2 * DAY_MS).toISOString();
    expect(await ok('POST', '/clock', { set: target })).toEqual({ now: target, mode: 'manual' });
    expect((await ok('GET', '/clock'))['now']).toBe(target);
  });

  it.each([
    ['a malformed duration', { advance: 'six hours' }, 'INVALID_ATTRIBUTE'],
    ['a negative duration', { advance: '-PT6H' }, 'INVALID_ATTRIBUTE'],
    ['a malformed instant', { set: 'tomorrow' }, 'INVALID_ATTRIBUTE'],
    ['both at once', { advance: 'PT1H', set: '2099-01-01T00:00:00Z' }, 'MISSING_ONE_OF_ATTRIBUTES'],
    ['neither', {}, 'MISSING_ONE_OF_ATTRIBUTES'],
  ])('spec PRODUCT refuses %s with a 400 and leaves the time alone', async (_name, body, errorCode) => {
    const before = await ok('GET', '/clock');
    const reply = await control('POST', '/clock', body);
    expect([reply.status, reply.body['errorCode']]).toEqual([400, errorCode]);
    expect(await ok('GET', '/clock')).toEqual(before);
  });

  it('spec PRODUCT refuses to set the clock into the past', async () => {
    const now = Date.parse(String((await ok('GET', '/clock'))['now']));
    const reply = await control('POST', '/clock', { set: new Date(now - 1000).toISOString() });
    expect([reply.status, reply.body['errorCode'], reply.body['parameters']]).toEqual([400, 'INVALID_ATTRIBUTE', ['set']]);
  });
});

describe('control API lookups', () => {
  it('R unknown cluster is 404 CLUSTER_NOT_FOUND, unknown project 404 GROUP_NOT_FOUND, bad id 404 INVALID_GROUP_ID', async () => {
    expect((await control('GET', `/groups/${GROUP}/clusters/nope`)).body).toMatchObject({ error: 404, errorCode: 'CLUSTER_NOT_FOUND', parameters: ['nope', GROUP] });
    expect((await control('POST', '/groups/5e2211c17a3e5a48f5490001/encryptionAtRest/validate')).body).toMatchObject({ error: 404, errorCode: 'GROUP_NOT_FOUND' });
    expect((await control('POST', '/groups/not-an-id/encryptionAtRest/validate')).body).toMatchObject({ error: 404, errorCode: 'INVALID_GROUP_ID' });
  });
});

describe('contract (atlas-admin-v2.multiversion.subset.json)', () => {
  it('every v2 response of the suite validates against its operation’s schema for its status and media type, objects closed', () => {
    const { violations, covered } = checkRecorded(recorder);
    expect(violations).toBe('');
    for (const key of [
      'get /api/atlas/v2/groups/{groupId}/alertConfigs 200 application/vnd.atlas.2023-01-01+json',
      'get /api/atlas/v2/groups/{groupId}/encryptionAtRest 200 application/vnd.atlas.2023-01-01+json',
      'patch /api/atlas/v2/groups/{groupId}/encryptionAtRest 400 application/json',
      'patch /api/atlas/v2/groups/{groupId}/encryptionAtRest 409 application/json',
      'post /api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs 400 application/json',
    ]) {
      expect(covered, key).toContain(key);
    }
  });
});
