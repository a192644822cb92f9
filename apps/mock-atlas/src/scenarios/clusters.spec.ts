// Black-box scenarios for the cluster resources (issue 4 item 1), driven only through the
// Atlas API and the control API, except where another slice's control call has not landed:
// the virtual clock is moved through the store in-process (any request then catches up), and
// a cluster is disabled by setting `disabled` on it in the state, as the KMS validity check would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'urllib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockState } from '@mock-atlas/domain';
import { startServer, type RunningMockAtlas } from '../server/start';
import { AtlasClient } from '../testing/clients';
import { checkRecorded } from '../testing/contract';
import { ResponseRecorder } from '../testing/recorder';

const GROUP = '5e2211c17a3e5a48f5497de3';
const AWS_KEY = '030gce02-586d-48d2-a966-05ea954fde0g';
const AZURE_KEY = 'https://payments-vault.vault.azure.net/keys/atlas-cmk/4a6b8c0d2e4f60718293a4b5c6d7e8f9';
/** The one date MongoDB's own clients send to every endpoint (PRODUCT.md). */
const CLIENT_DATE = '2025-03-12';
const TRANSITION_MS = 60_000;

const CONFIG = `version: 1
project: { name: clusters-scenarios, id: ${GROUP} }
encryptionAtRest:
  awsKms: { enabled: true, customerMasterKeyID: ${AWS_KEY}, region: US_EAST_1, roleId: 5f232b94af0a6b41747bcc2d }
  azureKeyVault:
    enabled: true
    azureEnvironment: AZURE
    clientID: b5ee8d2a-1f2b-4c1e-9f3a-8a2c1d4e5f60
    subscriptionID: d2c6a4e0-5b7c-4f1a-8e2d-3c4b5a6f7e80
    resourceGroupName: payments-rg
    keyVaultName: payments-vault
    keyIdentifier: ${AZURE_KEY}
    tenantID: f1e2d3c4-b5a6-4789-9abc-def012345678
    secret: \${env:AZURE_SECRET}
clusters:
  - name: preloaded
    clusterType: REPLICASET
    backupEnabled: true
    replicationSpecs:
      - zoneName: Zone 1
        regionConfigs:
          - { providerName: GCP, regionName: CENTRAL_US, priority: 7, electableSpecs: { instanceSize: M10, nodeCount: 3 } }
kms:
  keys:
    - { provider: AWS, keyId: ${AWS_KEY}, state: ENABLED }
    - { provider: AZURE, keyId: "${AZURE_KEY}", state: ENABLED }
apiKeys:
  - { publicKey: owner, privateKey: "\${env:OWNER_KEY}", roles: [GROUP_OWNER] }
  - { publicKey: manager, privateKey: "\${env:MANAGER_KEY}", roles: [GROUP_CLUSTER_CREATOR, GROUP_CLUSTER_MANAGER] }
  - { publicKey: reader, privateKey: "\${env:READER_KEY}", roles: [GROUP_READ_ONLY] }
`;
const ENV = { AZURE_SECRET: 'azure-client-secret-0001', OWNER_KEY: 'owner-private-0001', MANAGER_KEY: 'manager-private-0001', READER_KEY: 'reader-private-0001' };
const USERS = { owner: 'owner:owner-private-0001', manager: 'manager:manager-private-0001', reader: 'reader:reader-private-0001' } as const;

let atlas: RunningMockAtlas;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clusters-scenarios-'));
  const config = join(dir, 'project.yaml');
  writeFileSync(config, CONFIG);
  atlas = await startServer({ port: 0, configs: [config], clock: 'manual', env: ENV, options: { clusterTransitionMs: TRANSITION_MS } });
});

afterAll(async () => {
  await atlas.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await control('POST', '/reset');
});

// ── HTTP helpers ─────────────────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;

/** Every Atlas API response of the suite, for the contract check at its end. */
const recorder = new ResponseRecorder();

interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

interface CallOptions {
  /** 'v1.0', or the date the client puts in its Accept header. */
  readonly version?: string;
  readonly body?: unknown;
  readonly as?: keyof typeof USERS;
}

