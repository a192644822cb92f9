// Black-box scenarios for snapshots, restore jobs and backup schedules (issue 4 items 2-4),
// driven through the Atlas API and the control API (the virtual clock through POST /_mock/clock,
// customer keys through POST /_mock/kms/keys). One step reaches into the store in-process:
// disableCluster marks a single cluster disabled, as a failed validity check would, without
// disabling the project's other clusters that the scenario keeps using.
import { request } from 'urllib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cluster, KeyState, MockState } from '@mock-atlas/domain';
import { startServer, type RunningMockAtlas } from '../server/start';
import { AtlasClient } from '../testing/clients';
import { checkRecorded } from '../testing/contract';
import { ResponseRecorder } from '../testing/recorder';

const GROUP = '6b1c0ffee0000000000000a1';
const OLD_KEY = '1f3c5e7a-0b2d-4f6e-8a9c-1d3e5f7a9b0c';
const NEW_KEY = '2a4c6e8f-1b3d-4f5a-9c7e-2d4f6a8c0e1b';
const AZURE_KEY = 'https://backup-vault.vault.azure.net/keys/atlas-cmk/0a1b2c3d4e5f60718293a4b5c6d7e8f9';
/** The one date MongoDB's own clients send to every endpoint (PRODUCT.md). */
const CLIENT_DATE = '2025-03-12';
const STEP_MS = 30_000;
const HOUR_MS = 3_600_000;
const OWNER = 'backup-owner:backup-owner-private-0001';

const awsCluster = (name: string, extra = '') =>
  `  - { name: ${name}, providerSettings: { providerName: AWS, instanceSizeName: M30, regionName: US_EAST_1 }, encryptionAtRestProvider: AWS, providerBackupEnabled: true, pitEnabled: true${extra} }`;

const CONFIG = `version: 1
project: { name: backup-scenarios, id: ${GROUP} }
encryptionAtRest:
  awsKms: { enabled: true, customerMasterKeyID: ${OLD_KEY}, region: US_EAST_1, roleId: 5f232b94af0a6b41747bcc2d }
  azureKeyVault:
    enabled: true
    azureEnvironment: AZURE
    clientID: b5ee8d2a-1f2b-4c1e-9f3a-8a2c1d4e5f60
    subscriptionID: d2c6a4e0-5b7c-4f1a-8e2d-3c4b5a6f7e80
    resourceGroupName: backup-rg
    keyVaultName: backup-vault
    keyIdentifier: ${AZURE_KEY}
    tenantID: f1e2d3c4-b5a6-4789-9abc-def012345678
    secret: \${env:BACKUP_AZURE_SECRET}
kms:
  keys:
    - { provider: AWS, keyId: ${OLD_KEY}, state: ENABLED }
    - { provider: AZURE, keyId: "${AZURE_KEY}", state: ENABLED }
clusters:
${awsCluster('orders')}
${awsCluster('orders-copy')}
${awsCluster('paused-copy', ', paused: true')}
${awsCluster('disabled-copy')}
  - { name: reporting, providerSettings: { providerName: AWS, instanceSizeName: M10, regionName: EU_WEST_1 }, encryptionAtRestProvider: AZURE, providerBackupEnabled: true }
  - { name: plain, providerSettings: { providerName: GCP, instanceSizeName: M10, regionName: CENTRAL_US }, providerBackupEnabled: true }
  - { name: nobackup, providerSettings: { providerName: AWS, instanceSizeName: M10, regionName: US_EAST_1 } }
apiKeys:
  - { publicKey: backup-owner, privateKey: "\${env:BACKUP_OWNER_KEY}", roles: [GROUP_OWNER] }
`;
const ENV = { BACKUP_AZURE_SECRET: 'azure-client-secret-0002', BACKUP_OWNER_KEY: 'backup-owner-private-0001' };

let atlas: RunningMockAtlas;

beforeEach(async () => {
  // The demo project loads too (no --config); it lives in another project and stays out of the way.
  atlas = await startServer({ port: 0, clock: 'manual', env: ENV });
  const loaded = await request(`${atlas.baseUrl}/_mock/projects`, { method: 'POST', content: CONFIG, headers: { 'Content-Type': 'application/yaml' }, dataType: 'text' });
  expect(loaded.status, String(loaded.data)).toBe(201);
});

afterEach(async () => {
  await atlas.close();
});

// ── HTTP helpers ─────────────────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;

interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly body: Json;
}

/** Every Atlas API response of the suite (each scenario's own server), for the contract check at its end. */
const recorder = new ResponseRecorder();

async function call(method: string, path: string, body?: unknown, version = CLIENT_DATE): Promise<Reply> {
  const v1 = version === 'v1.0';
  const client = new AtlasClient(recorder, atlas.baseUrl, { digest: OWNER });
  const res = await client.send({
    method,
    path: `${v1 ? '/api/atlas/v1.0' : '/api/atlas/v2'}/groups/${GROUP}${path}`,
    accept: v1 ? 'application/json' : `application/vnd.atlas.${version}+json`,
    ...(body === undefined ? {} : { body }),
  });
  return { status: res.status, contentType: res.headers['content-type'] ?? '', text: res.body, body: res.body ? res.json() : {} };
}

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await request(`${atlas.baseUrl}/_mock${path}`, {
    method: method as 'GET',
    ...(body === undefined ? {} : { data: body, contentType: 'json' }),
    dataType: 'json',
  });
  return { status: res.status, body: res.data as Json };
}

/** The whole state as GET /_mock/state exports it (any request also runs what came due). */
async function exported(): Promise<MockState> {
  return (await control('GET', '/state')).body as unknown as MockState;
}

/** Moves the manual virtual clock and lets the mock run everything that came due. */
async function advance(ms: number): Promise<void> {
  const moved = await control('POST', '/clock', { advance: `PT${ms / 1000}S` });
  expect(moved.status).toBe(200);
  await exported();
}

/** A key's state in the simulated KMS (POST /_mock/kms/keys). */
async function setKeyState(keyId: string, state: KeyState): Promise<void> {
  const set = await control('POST', '/kms/keys', { provider: 'AWS', keyId, state });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
}

