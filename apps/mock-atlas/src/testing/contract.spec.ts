// The contract validator must fail what the spec does not allow, or the contract test of the
// acceptance suite proves nothing. These cases are hand-written bodies, not the mock's.
import { describe, expect, it } from 'vitest';
import { ContractValidator, loadSpec, pathTemplateOf, schemaFor } from './contract';
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

  it('README §11.7: the restore job stays open at the top and in desiredTimestamp, where real Atlas sends fields beyond the spec', () => {
    const spec = loadSpec();
    const path = '/api/atlas/v2/groups/5f4a8c2e9d1b3a6f7e0c4d21/clusters/c1/backup/restoreJobs/6a793f6b2c88faeba59bae37';
    expect(pathTemplateOf(spec, path)).toBe('/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs/{restoreJobId}');
    const { schema } = schemaFor(spec, 'GET', path, 200, 'application/vnd.atlas.2023-01-01+json');
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(schema).toHaveProperty(['properties', 'desiredTimestamp', 'properties']);
    expect(schema).not.toHaveProperty(['properties', 'desiredTimestamp', 'additionalProperties']);
    expect(schema).toHaveProperty(['properties', 'links', 'items', 'additionalProperties'], false);
  });

  it('refuses a cyclic schema clearly instead of recursing (the cluster schemas, which no served operation uses yet)', () => {
    expect(() => schemaFor(loadSpec(), 'GET', '/api/atlas/v2/groups/5f4a8c2e9d1b3a6f7e0c4d21/clusters/c1', 200, 'application/vnd.atlas.2024-08-05+json')).toThrow(/cyclic \$ref/);
  });
});