async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const version = options.version ?? 'v1.0';
  const base = version === 'v1.0' ? '/api/atlas/v1.0' : '/api/atlas/v2';
  const accept = version === 'v1.0' ? 'application/json' : `application/vnd.atlas.${version}+json`;
  const client = new AtlasClient(recorder, atlas.baseUrl, { digest: USERS[options.as ?? 'owner'] });
  const res = await client.send({ method, path: `${base}${path}`, accept, ...(options.body === undefined ? {} : { body: options.body }) });
  return { status: res.status, contentType: res.headers['content-type'] ?? '', text: res.body, body: res.body ? res.json() : {} };
}

async function control(method: string, path: string): Promise<Record<string, unknown>> {
  const res = await request(`${atlas.baseUrl}/_mock${path}`, { method: method as 'GET', dataType: 'json' });
  return res.data as Record<string, unknown>;
}

/** The whole state as GET /_mock/state exports it. */
const mockState = () => control('GET', '/state');

/** Runs a request that must be refused and checks that it changed nothing. */
async function refusedWithoutChange(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const before = await mockState();
  const reply = await call(method, path, options);
  expect(reply.status).toBeGreaterThanOrEqual(400);
  expect(await mockState()).toEqual(before);
  return reply;
}

/** Moves the manual virtual clock; the next request runs what came due. */
function advance(ms: number): void {
  atlas.store.clock.advance(ms);
}

const clusters = `/groups/${GROUP}/clusters`;

function awsBody(name: string, extra: Record<string, unknown> = {}, instanceSizeName = 'M30'): Record<string, unknown> {
  return { name, providerSettings: { providerName: 'AWS', instanceSizeName, regionName: 'US_EAST_1' }, ...extra };
}