/** What a failed validity check does to a cluster: disabled until its key is valid again. */
function disableCluster(name: string): void {
  const s = atlas.store.state;
  const project = s.projects[GROUP]!;
  const disabled: Cluster['disabled'] = { reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', since: atlas.store.clock.now().toISOString() };
  const clusters = project.clusters.map((c) => (c.name === name ? { ...c, disabled } : c));
  atlas.store.replace({ ...s, projects: { ...s.projects, [GROUP]: { ...project, clusters } } });
}

const snapshots = (cluster: string) => `/clusters/${cluster}/backup/snapshots`;
const restoreJobs = (cluster: string) => `/clusters/${cluster}/backup/restoreJobs`;
const schedule = (cluster: string) => `/clusters/${cluster}/backup/schedule`;

/** Takes an on-demand snapshot and lets it complete; returns its representation. */
async function completedSnapshot(cluster: string, description = 'scenario'): Promise<Json> {
  const taken = await call('POST', snapshots(cluster), { description, retentionInDays: 5 });
  expect(taken.status, taken.text).toBe(200);
  await advance(2 * STEP_MS);
  return taken.body;
}

function automated(snapshotId: unknown, target: string, targetGroupId = GROUP): Json {
  return { deliveryType: 'automated', snapshotId, targetClusterName: target, targetGroupId };
}

// ── Snapshots ────────────────────────────────────────────────────────────────────────────

describe('snapshots', () => {
  it('README §9 POST 200 queued/onDemand, then inProgress and completed one backup step apart on the virtual clock', async () => {
    const taken = await call('POST', snapshots('plain'), { description: 'before migration', retentionInDays: 3 });
    expect(taken.status, taken.text).toBe(200);
    expect(taken.contentType).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
    const now = atlas.store.clock.now();
    expect(taken.body).toMatchObject({
      status: 'queued',
      snapshotType: 'onDemand',
      frequencyType: 'ondemand',
      type: 'replicaSet',
      cloudProvider: 'GCP',
      replicaSetName: 'plain',
      description: 'before migration',
      copyRegions: [],
      policyItems: [],
      storageSizeBytes: 0,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 3 * 24 * HOUR_MS).toISOString(),
    });
    expect(taken.body).not.toHaveProperty('masterKeyUUID');
    const id = String(taken.body['id']);

    await advance(STEP_MS - 1);
    expect((await call('GET', `${snapshots('plain')}/${id}`)).body['status']).toBe('queued');
    await advance(1);
    expect((await call('GET', `${snapshots('plain')}/${id}`)).body['status']).toBe('inProgress');
    await advance(STEP_MS);
    const done = await call('GET', `${snapshots('plain')}/${id}`);
    expect(done.body).toMatchObject({ id, status: 'completed' });
    expect(done.body['storageSizeBytes']).toBeGreaterThan(0);

    const list = await call('GET', snapshots('plain'));
    expect(list.body).toMatchObject({ totalCount: 1, results: [{ id }] });
  });

  it('S0:87-90 a snapshot of a CMK cluster records the provider, key id and masterKeyUUID active when taken', async () => {
    const taken = await call('POST', snapshots('orders'), {});
    expect(taken.status, taken.text).toBe(200);
    expect(taken.body['masterKeyUUID']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    const stored = (await exported()).projects[GROUP]!.snapshots.find((s) => s.id === taken.body['id']);
    expect(stored?.encryptionKey).toEqual({ provider: 'AWS', keyId: OLD_KEY, masterKeyUUID: taken.body['masterKeyUUID'] });
  });

  it('D a second on-demand snapshot while one is queued is 400 UNFINISHED_ON_DEMAND_SNAPSHOT', async () => {
    expect((await call('POST', snapshots('plain'), {})).status).toBe(200);
    const again = await call('POST', snapshots('plain'), {});
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ errorCode: 'UNFINISHED_ON_DEMAND_SNAPSHOT', parameters: ['plain'] });
  });

  it('S0:63-65 a disabled cluster refuses a snapshot with 409; a cluster without Cloud Backup answers 404 BACKUP_CONFIG_NOT_FOUND', async () => {
    disableCluster('disabled-copy');
    const disabled = await call('POST', snapshots('disabled-copy'), {});
    expect(disabled.status).toBe(409);
    expect(disabled.body['errorCode']).toBe('ENCRYPTION_AT_REST_SETTINGS_INVALID');
    const none = await call('POST', snapshots('nobackup'), {});
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ errorCode: 'BACKUP_CONFIG_NOT_FOUND', detail: 'No backup configuration exists for cluster nobackup.' });
  });

  it('D retention changes and deletion wait for the snapshot to complete; then PATCH 200 and DELETE 204', async () => {
    const taken = await call('POST', snapshots('plain'), {});
    const one = `${snapshots('plain')}/${String(taken.body['id'])}`;
    expect((await call('PATCH', one, { retentionUnit: 'DAYS', retentionValue: 9 })).body['errorCode']).toBe('CANNOT_MODIFY_IN_PROGRESS_SNAPSHOT_RETENTION');
    expect((await call('DELETE', one)).body['errorCode']).toBe('CANNOT_DELETE_IN_PROGRESS_SNAPSHOT');
    await advance(2 * STEP_MS);
    const patched = await call('PATCH', one, { retentionUnit: 'WEEKS', retentionValue: 2 });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body['expiresAt']).toBe(new Date(Date.parse(String(taken.body['createdAt'])) + 14 * 24 * HOUR_MS).toISOString());
    const deleted = await call('DELETE', one);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await call('GET', one)).body).toMatchObject({ errorCode: 'SNAPSHOT_NOT_FOUND', error: 404 });
  });

  it('v1.0 serves the same snapshot as plain JSON', async () => {
    const taken = await call('POST', snapshots('orders'), {}, 'v1.0');
    expect(taken.status).toBe(200);
    expect(taken.contentType).toBe('application/json');
    expect(taken.body).toMatchObject({ status: 'queued', snapshotType: 'onDemand' });
    expect(taken.body['links']).toContainEqual({ href: `${atlas.baseUrl}/api/atlas/v1.0/groups/${GROUP}/clusters/orders/backup/snapshots/${String(taken.body['id'])}`, rel: 'self' });
  });
});

// ── Restores and the key lifecycle ───────────────────────────────────────────────────────

