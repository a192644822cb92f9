// The client's contract with Atlas around customer keys, checked against mock-atlas: enable AWS
// KMS, create a CMK cluster, take a snapshot, lose the key it was taken with, see the restore
// refused with the key-state code, get the key back, restore. The mock's clock is manual, so
// every transition happens exactly when the test advances it.
import { startMockAtlas, type MockAtlas } from '@mock-atlas/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasClient } from './atlas-client';
import { AtlasApiError } from './atlas-error';
import type { RestoreJobRequest } from './resources';

const GROUP = '6a0c11e47c0a2e0000000001';
const KEY = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const ROTATED_KEY = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';
const ROLE = '5f232b94af0a6b41747bcc2d';

let atlas: MockAtlas;
let client: AtlasClient;

beforeAll(async () => {
  atlas = await startMockAtlas({
    // strict: a key must exist in the customer's (simulated) KMS, as with real AWS.
    kms: 'strict',
    config: {
      version: 1,
      project: { name: 'client-contract', id: GROUP },
      kms: {
        keys: [
          { provider: 'AWS', keyId: KEY, state: 'ENABLED' },
          { provider: 'AWS', keyId: ROTATED_KEY, state: 'ENABLED' },
        ],
      },
    },
  });
  client = new AtlasClient({ baseUrl: atlas.baseUrl, ...atlas.apiKey });
});

afterAll(() => atlas.close());

/** The restore into `ledger` of the snapshot the story takes. */
const restoreOf = (snapshotId: string): RestoreJobRequest => ({ snapshotId, deliveryType: 'automated', targetClusterName: 'ledger', targetGroupId: GROUP });

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

// The steps share one mock and run in order, each building on the one before.
describe.sequential('a CMK cluster, a snapshot, and its lost key', () => {
  let snapshotId: string;

  it('enables AWS KMS with the customer key', async () => {
    const ear = await client.enableAwsKms(GROUP, { customerMasterKeyID: KEY, region: 'US_EAST_1', roleId: ROLE });
    expect(ear.awsKms).toMatchObject({ enabled: true, valid: true, customerMasterKeyID: KEY });
  });

  it('creates a cluster encrypted with it, which becomes IDLE', async () => {
    const created = await client.createCluster(GROUP, {
      name: 'ledger',
      clusterType: 'REPLICASET',
      encryptionAtRestProvider: 'AWS',
      backupEnabled: true,
      replicationSpecs: [{ regionConfigs: [{ providerName: 'AWS', regionName: 'US_EAST_1', priority: 7, electableSpecs: { instanceSize: 'M30', nodeCount: 3 } }] }],
    });
    expect(created).toMatchObject({ name: 'ledger', stateName: 'CREATING', encryptionAtRestProvider: 'AWS' });
    await atlas.clock.advance('PT1M');
    expect((await client.getCluster(GROUP, 'ledger')).stateName).toBe('IDLE');
  });

  it('takes a snapshot, completed once the backup has run', async () => {
    snapshotId = (await client.takeSnapshot(GROUP, 'ledger', { description: 'before the migration', retentionInDays: 7 })).id;
    await atlas.clock.advance('PT1M');
    expect((await client.getSnapshot(GROUP, 'ledger', snapshotId)).status).toBe('completed');
  });

  it('rotates the project to a new key; the cluster keeps running', async () => {
    expect((await client.enableAwsKms(GROUP, { customerMasterKeyID: ROTATED_KEY, region: 'US_EAST_1', roleId: ROLE })).awsKms).toMatchObject({ customerMasterKeyID: ROTATED_KEY, valid: true });
    await atlas.clock.advance('PT1M');
    expect((await client.getCluster(GROUP, 'ledger')).stateName).toBe('IDLE');
  });

  it('S0:90 loses the old key: Atlas\'s check passes, since the project no longer uses it', async () => {
    await atlas.kms.disableKey(KEY);
    const report = await atlas.validate();
    expect(report.disabledClusters).toEqual([]);
    expect(report.providers).toEqual([expect.objectContaining({ provider: 'AWS', valid: true, keyId: ROTATED_KEY })]);
  });

  it('S0:93 the restore of the snapshot taken with the lost key is refused with the key-state code, typed', async () => {
    const refused = await refusal(client.restoreSnapshot(GROUP, 'ledger', restoreOf(snapshotId)));
    expect(refused).toBeInstanceOf(AtlasApiError);
    // atlas-openapi README §5.3: AWS answers a disabled key with AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED (400).
    expect(refused).toMatchObject({ status: 400, errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED' });
  });

  it('recovers: the customer enables the key again, and the restore runs to completion', async () => {
    await atlas.kms.restoreKey(KEY);
    await atlas.validate();
    const job = await client.restoreSnapshot(GROUP, 'ledger', restoreOf(snapshotId));
    expect(job).toMatchObject({ snapshotId, targetClusterName: 'ledger' });
    await atlas.clock.advance('PT1M');
    expect((await client.getRestoreJob(GROUP, 'ledger', job.id)).finishedAt).toEqual(expect.any(String));
  });

  it('S0:63 S0:65 losing the key in use disables the cluster: a restore into it is refused until "Try Again" passes', async () => {
    await atlas.kms.disableKey(ROTATED_KEY);
    expect((await atlas.validate()).disabledClusters).toEqual(['ledger']);
    expect((await client.getEncryptionAtRest(GROUP)).awsKms?.valid).toBe(false);
    expect(await refusal(client.restoreSnapshot(GROUP, 'ledger', restoreOf(snapshotId)))).toMatchObject({ status: 409, errorCode: 'ENCRYPTION_AT_REST_SETTINGS_INVALID' });

    await atlas.kms.restoreKey(ROTATED_KEY);
    expect((await atlas.validate()).restoredClusters).toEqual(['ledger']);
    expect((await client.restoreSnapshot(GROUP, 'ledger', restoreOf(snapshotId))).snapshotId).toBe(snapshotId);
  });
});