function v2Body(name: string, clouds: readonly ('AWS' | 'AZURE' | 'GCP')[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const regionOf = { AWS: 'US_EAST_1', AZURE: 'US_EAST_2', GCP: 'CENTRAL_US' } as const;
  return {
    name,
    clusterType: 'REPLICASET',
    replicationSpecs: [
      {
        zoneName: 'Zone 1',
        regionConfigs: clouds.map((cloud, i) => ({
          providerName: cloud,
          regionName: regionOf[cloud],
          priority: 7 - i,
          electableSpecs: { instanceSize: 'M30', nodeCount: i === 0 ? 3 : 2, diskSizeGB: 40 },
        })),
      },
    ],
    ...extra,
  };
}

async function created(name: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const reply = await call('POST', clusters, { body: awsBody(name, extra) });
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}

// ── Scenarios ────────────────────────────────────────────────────────────────────────────

describe('cluster lifecycle', () => {
  it('spec POST 201 CREATING with Atlas facts, IDLE once the transition delay has passed on the virtual clock', async () => {
    const body = await created('orders', { providerBackupEnabled: true });
    expect(body).toMatchObject({ name: 'orders', groupId: GROUP, stateName: 'CREATING', mongoDBMajorVersion: '8.0', mongoDBVersion: '8.0.4', connectionStrings: {} });
    expect(body['id']).toMatch(/^[a-f0-9]{24}$/);
    expect(body['createDate']).toBe(atlas.store.clock.now().toISOString());

    advance(TRANSITION_MS - 1);
    expect((await call('GET', `${clusters}/orders`)).body['stateName']).toBe('CREATING');
    advance(1);
    const idle = (await call('GET', `${clusters}/orders`)).body;
    expect(idle['stateName']).toBe('IDLE');
    expect(idle['id']).toBe(body['id']);
    expect(idle['srvAddress']).toMatch(/^mongodb\+srv:\/\/orders\.[a-z0-9]+\.mongodb\.net$/);
    expect(idle['connectionStrings']).toMatchObject({ standardSrv: idle['srvAddress'] });
    expect((idle['connectionStrings'] as Json)['standard']).toMatch(/^mongodb:\/\/orders-shard-00-00\./);
  });

  it('spec PATCH 200 goes UPDATING, then IDLE', async () => {
    await created('orders');
    advance(TRANSITION_MS);
    const patched = await call('PATCH', `${clusters}/orders`, { body: { diskSizeGB: 160 } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ diskSizeGB: 160, stateName: 'UPDATING' });
    advance(TRANSITION_MS);
    expect((await call('GET', `${clusters}/orders`)).body).toMatchObject({ diskSizeGB: 160, stateName: 'IDLE' });
  });

  it('spec DELETE 202 `{}` on v2, DELETING, then gone; a second DELETE is 400 CLUSTER_ALREADY_REQUESTED_DELETION', async () => {
    await created('orders');
    const deleted = await call('DELETE', `${clusters}/orders`, { version: CLIENT_DATE });
    expect(deleted.status).toBe(202);
    expect(deleted.text).toBe('{}');
    expect(deleted.contentType).toBe('application/vnd.atlas.2023-02-01+json;charset=utf-8');
    expect((await call('GET', `${clusters}/orders`)).body['stateName']).toBe('DELETING');

    const again = await refusedWithoutChange('DELETE', `${clusters}/orders`);
    expect(again.body).toMatchObject({ error: 400, errorCode: 'CLUSTER_ALREADY_REQUESTED_DELETION', parameters: ['orders'] });

    advance(TRANSITION_MS);
    expect((await call('GET', `${clusters}/orders`)).status).toBe(404);
    const remaining = (await call('GET', clusters)).body;
    expect((remaining['results'] as Json[]).map((c) => c['name'])).toEqual(['preloaded']);
  });

  it('spec v1.0 DELETE is 202 without a body', async () => {
    await created('orders');
    const deleted = await call('DELETE', `${clusters}/orders`);
    expect([deleted.status, deleted.text]).toEqual([202, '']);
  });

  it('spec retainBackups must be true or false', async () => {
    await created('orders');
    const reply = await refusedWithoutChange('DELETE', `${clusters}/orders?retainBackups=maybe`);
    expect(reply.body).toMatchObject({ error: 400, errorCode: 'INVALID_QUERY_PARAMETER', parameters: ['retainBackups'] });
  });

  it('spec list endpoints page with pageNum/itemsPerPage and count with totalCount', async () => {
    for (const name of ['a1', 'a2', 'a3']) await created(name);
    const page = await call('GET', `${clusters}?itemsPerPage=2&pageNum=2`);
    expect(page.status).toBe(200);
    expect(page.body['totalCount']).toBe(4);
    expect((page.body['results'] as Json[]).map((c) => c['name'])).toEqual(['a2', 'a3']);
  });
});

describe('Atlas errors', () => {
  it('R an unknown cluster is 404 CLUSTER_NOT_FOUND for GET, PATCH and DELETE', async () => {
    const expected = {
      detail: `No cluster named nope exists in group ${GROUP}.`,
      error: 404,
      errorCode: 'CLUSTER_NOT_FOUND',
      parameters: ['nope', GROUP],
      reason: 'Not Found',
    };
    expect((await call('GET', `${clusters}/nope`, { version: CLIENT_DATE })).body).toEqual(expected);
    expect((await refusedWithoutChange('PATCH', `${clusters}/nope`, { body: { diskSizeGB: 80 } })).body).toEqual(expected);
    expect((await refusedWithoutChange('DELETE', `${clusters}/nope`)).body).toEqual(expected);
  });

  it('D DUPLICATE_CLUSTER_NAME is 400', async () => {
    await created('orders');
    const reply = await refusedWithoutChange('POST', clusters, { body: awsBody('orders') });
    expect(reply.body).toEqual({
      detail: `A cluster named orders is already present in group ${GROUP}.`,
      error: 400,
      errorCode: 'DUPLICATE_CLUSTER_NAME',
      parameters: ['orders', GROUP],
      reason: 'Bad Request',
    });
  });

  it('D a paused cluster refuses changes with 409 CANNOT_UPDATE_PAUSED_CLUSTER until it is resumed', async () => {
    await created('orders');
    advance(TRANSITION_MS);
    expect((await call('PATCH', `${clusters}/orders`, { body: { paused: true } })).status).toBe(200);
    advance(TRANSITION_MS);
    const refused = await refusedWithoutChange('PATCH', `${clusters}/orders`, { body: { diskSizeGB: 160 } });
    expect(refused.body).toMatchObject({ error: 409, errorCode: 'CANNOT_UPDATE_PAUSED_CLUSTER', parameters: ['orders'] });
    const resumed = await call('PATCH', `${clusters}/orders`, { body: { paused: false } });
    expect(resumed.body).toMatchObject({ paused: false, stateName: 'UPDATING' });
    expect((await call('PATCH', `${clusters}/orders`, { body: { diskSizeGB: 160 } })).status).toBe(200);
  });

  it('R termination protection refuses DELETE; only a Project Owner may turn it off', async () => {
    await created('orders', { terminationProtectionEnabled: true });
    const refused = await refusedWithoutChange('DELETE', `${clusters}/orders`);
    const sentence = `Cannot terminate cluster orders in group ${GROUP} because termination protection is enabled. Disable termination protection and try again.`;
    expect(refused.body).toEqual({
      detail: sentence,
      error: 400,
      errorCode: 'CANNOT_TERMINATE_CLUSTER_WHEN_TERMINATION_PROTECTION_ENABLED',
      parameters: [sentence],
      reason: 'Bad Request',
    });
    const byManager = await refusedWithoutChange('PATCH', `${clusters}/orders`, { as: 'manager', body: { terminationProtectionEnabled: false } });
    expect(byManager.body).toMatchObject({ error: 401, errorCode: 'USER_UNAUTHORIZED' });
    expect((await call('PATCH', `${clusters}/orders`, { body: { terminationProtectionEnabled: false } })).status).toBe(200);
    expect((await call('DELETE', `${clusters}/orders`)).status).toBe(202);
  });

  it('spec roles: Project Read Only may list and read but not create', async () => {
    await created('orders');
    expect((await call('GET', clusters, { as: 'reader' })).status).toBe(200);
    const reply = await refusedWithoutChange('POST', clusters, { as: 'reader', body: awsBody('sales') });
    expect(reply.body).toMatchObject({ error: 401, errorCode: 'USER_UNAUTHORIZED' });
  });

  it('README §5.2 a body that breaks the schema is 400 INVALID_ATTRIBUTE naming the attribute', async () => {
    const reply = await refusedWithoutChange('POST', clusters, { body: awsBody('orders', { regionNam: 'US_EAST_1' }) });
    expect(reply.body).toMatchObject({ error: 400, errorCode: 'INVALID_ATTRIBUTE', parameters: ['regionNam'] });
  });

  it('README §2 the 2023-02-01 AdvancedClusterDescription is not modelled: 406 INVALID_VERSION_DATE saying what to send', async () => {
    const reply = await refusedWithoutChange('POST', clusters, { version: '2023-02-01', body: v2Body('orders', ['AWS']) });
    expect(reply.status).toBe(406);
    expect(reply.body['errorCode']).toBe('INVALID_VERSION_DATE');
    expect(reply.body['detail']).toContain('2024-08-05');
    expect((await call('GET', clusters, { version: '2024-01-01' })).status).toBe(406);
  });
});

describe('customer key management rules on clusters', () => {
  it('S0:95 a v1.0 cluster with backupEnabled (legacy backup) and encryptionAtRestProvider AWS is 400 CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE', async () => {
    const reply = await refusedWithoutChange('POST', clusters, { body: awsBody('orders', { backupEnabled: true, encryptionAtRestProvider: 'AWS' }) });
    expect(reply.body).toMatchObject({ error: 400, errorCode: 'CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE' });
  });

  it('S0:95 legacy backup first, then the customer key by PATCH: refused the same way', async () => {
    await created('orders', { backupEnabled: true });
    const reply = await refusedWithoutChange('PATCH', `${clusters}/orders`, { body: { encryptionAtRestProvider: 'AWS' } });
    expect(reply.body).toMatchObject({ error: 400, errorCode: 'CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE' });
  });

  it('S0:95 the customer key first, then legacy backup by PATCH: refused the same way', async () => {
    await created('orders', { encryptionAtRestProvider: 'AWS' });
    const reply = await refusedWithoutChange('PATCH', `${clusters}/orders`, { body: { backupEnabled: true } });
    expect(reply.body).toMatchObject({ error: 400, errorCode: 'CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE' });
  });

  it.each(['M0', 'M2', 'M5'])('S3:34 a %s cluster with a customer key is 400 CANNOT_USE_ENCRYPTION_AT_REST_TENANT', async (size) => {
    const body = {
      name: 'tiny',
      providerSettings: { providerName: 'TENANT', backingProviderName: 'AWS', instanceSizeName: size, regionName: 'US_EAST_1' },
      encryptionAtRestProvider: 'AWS',
    };
    const reply = await refusedWithoutChange('POST', clusters, { body });
    expect(reply.body).toMatchObject({ error: 400, errorCode: 'CANNOT_USE_ENCRYPTION_AT_REST_TENANT' });
  });

  it('S0:3-5 a multi-cloud v2 cluster with a customer key is 400 ENCRYPTION_AT_REST_PROVIDER_NOT_SUPPORTED', async () => {
    const body = v2Body('global', ['AWS', 'GCP'], { encryptionAtRestProvider: 'AWS' });
    const reply = await refusedWithoutChange('POST', clusters, { version: CLIENT_DATE, body });
    expect(reply.body).toMatchObject({ error: 400, errorCode: 'ENCRYPTION_AT_REST_PROVIDER_NOT_SUPPORTED' });
  });

  it('S0:15 an AWS cluster with Azure Key Vault is 201', async () => {
    const body = await created('reporting', { encryptionAtRestProvider: 'AZURE' });
    expect(body).toMatchObject({ encryptionAtRestProvider: 'AZURE', providerSettings: { providerName: 'AWS' } });
  });

  it('S0:37 a caller without Project Owner cannot give a cluster a customer key (401)', async () => {
    const reply = await refusedWithoutChange('POST', clusters, { as: 'manager', body: awsBody('orders', { encryptionAtRestProvider: 'AWS' }) });
    expect(reply.body).toMatchObject({ error: 401, errorCode: 'USER_UNAUTHORIZED' });
    expect((await call('POST', clusters, { as: 'manager', body: awsBody('orders') })).status).toBe(201);
  });

  it('S0:63-65 a disabled cluster accepts a disk size PATCH with 200 and holds it as pending', async () => {
    await created('orders', { encryptionAtRestProvider: 'AWS', diskSizeGB: 40 });
    advance(TRANSITION_MS);
    await call('GET', clusters);
    // The KMS slice disables clusters on a failed validity check; until its control call lands,
    // the test marks the cluster disabled in the state exactly as that check would.
    const state: MockState = atlas.store.state;
    const project = state.projects[GROUP]!;
    const since = atlas.store.clock.now().toISOString();
    atlas.store.replace({
      ...state,
      projects: {
        ...state.projects,
        [GROUP]: {
          ...project,
          clusters: project.clusters.map((c) => (c.name === 'orders' ? { ...c, disabled: { reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID' as const, since } } : c)),
        },
      },
    });

    const patched = await call('PATCH', `${clusters}/orders`, { body: { diskSizeGB: 160 } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ diskSizeGB: 40, stateName: 'IDLE' });
    const exported = (await mockState()) as { projects: Record<string, { clusters: Json[] }> };
    expect(exported.projects[GROUP]!.clusters.find((c) => c['name'] === 'orders')).toMatchObject({ diskSizeGB: 40, disabled: { since }, pendingChanges: { diskSizeGB: 160 } });
    expect((await call('GET', `${clusters}/orders`)).body['diskSizeGB']).toBe(40);
  });
});

describe('representations per served version', () => {
  it('spec v2 bodies in the media type of their version (2024-10-23 POST, 2024-08-05 GET and list)', async () => {
    const posted = await call('POST', clusters, { version: CLIENT_DATE, body: v2Body('orders', ['AWS'], { backupEnabled: true, encryptionAtRestProvider: 'AWS' }) });
    expect(posted.status, posted.text).toBe(201);
    expect(posted.contentType).toBe('application/vnd.atlas.2024-10-23+json;charset=utf-8');
    advance(TRANSITION_MS);

    const got = await call('GET', `${clusters}/orders`, { version: CLIENT_DATE });
    expect(got.contentType).toBe('application/vnd.atlas.2024-08-05+json;charset=utf-8');
    expect(got.body).toMatchObject({ backupEnabled: true, encryptionAtRestProvider: 'AWS', stateName: 'IDLE' });
    const spec = (got.body['replicationSpecs'] as Json[])[0]!;
    expect(spec['id']).toMatch(/^[a-f0-9]{24}$/);
    expect((spec['regionConfigs'] as Json[])[0]).toMatchObject({ providerName: 'AWS', regionName: 'US_EAST_1', electableSpecs: { instanceSize: 'M30', nodeCount: 3, diskSizeGB: 40 } });

    const listed = await call('GET', clusters, { version: CLIENT_DATE });
    expect([listed.status, listed.contentType]).toEqual([200, 'application/vnd.atlas.2024-08-05+json;charset=utf-8']);
  });

  it('spec a 2024-10-23 PATCH in the 2024-08-05 layout resizes the disk and answers in that layout', async () => {
    await call('POST', clusters, { version: CLIENT_DATE, body: v2Body('orders', ['AWS']) });
    advance(TRANSITION_MS);
    const resized = v2Body('orders', ['AWS']);
    const region = ((resized['replicationSpecs'] as Json[])[0]!['regionConfigs'] as Json[])[0]!;
    region['electableSpecs'] = { instanceSize: 'M30', nodeCount: 3, diskSizeGB: 80 };
    const patched = await call('PATCH', `${clusters}/orders`, { version: CLIENT_DATE, body: { replicationSpecs: resized['replicationSpecs'] } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body['stateName']).toBe('UPDATING');
    expect(((patched.body['replicationSpecs'] as Json[])[0]!['regionConfigs'] as Json[])[0]).toMatchObject({ electableSpecs: { diskSizeGB: 80 } });
  });

  it('spec v2 2023-01-01 serves the legacy layout (LegacyAtlasCluster)', async () => {
    await created('orders', { providerBackupEnabled: true });
    advance(TRANSITION_MS);
    const got = await call('GET', `${clusters}/orders`, { version: '2023-01-01' });
    expect(got.contentType).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
    expect(got.body).toMatchObject({ providerSettings: { providerName: 'AWS', instanceSizeName: 'M30' }, providerBackupEnabled: true, backupEnabled: false });
    const listed = await call('GET', clusters, { version: '2023-01-01' });
    expect([listed.status, listed.contentType]).toEqual([200, 'application/vnd.atlas.2023-01-01+json;charset=utf-8']);
  });

  it('spec a cluster loaded from a config file is served with Atlas facts in both layouts', async () => {
    const v2 = await call('GET', `${clusters}/preloaded`, { version: CLIENT_DATE });
    expect(v2.body).toMatchObject({ name: 'preloaded', groupId: GROUP, stateName: 'IDLE', mongoDBVersion: '8.0.4', backupEnabled: true });
    expect(v2.body['id']).toMatch(/^[a-f0-9]{24}$/);
    const legacy = await call('GET', `${clusters}/preloaded`);
    expect(legacy.body).toMatchObject({ id: v2.body['id'], providerSettings: { providerName: 'GCP', instanceSizeName: 'M10', regionName: 'CENTRAL_US' }, diskSizeGB: 10 });
    expect(legacy.body['srvAddress']).toMatch(/^mongodb\+srv:\/\/preloaded\./);
  });

  it('spec every cluster operation answers in each media type the mock serves, errors as application/json (all contract-checked below)', async () => {
    for (const version of ['2023-01-01', '2024-08-05', '2024-10-23']) {
      const name = `walk-${version.replaceAll('-', '')}`;
      const served = `application/vnd.atlas.${version}+json;charset=utf-8`;
      const posted = await call('POST', clusters, { version, body: version === '2023-01-01' ? awsBody(name) : v2Body(name, ['AWS', 'GCP']) });
      expect([posted.status, posted.contentType], posted.text).toEqual([201, served]);
      expect((await call('POST', clusters, { version, body: version === '2023-01-01' ? awsBody(name) : v2Body(name, ['AWS']) })).status).toBe(400);
      expect((await call('POST', clusters, { version, as: 'reader', body: awsBody('never') })).status).toBe(401);
      advance(TRANSITION_MS);
      const patched = await call('PATCH', `${clusters}/${name}`, { version, body: { terminationProtectionEnabled: false } });
      expect([patched.status, patched.contentType], patched.text).toEqual([200, served]);
      expect((await call('PATCH', `${clusters}/nope`, { version, body: { terminationProtectionEnabled: false } })).status).toBe(404);
      expect((await call('GET', `${clusters}/${name}`, { version })).status).toBe(200);
      expect((await call('GET', `${clusters}/nope`, { version })).status).toBe(404);
      expect((await call('GET', clusters, { version })).status).toBe(200);
      const deleted = await call('DELETE', `${clusters}/${name}`, { version });
      expect([deleted.status, deleted.text]).toEqual([202, '{}']);
      expect((await call('DELETE', `${clusters}/${name}`, { version })).status).toBe(400);
    }
    expect((await call('GET', `${clusters}/preloaded`, { version: '2023-02-01' })).status).toBe(406);
    expect((await call('DELETE', `${clusters}/nope`, { version: '2023-02-01' })).status).toBe(404);
  });

  it('spec a multi-cloud cluster is readable in the 2024-08-05 layout with each region on its own cloud', async () => {
    expect((await call('POST', clusters, { version: CLIENT_DATE, body: v2Body('global', ['AWS', 'AZURE']) })).status).toBe(201);
    const got = await call('GET', `${clusters}/global`, { version: CLIENT_DATE });
    const regions = (got.body['replicationSpecs'] as Json[])[0]!['regionConfigs'] as Json[];
    expect(regions.map((r) => [r['providerName'], r['regionName']])).toEqual([
      ['AWS', 'US_EAST_1'],
      ['AZURE', 'US_EAST_2'],
    ]);
  });
});

describe('contract (atlas-admin-v2.multiversion.subset.json)', () => {
  it('every v2 response of the suite validates against its operation’s schema for its status and media type, objects closed', () => {
    const { violations, covered } = checkRecorded(recorder);
    expect(violations).toBe('');
    const clusterPaths = ['/api/atlas/v2/groups/{groupId}/clusters', '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}'] as const;
    const [all, one] = clusterPaths;
    for (const key of [
      `post ${all} 201 application/vnd.atlas.2023-01-01+json`,
      `post ${all} 201 application/vnd.atlas.2024-08-05+json`,
      `post ${all} 201 application/vnd.atlas.2024-10-23+json`,
      `get ${all} 200 application/vnd.atlas.2023-01-01+json`,
      `get ${all} 200 application/vnd.atlas.2024-08-05+json`,
      `get ${one} 200 application/vnd.atlas.2023-01-01+json`,
      `get ${one} 200 application/vnd.atlas.2024-08-05+json`,
      `patch ${one} 200 application/vnd.atlas.2023-01-01+json`,
      `patch ${one} 200 application/vnd.atlas.2024-08-05+json`,
      `patch ${one} 200 application/vnd.atlas.2024-10-23+json`,
      `delete ${one} 202 application/vnd.atlas.2023-01-01+json`,
      `delete ${one} 202 application/vnd.atlas.2023-02-01+json`,
      `post ${all} 400 application/json`,
      `post ${all} 401 application/json`,
      `get ${one} 404 application/json`,
      `patch ${one} 404 application/json`,
      `delete ${one} 400 application/json`,
      `delete ${one} 404 application/json`,
      'ApiError 406 application/json',
    ]) {
      expect(covered, key).toContain(key);
    }
  });
});