describe('restore jobs', () => {
  it('issue 4: after a key rotation an older snapshot needs the OLD key; disabled, it refuses to restore while a newer snapshot restores fine', async () => {
    const before = await completedSnapshot('orders', 'taken with the old key');

    const rotated = await call('PATCH', '/encryptionAtRest', { awsKms: { customerMasterKeyID: NEW_KEY } });
    expect(rotated.status, rotated.text).toBe(200);
    const after = await completedSnapshot('orders', 'taken with the new key');
    expect(after['masterKeyUUID']).not.toBe(before['masterKeyUUID']);
    // The rotation did not touch the older snapshot's key.
    expect((await call('GET', `${snapshots('orders')}/${String(before['id'])}`)).body['masterKeyUUID']).toBe(before['masterKeyUUID']);
    const state = await exported();
    const keys = state.projects[GROUP]!.snapshots.filter((s) => s.clusterName === 'orders').map((s) => s.encryptionKey?.keyId);
    expect(keys).toEqual([OLD_KEY, NEW_KEY]);

    // While the old key is enabled, the old snapshot restores.
    const ok = await call('POST', restoreJobs('orders'), automated(before['id'], 'orders-copy'));
    expect(ok.status, ok.text).toBe(200);
    await advance(2 * STEP_MS);

    await setKeyState(OLD_KEY, 'DISABLED');
    const refused = await call('POST', restoreJobs('orders'), automated(before['id'], 'orders-copy'));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED', parameters: [OLD_KEY] });
    expect(String(refused.body['detail'])).toContain(OLD_KEY);

    const fine = await call('POST', restoreJobs('orders'), automated(after['id'], 'orders-copy'));
    expect(fine.status, fine.text).toBe(200);
  });

  it('issue 4 item 3 an automated restore answers 200, completes on the clock and marks the target as restored from the snapshot', async () => {
    const snapshot = await completedSnapshot('orders');
    const created = await call('POST', restoreJobs('orders'), automated(snapshot['id'], 'orders-copy'));
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({
      deliveryType: 'automated',
      snapshotId: snapshot['id'],
      targetClusterName: 'orders-copy',
      targetGroupId: GROUP,
      cancelled: false,
      expired: false,
      failed: false,
      deliveryUrl: [],
      desiredTimestamp: { increment: null, time: null, date: null },
      timestamp: snapshot['createdAt'],
    });
    expect(created.body).not.toHaveProperty('finishedAt');
    const id = String(created.body['id']);

    await advance(2 * STEP_MS);
    const done = await call('GET', `${restoreJobs('orders')}/${id}`);
    const finishedAt = atlas.store.clock.now().toISOString();
    expect(done.body).toMatchObject({ id, finishedAt });
    const target = (await exported()).projects[GROUP]!.clusters.find((c) => c.name === 'orders-copy');
    expect(target?.restoredFrom).toEqual({ snapshotId: snapshot['id'], restoreJobId: id, sourceClusterName: 'orders', at: finishedAt });

    const list = await call('GET', restoreJobs('orders'));
    expect(list.body).toMatchObject({ totalCount: 1, results: [{ id }] });
    // D: an automated restore cannot be cancelled.
    const cancel = await call('DELETE', `${restoreJobs('orders')}/${id}`);
    expect(cancel.status).toBe(400);
    expect(cancel.body['errorCode']).toBe('CANNOT_CANCEL_AUTOMATED_RESTORE');
  });

  it('D a download of a CMK-encrypted snapshot is 400 CANNOT_DOWNLOAD_SNAPSHOT_WITH_ENCRYPTION; a plain one downloads', async () => {
    const cmk = await completedSnapshot('orders');
    const refused = await call('POST', restoreJobs('orders'), { deliveryType: 'download', snapshotId: cmk['id'] });
    expect(refused.status).toBe(400);
    expect(refused.body['errorCode']).toBe('CANNOT_DOWNLOAD_SNAPSHOT_WITH_ENCRYPTION');

    const plain = await completedSnapshot('plain');
    const created = await call('POST', restoreJobs('plain'), { deliveryType: 'download', snapshotId: plain['id'] });
    expect(created.status, created.text).toBe(200);
    expect(created.body['deliveryUrl']).toEqual([]);
    expect(created.body).not.toHaveProperty('targetClusterName');
    await advance(2 * STEP_MS);
    const one = `${restoreJobs('plain')}/${String(created.body['id'])}`;
    const done = await call('GET', one);
    expect(done.body['deliveryUrl']).toEqual([expect.stringMatching(/^https:\/\/restore\.mock-atlas\.invalid\//)]);
  });

  it('D a download job can be cancelled before it finishes: DELETE 204, then cancelled and without an archive', async () => {
    const plain = await completedSnapshot('plain');
    const created = await call('POST', restoreJobs('plain'), { deliveryType: 'download', snapshotId: plain['id'] });
    expect(created.status, created.text).toBe(200);
    const one = `${restoreJobs('plain')}/${String(created.body['id'])}`;
    const cancelled = await call('DELETE', one);
    expect([cancelled.status, cancelled.text]).toEqual([204, '']);
    await advance(2 * STEP_MS);
    expect((await call('GET', one)).body).toMatchObject({ cancelled: true, deliveryUrl: [] });
  });

  it('D a CMK snapshot into a cluster using another provider is 400 INVALID_SNAPSHOT_RESTORE_ENCRYPTION', async () => {
    const snapshot = await completedSnapshot('orders');
    for (const target of ['reporting', 'plain']) {
      const refused = await call('POST', restoreJobs('orders'), automated(snapshot['id'], target));
      expect(refused.status).toBe(400);
      expect(refused.body['errorCode']).toBe('INVALID_SNAPSHOT_RESTORE_ENCRYPTION');
    }
  });

  it('S0:65, D the target must exist (404), run (400 paused) and not be disabled (409)', async () => {
    const snapshot = await completedSnapshot('orders');
    const missing = await call('POST', restoreJobs('orders'), automated(snapshot['id'], 'ghost'));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errorCode: 'CLUSTER_NOT_FOUND', parameters: ['ghost', GROUP] });
    const paused = await call('POST', restoreJobs('orders'), automated(snapshot['id'], 'paused-copy'));
    expect(paused.status).toBe(400);
    expect(paused.body['errorCode']).toBe('CLUSTER_PAUSED_CANNOT_RESTORE');
    disableCluster('disabled-copy');
    const disabled = await call('POST', restoreJobs('orders'), automated(snapshot['id'], 'disabled-copy'));
    expect(disabled.status).toBe(409);
    expect(disabled.body['errorCode']).toBe('ENCRYPTION_AT_REST_SETTINGS_INVALID');
  });

  it('D an unknown snapshot is 404 SNAPSHOT_NOT_FOUND, an unknown job 404 RESTORE_JOB_NOT_FOUND', async () => {
    const unknown = await call('POST', restoreJobs('orders'), automated('aaaaaaaaaaaaaaaaaaaaaaaa', 'orders-copy'));
    expect(unknown.status).toBe(404);
    expect(unknown.body['errorCode']).toBe('SNAPSHOT_NOT_FOUND');
    const job = await call('GET', `${restoreJobs('orders')}/bbbbbbbbbbbbbbbbbbbbbbbb`);
    expect(job.status).toBe(404);
    expect(job.body['errorCode']).toBe('RESTORE_JOB_NOT_FOUND');
  });
});

// ── Backup schedules and scheduled snapshots ─────────────────────────────────────────────

describe('backup schedule', () => {
  it('README §4 GET reports the default schedule (6-hour base, S0:95) in both media types', async () => {
    const current = await call('GET', schedule('orders'));
    expect(current.status, current.text).toBe(200);
    expect(current.contentType).toBe('application/vnd.atlas.2024-08-05+json;charset=utf-8');
    expect(current.body).toMatchObject({ clusterName: 'orders', autoCopySettingsEnabled: false, restoreWindowDays: 7 });
    const items = (current.body['policies'] as { policyItems: Json[] }[])[0]!.policyItems;
    expect(items[0]).toMatchObject({ frequencyType: 'hourly', frequencyInterval: 6, retentionUnit: 'days', retentionValue: 7 });
    expect(items.every((i) => /^[a-f0-9]{24}$/.test(String(i['id'])))).toBe(true);

    const legacy = await call('GET', schedule('orders'), undefined, '2023-01-01');
    expect(legacy.contentType).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
    expect(legacy.body).not.toHaveProperty('autoCopySettingsEnabled');
  });

  it('S0:95 PATCH with an hourly interval of 5 is 400 INVALID_ATTRIBUTE; a valid one is 200 and stays', async () => {
    const item = { frequencyType: 'hourly', frequencyInterval: 5, retentionUnit: 'days', retentionValue: 7 };
    const refused = await call('PATCH', schedule('orders'), { policies: [{ policyItems: [item] }] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errorCode: 'INVALID_ATTRIBUTE' });

    const patched = await call('PATCH', schedule('orders'), { referenceHourOfDay: 4, policies: [{ policyItems: [{ ...item, frequencyInterval: 12 }] }] });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ referenceHourOfDay: 4, policies: [{ policyItems: [{ frequencyType: 'hourly', frequencyInterval: 12 }] }] });
    expect((await call('GET', schedule('orders'))).body['policies']).toEqual(patched.body['policies']);
  });

  it('README §2 DELETE answers 200 with the schedule emptied of its policy items; no cluster without Cloud Backup has one', async () => {
    const deleted = await call('DELETE', schedule('orders'));
    expect(deleted.status, deleted.text).toBe(200);
    expect((deleted.body['policies'] as { policyItems: unknown[] }[])[0]!.policyItems).toEqual([]);
    expect((await call('GET', schedule('nobackup'))).body).toMatchObject({ error: 404, errorCode: 'BACKUP_CONFIG_NOT_FOUND' });
  });

  it('spec PATCH and DELETE answer in the 2023-01-01 media type too (DiskBackupSnapshotSchedule)', async () => {
    const item = { frequencyType: 'hourly', frequencyInterval: 12, retentionUnit: 'days', retentionValue: 7 };
    const legacy = 'application/vnd.atlas.2023-01-01+json;charset=utf-8';
    const patched = await call('PATCH', schedule('orders'), { policies: [{ policyItems: [item] }] }, '2023-01-01');
    expect([patched.status, patched.contentType], patched.text).toEqual([200, legacy]);
    expect(patched.body).not.toHaveProperty('autoCopySettingsEnabled');
    const deleted = await call('DELETE', schedule('orders'), undefined, '2023-01-01');
    expect([deleted.status, deleted.contentType], deleted.text).toEqual([200, legacy]);
  });

  it('S0:95 scheduled snapshots appear every 6 hours of virtual time, each recording the active key', async () => {
    await advance(25 * HOUR_MS);
    const list = await call('GET', snapshots('orders'));
    const scheduled = (list.body['results'] as Json[]).filter((s) => s['snapshotType'] === 'scheduled');
    expect(scheduled).toHaveLength(5);
    const times = scheduled.map((s) => Date.parse(String(s['createdAt'])));
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([6, 6, 6, 6].map((h) => h * HOUR_MS));
    expect(scheduled.every((s) => s['frequencyType'] === 'hourly' && typeof s['masterKeyUUID'] === 'string')).toBe(true);
    const next = await call('GET', schedule('orders'));
    expect(next.body['nextSnapshot']).toBe(new Date(times[4]! + 6 * HOUR_MS).toISOString());
  });
});

