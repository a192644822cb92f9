// The contract validator must fail what the spec does not allow, or the contract test of the
// acceptance suite proves nothing. These cases are hand-written bodies, not the mock's.
import { describe, expect, it } from 'vitest';
import { ContractValidator } from './contract';
import type { RecordedResponse } from './recorder';

const EAR_URL = 'http://127.0.0.1:1/api/atlas/v2/groups/5f4a8c2e9d1b3a6f7e0c4d21/encryptionAtRest';
const GROUP_URL = 'http://127.0.0.1:1/api/atlas/v2/groups/5f4a8c2e9d1b3a6f7e0c4d21';
const V2 = 'application/vnd.atlas.2023-01-01+json;charset=utf-8';

const validator = new ContractValidator();

function problems(overrides: Partial<RecordedResponse> & { json?: unknown }): readonly string[] {
  const { json, ...rest } = overrides;
  const response: RecordedResponse = {
    client: 'test',
    method: 'GET',
    url: EAR_URL,
    status: 200,
    headers: { 'content-type': V2 },
    body: JSON.stringify(json ?? {}),
    ...rest,
  };
  return validator.checkOne(response).problems;
}

const EAR = {
  awsKms: { accessKeyID: 'AKIAIOSFODNN7EXAMPLE', customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g', enabled: true, region: 'US_EAST_1', valid: true },
  azureKeyVault: { enabled: false, valid: false },
  googleCloudKms: { enabled: false, valid: false },
};

const GROUP = {
  clusterCount: 0,
  created: '2026-01-01T00:00:00Z',
  id: '5f4a8c2e9d1b3a6f7e0c4d21',
  links: [{ href: GROUP_URL, rel: 'self' }],
  name: 'seed-project',
  orgId: '5e2211c17a3e5a48f5490000',
  tags: [],
  withDefaultAlertsSettings: true,
};

const CLUSTER_URL = `${GROUP_URL}/clusters/c1`;
const SNAPSHOTS_URL = `${GROUP_URL}/clusters/c1/backup/snapshots`;
const SCHEDULE_URL = `${GROUP_URL}/clusters/c1/backup/schedule`;
const V20240805 = { 'content-type': 'application/vnd.atlas.2024-08-05+json;charset=utf-8' };

/** README §9: the recorded POST restore job, automated. */
const RESTORE_JOB = {
  cancelled: false,
  deliveryType: 'automated',
  deliveryUrl: [],
  desiredTimestamp: { increment: null, time: null, date: null },
  expired: false,
  failed: false,
  id: '6a7948342c88faeba59eb866',
  links: [{ href: `${GROUP_URL}/clusters/c1/backup/restoreJobs/6a7948342c88faeba59eb866`, rel: 'self' }],
  snapshotId: '6a79468a2c88faeba59de489',
  targetClusterName: 'c2',
  targetGroupId: '5f4a8c2e9d1b3a6f7e0c4d21',
  timestamp: '2026-08-10T03:35:05Z',
};

/** README §9: the recorded POST snapshot. */
const SNAPSHOT = {
  cloudProvider: 'AWS',
  copyRegions: [],
  createdAt: '2026-08-10T03:35:05Z',
  expiresAt: '2026-08-11T03:35:05Z',
  frequencyType: 'ondemand',
  id: '6a79468a2c88faeba59de489',
  links: [{ href: `${SNAPSHOTS_URL}/6a79468a2c88faeba59de489`, rel: 'self' }],
  policyItems: [],
  replicaSetName: 'c1',
  snapshotType: 'onDemand',
  status: 'queued',
  storageSizeBytes: 0,
  type: 'replicaSet',
};

const CLUSTER = {
  clusterType: 'REPLICASET',
  name: 'c1',
  replicationSpecs: [{ zoneName: 'Zone 1', regionConfigs: [{ providerName: 'AWS', regionName: 'US_EAST_1', priority: 7, electableSpecs: { instanceSize: 'M30', nodeCount: 3 } }] }],
  stateName: 'IDLE',
};

/** CLUSTER with its one region config changed. */
function withRegion(changes: Record<string, unknown>): unknown {
  const [spec] = CLUSTER.replicationSpecs;
  return { ...CLUSTER, replicationSpecs: [{ ...spec, regionConfigs: [{ ...spec!.regionConfigs[0], ...changes }] }] };
}

/** A 2024-08-05 backup schedule copying snapshots to one zone with these policy items. */
function withCopyPolicyItems(copyPolicyItems: readonly unknown[]): unknown {
  const policyItems = [{ frequencyInterval: 6, frequencyType: 'hourly', id: '6a79468a2c88faeba59de48a', retentionUnit: 'days', retentionValue: 7 }];
  return { clusterName: 'c1', copySettings: [{ cloudProvider: 'AWS', copyPolicyItems, regionName: 'US_WEST_2', zoneId: '6a79468a2c88faeba59de48b' }], policies: [{ policyItems }] };
}

/** S3:57 the rotation reminder Atlas creates for an AWS key. */
const ALERT_CONFIG = {
  enabled: true,
  eventTypeName: 'AWS_ENCRYPTION_KEY_NEEDS_ROTATION',
  groupId: '5f4a8c2e9d1b3a6f7e0c4d21',
  id: '6a79468a2c88faeba59de48c',
  matchers: [],
  notifications: [{ delayMin: 0, emailEnabled: true, intervalMin: 60, roles: ['GROUP_OWNER'], smsEnabled: false, typeName: 'GROUP' }],
  threshold: { operator: 'GREATER_THAN', threshold: 90, units: 'DAYS' },
};

const NOT_FOUND = { detail: 'No group with ID 0123456789abcdef01234567 exists.', error: 404, errorCode: 'GROUP_NOT_FOUND', parameters: ['0123456789abcdef01234567'], reason: 'Not Found' };
const ERROR_HEADERS = { 'content-type': 'application/json' };

describe('ContractValidator', () => {
  it('spec EncryptionAtRest: accepts a conforming body', () => {
    expect(problems({ json: EAR })).toEqual([]);
  });

  it('closed objects: an invented field fails, at the top and inside a provider document', () => {
    expect(problems({ json: { ...EAR, kmsMode: 'x' } })).toEqual(['(body) must NOT have additional properties: kmsMode']);
    expect(problems({ json: { ...EAR, awsKms: { ...EAR.awsKms, keyArn: 'arn' } } })).toEqual(['/awsKms must NOT have additional properties: keyArn']);
  });

  it('spec writeOnly: a secret in a response fails (secretAccessKey, secret, serviceAccountKey)', () => {
    expect(problems({ json: { ...EAR, awsKms: { ...EAR.awsKms, secretAccessKey: 's' } } })).toEqual(['/awsKms must NOT have additional properties: secretAccessKey']);
    expect(problems({ json: { ...EAR, azureKeyVault: { enabled: false, valid: false, secret: 's' } } })).toEqual(['/azureKeyVault must NOT have additional properties: secret']);
    expect(problems({ json: { ...EAR, googleCloudKms: { enabled: false, valid: false, serviceAccountKey: 's' } } })).toHaveLength(1);
  });

  it('spec: a provider field that is not nullable fails as null; ApiError.detail, which is nullable, passes as null', () => {
    expect(problems({ json: { ...EAR, awsKms: { ...EAR.awsKms, accessKeyID: null } } })).toEqual(['/awsKms/accessKeyID must be string']);
    expect(problems({ url: GROUP_URL + '/encryptionAtRest', status: 404, headers: ERROR_HEADERS, json: { ...NOT_FOUND, detail: null } })).toEqual([]);
  });

  it('spec enums and formats are checked (region, clientID uuid)', () => {
    expect(problems({ json: { ...EAR, awsKms: { ...EAR.awsKms, region: 'MOON_1' } } })).toEqual(['/awsKms/region must be equal to one of the allowed values']);
    expect(problems({ json: { ...EAR, azureKeyVault: { enabled: false, valid: false, clientID: 'not-a-uuid' } } })).toEqual(['/azureKeyVault/clientID must match format "uuid"']);
  });

  it('spec Group: required fields and closed; README §5.1: errors as ApiError with string parameters', () => {
    expect(problems({ url: GROUP_URL, json: GROUP })).toEqual([]);
    const { orgId: _orgId, ...withoutOrg } = GROUP;
    expect(problems({ url: GROUP_URL, json: withoutOrg })).toEqual(["(body) must have required property 'orgId'"]);
    expect(problems({ url: GROUP_URL, json: { ...GROUP, region: 'x' } })).toEqual(['(body) must NOT have additional properties: region']);
    expect(problems({ url: GROUP_URL, status: 404, headers: ERROR_HEADERS, json: NOT_FOUND })).toEqual([]);
    expect(problems({ url: GROUP_URL, status: 404, headers: ERROR_HEADERS, json: { ...NOT_FOUND, stack: 'at …' } })).toEqual([
      '(body) must NOT have additional properties: stack',
    ]);
  });

  it('media types: an error in a versioned type, or a success in a version the operation lacks, has no schema', () => {
    expect(problems({ status: 404, json: NOT_FOUND })[0]).toMatch(/encryptionAtRest 404 has no application\/vnd\.atlas\.2023-01-01\+json content/);
    expect(problems({ status: 406, json: NOT_FOUND })).toEqual(['error 406 of GET /api/atlas/v2/groups/5f4a8c2e9d1b3a6f7e0c4d21/encryptionAtRest is application/vnd.atlas.2023-01-01+json, not application/json']);
    expect(problems({ headers: { 'content-type': 'application/vnd.atlas.2024-08-05+json' }, json: EAR })[0]).toMatch(/has no application\/vnd\.atlas\.2024-08-05\+json content/);
    expect(problems({ headers: { 'content-type': 'application/json' }, json: EAR })[0]).toMatch(/has no application\/json content/);
  });

  it('statuses the operation does not list (406, 405) and unknown paths are checked as ApiError', () => {
    const body = { detail: 'Invalid accept header or version date.', error: 406, errorCode: 'INVALID_VERSION_DATE', parameters: [], reason: 'Not Acceptable' };
    expect(problems({ status: 406, headers: ERROR_HEADERS, json: body })).toEqual([]);
    expect(problems({ status: 406, headers: ERROR_HEADERS, json: { ...body, errorCode: undefined } })).toEqual(["(body) must have required property 'errorCode'"]);
    expect(problems({ url: 'http://127.0.0.1:1/api/atlas/v2/nowhere', status: 404, headers: ERROR_HEADERS, json: NOT_FOUND })).toEqual([]);
    expect(problems({ url: 'http://127.0.0.1:1/api/atlas/v2/nowhere', status: 200, json: {} })[0]).toMatch(/no 200 response/);
  });

  it('S3 envelope=true: HTTP 200 with exactly {status, content}, the content checked against the carried status', () => {
    const url = `${EAR_URL}?envelope=true`;
    expect(problems({ url, json: { status: 200, content: EAR } })).toEqual([]);
    expect(problems({ url, headers: ERROR_HEADERS, json: { status: 404, content: NOT_FOUND } })).toEqual([]);
    expect(problems({ url, json: { status: 200, content: { ...EAR, extra: 1 } } })).toEqual(['(body) must NOT have additional properties: extra']);
    expect(problems({ url, json: EAR })[0]).toMatch(/exactly \{status, content\}/);
  });

  it('README §11.7, §9: a restore job may carry targetDeploymentItemName and desiredTimestamp.time, and null desiredTimestamp members; nothing else', () => {
    const url = `${GROUP_URL}/clusters/c1/backup/restoreJobs/${RESTORE_JOB.id}`;
    expect(problems({ url, json: RESTORE_JOB })).toEqual([]);
    expect(problems({ url, json: { ...RESTORE_JOB, targetDeploymentItemName: 'c2-shard-0', desiredTimestamp: { date: '2026-08-10T03:35:05Z', increment: 1199145601, time: 1 } } })).toEqual([]);
    expect(problems({ url, json: { ...RESTORE_JOB, createdAt: '2026-08-10T03:35:05Z' } })).toEqual(['(body) must NOT have additional properties: createdAt']);
    expect(problems({ url, json: { ...RESTORE_JOB, desiredTimestamp: { date: null, bogus: 1 } } })).toEqual(['/desiredTimestamp must NOT have additional properties: bogus']);
    expect(problems({ url, json: { ...RESTORE_JOB, links: [{ href: url, rel: 'self', title: 'x' }] } })).toEqual(['/links/0 must NOT have additional properties: title']);
  });

  it('README §11.6: an on-demand snapshot may say frequencyType "ondemand"; other values outside the enum still fail', () => {
    expect(problems({ method: 'POST', url: SNAPSHOTS_URL, json: SNAPSHOT })).toEqual([]);
    expect(problems({ method: 'POST', url: SNAPSHOTS_URL, json: { ...SNAPSHOT, frequencyType: 'fortnightly' } })).toEqual(['/frequencyType must be equal to one of the allowed values']);
  });

  it('spec discriminator `type` (no oneOf): a replicaSet snapshot is checked as DiskBackupReplicaSet, a shardedCluster one as DiskBackupShardedClusterSnapshot', () => {
    expect(problems({ method: 'POST', url: SNAPSHOTS_URL, json: SNAPSHOT })).toEqual([]);
    expect(problems({ method: 'POST', url: SNAPSHOTS_URL, json: { ...SNAPSHOT, type: 'shardedCluster' } })).toEqual([
      '(body) must NOT have additional properties: cloudProvider',
      '(body) must NOT have additional properties: copyRegions',
      '(body) must NOT have additional properties: replicaSetName',
    ]);
    const { cloudProvider: _c, copyRegions: _r, replicaSetName: _n, ...common } = SNAPSHOT;
    expect(problems({ method: 'POST', url: SNAPSHOTS_URL, json: { ...common, type: 'shardedCluster', configServerType: 'EMBEDDED', snapshotIds: [] } })).toEqual([]);
  });

  it('spec discriminator providerName with oneOf: each region config is checked as the branch its provider names, and the property must name one', () => {
    expect(problems({ url: CLUSTER_URL, headers: V20240805, json: CLUSTER })).toEqual([]);
    expect(problems({ url: CLUSTER_URL, headers: V20240805, json: withRegion({ providerName: 'TENANT', backingProviderName: 'AWS', regionName: 'US_EAST_1', electableSpecs: { instanceSize: 'M0' } }) })).toEqual([]);
    expect(problems({ url: CLUSTER_URL, headers: V20240805, json: withRegion({ backingProviderName: 'AWS' }) })).toEqual([
      '/replicationSpecs/0/regionConfigs/0 must NOT have additional properties: backingProviderName',
    ]);
    expect(problems({ url: CLUSTER_URL, headers: V20240805, json: withRegion({ providerName: 'OCI' }) })).toEqual(['/replicationSpecs/0/regionConfigs/0/providerName must be equal to one of the allowed values']);
  });

  it('recursive schemas compile and are followed: the region config ⇄ CloudRegionConfig20240805 loop, DiskBackupCopyPolicyItem ⇄ its branches', () => {
    expect(problems({ url: CLUSTER_URL, headers: V20240805, json: withRegion({ electableSpecs: { instanceSize: 'M30', nodeCount: 3, bogus: 1 } }) })).toEqual([
      '/replicationSpecs/0/regionConfigs/0/electableSpecs must NOT have additional properties: bogus',
    ]);
    const daily = { frequencyType: 'daily', retentionUnit: 'days', retentionValue: 7 };
    expect(problems({ url: SCHEDULE_URL, headers: V20240805, json: withCopyPolicyItems([daily, { frequencyType: 'ondemand' }]) })).toEqual([]);
    expect(problems({ url: SCHEDULE_URL, headers: V20240805, json: withCopyPolicyItems([{ frequencyType: 'daily', retentionValue: 7 }]) })).toEqual([
      "/copySettings/0/copyPolicyItems/0 must have required property 'retentionUnit'",
    ]);
    expect(problems({ url: SCHEDULE_URL, headers: V20240805, json: withCopyPolicyItems([{ ...daily, frequencyType: 'ondemand' }]) })).toEqual([
      '/copySettings/0/copyPolicyItems/0 must NOT have additional properties: retentionUnit',
      '/copySettings/0/copyPolicyItems/0 must NOT have additional properties: retentionValue',
    ]);
  });

  it('spec oneOf read as anyOf: a region name in two clouds’ enums (US_WEST_2) passes; an alert config is closed over the view its eventTypeName selects', () => {
    expect(problems({ url: CLUSTER_URL, headers: V20240805, json: withRegion({ providerName: 'AZURE', regionName: 'US_WEST_2' }) })).toEqual([]);
    const url = `${GROUP_URL}/alertConfigs`;
    expect(problems({ url, json: { links: [], results: [ALERT_CONFIG], totalCount: 1 } })).toEqual([]);
    // No view takes LESS_THAN for this event type: each alternative's complaint is listed.
    expect(problems({ url, json: { links: [], results: [{ ...ALERT_CONFIG, threshold: { operator: 'LESS_THAN', units: 'DAYS', threshold: 90 } }], totalCount: 1 } })).toContain(
      '/results/0/threshold/operator must be equal to one of the allowed values',
    );
    expect(problems({ url, json: { links: [], results: [{ ...ALERT_CONFIG, metricThreshold: { metricName: 'CONNECTIONS' } }], totalCount: 1 } })).toEqual([
      '/results/0 must NOT have additional properties: metricThreshold',
    ]);
  });

  it('README §9, spec: a response the spec gives no schema (DELETE 202, 204) has no body, or the recorded {}', () => {
    const cluster = { method: 'DELETE', url: CLUSTER_URL, status: 202, headers: { 'content-type': 'application/vnd.atlas.2023-02-01+json' } };
    expect(problems({ ...cluster, json: {} })).toEqual([]);
    expect(problems({ ...cluster, json: { deleted: true } })).toEqual(['the spec gives this response no body, yet it has one']);
    expect(problems({ method: 'DELETE', url: `${SNAPSHOTS_URL}/${SNAPSHOT.id}`, status: 204, body: '' })).toEqual([]);
    expect(problems({ body: '' })).toEqual(['the body is empty, yet the spec gives it a schema']);
  });

  it('spec envelope: a list is its own envelope, with status beside results', () => {
    const url = `${GROUP_URL}/alertConfigs?envelope=true`;
    expect(problems({ url, json: { links: [], results: [ALERT_CONFIG], status: 200, totalCount: 1 } })).toEqual([]);
    expect(problems({ url, json: { links: [], results: [{ ...ALERT_CONFIG, extra: 1 }], status: 200, totalCount: 1 } })).toEqual(['/results/0 must NOT have additional properties: extra']);
  });
});