describe('contract (atlas-admin-v2.multiversion.subset.json)', () => {
  it('every v2 response of the suite validates against its operation’s schema for its status and media type, objects closed', () => {
    const { violations, covered } = checkRecorded(recorder);
    expect(violations).toBe('');
    const cluster = '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup';
    const [v20230101, v20240805] = ['application/vnd.atlas.2023-01-01+json', 'application/vnd.atlas.2024-08-05+json'];
    for (const key of [
      `post ${cluster}/snapshots 200 ${v20230101}`,
      `get ${cluster}/snapshots 200 ${v20230101}`,
      `get ${cluster}/snapshots/{snapshotId} 200 ${v20230101}`,
      `patch ${cluster}/snapshots/{snapshotId} 200 ${v20230101}`,
      `delete ${cluster}/snapshots/{snapshotId} 204 ${v20230101}`,
      `post ${cluster}/restoreJobs 200 ${v20230101}`,
      `get ${cluster}/restoreJobs 200 ${v20230101}`,
      `get ${cluster}/restoreJobs/{restoreJobId} 200 ${v20230101}`,
      `delete ${cluster}/restoreJobs/{restoreJobId} 204 ${v20230101}`,
      `get ${cluster}/schedule 200 ${v20230101}`,
      `get ${cluster}/schedule 200 ${v20240805}`,
      `patch ${cluster}/schedule 200 ${v20230101}`,
      `patch ${cluster}/schedule 200 ${v20240805}`,
      `delete ${cluster}/schedule 200 ${v20230101}`,
      `delete ${cluster}/schedule 200 ${v20240805}`,
      `post ${cluster}/snapshots 400 application/json`,
      `post ${cluster}/snapshots 404 application/json`,
      `post ${cluster}/restoreJobs 400 application/json`,
      `post ${cluster}/restoreJobs 404 application/json`,
      `post ${cluster}/restoreJobs 409 application/json`,
      `delete ${cluster}/restoreJobs/{restoreJobId} 400 application/json`,
      `patch ${cluster}/schedule 400 application/json`,
    ]) {
      expect(covered, key).toContain(key);
    }
  });
});
