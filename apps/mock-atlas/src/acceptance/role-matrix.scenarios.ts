// Issue 3 acceptance, role matrix: for each operation the app serves, on v1.0 and v2, the
// weakest role the spec's x-rolesRequirements allows succeeds and a role below it gets 401
// USER_UNAUTHORIZED with the Atlas body (README §5.4, §11.2). API keys come from
// POST /_mock/apiKeys and talk Digest through urllib; one pass uses OAuth service accounts.
import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { isAllowed, OPERATION_VERSIONS, type OperationKey } from '@mock-atlas/atlas-http';
import type { RunningMockAtlas } from '../server/start';
import { clientOf, createApiKey, createServiceAccount, groupPath, PLANTED, SEED_GROUP_ID, stateText, withAtlas, type MadeCredential } from '../testing/atlas';
import { CLIENT_V2_ACCEPT, type AtlasClient, type Credentials } from '../testing/clients';
import type { Reply, ResponseRecorder } from '../testing/recorder';

/** A second project, for keys whose grants are all somewhere else. */
const OTHER_GROUP_ID = '5f4a8c2e9d1b3a6f7e0c4d99';
const OTHER_PROJECT_YAML = `version: 1\nproject: { name: another-project, id: ${OTHER_GROUP_ID} }\n`;

/** The body Atlas sends for too little role (README §5.1 shape, §5.4 code and detail). */
const USER_UNAUTHORIZED_BODY = {
  detail: 'Current user is not authorized to perform this action.',
  error: 401,
  errorCode: 'USER_UNAUTHORIZED',
  parameters: [],
  reason: 'Unauthorized',
};

/** S3:518-532's request body: a first enablement of AWS KMS with an access key pair. */
const ENABLE_AWS = {
  awsKms: {
    enabled: true,
    accessKeyID: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: PLANTED.awsSecretAccessKey,
    customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g',
    region: 'US_EAST_1',
  },
};

/** A grant too weak for an operation, and why it is. */
interface Below {
  readonly label: string;
  readonly roles: readonly string[];
  /** The project the roles are granted in; absent: every project. */
  readonly groupId?: string;
}

interface MatrixRow {
  readonly operation: OperationKey;
  readonly method: 'GET' | 'PATCH';
  readonly suffix: string;
  /** x-rolesRequirements as role ids (spec; README §2). */
  readonly weakest: string;
  readonly below: readonly Below[];
}

const ELSEWHERE: Below = { label: 'GROUP_OWNER granted on another project', roles: ['GROUP_OWNER'], groupId: OTHER_GROUP_ID };
// ORG_MEMBER: organization membership alone grants no project role (Atlas user-roles docs).
const MEMBER_ONLY: Below = { label: 'ORG_MEMBER (no project role)', roles: ['ORG_MEMBER'] };

/**
 * README §2: GET project and GET encryptionAtRest need Project Read Only, the weakest project
 * role; PATCH encryptionAtRest needs Project Owner, which every other project role is below.
 */
const MATRIX: readonly MatrixRow[] = [
  { operation: 'GET /groups/{groupId}', method: 'GET', suffix: '', weakest: 'GROUP_READ_ONLY', below: [ELSEWHERE, MEMBER_ONLY] },
  { operation: 'GET /groups/{groupId}/encryptionAtRest', method: 'GET', suffix: '/encryptionAtRest', weakest: 'GROUP_READ_ONLY', below: [ELSEWHERE, MEMBER_ONLY] },
  {
    operation: 'PATCH /groups/{groupId}/encryptionAtRest',
    method: 'PATCH',
    suffix: '/encryptionAtRest',
    weakest: 'GROUP_OWNER',
    below: [
      { label: 'GROUP_READ_ONLY', roles: ['GROUP_READ_ONLY'], groupId: SEED_GROUP_ID },
      { label: 'GROUP_CLUSTER_MANAGER', roles: ['GROUP_CLUSTER_MANAGER'], groupId: SEED_GROUP_ID },
      { label: 'GROUP_BACKUP_MANAGER', roles: ['GROUP_BACKUP_MANAGER'], groupId: SEED_GROUP_ID },
      ELSEWHERE,
    ],
  },
];

const APIS = [
  { api: 'v1.0', accept: 'application/json' },
  { api: 'v2', accept: CLIENT_V2_ACCEPT },
] as const;

function call(client: AtlasClient, row: MatrixRow, api: 'v1.0' | 'v2', accept: string): Promise<Reply> {
  const path = groupPath(api, row.suffix);
  return row.method === 'GET' ? client.get(path, accept) : client.patch(path, ENABLE_AWS, accept);
}

function expectUnauthorized(res: Reply, why: string): void {
  expect(res.status, why).toBe(401);
  expect(res.headers['content-type'], why).toBe('application/json');
  expect(res.headers['x-error-code'], why).toBe('USER_UNAUTHORIZED');
  expect(res.json(), why).toEqual(USER_UNAUTHORIZED_BODY);
}

/** Starts the seed project plus another project, loaded through the control API. */
async function withTwoProjects(recorder: ResponseRecorder, use: (atlas: RunningMockAtlas, anonymous: AtlasClient) => Promise<void>): Promise<void> {
  await withAtlas({}, async (atlas) => {
    const anonymous = clientOf(recorder, atlas);
    const loaded = await anonymous.send({ method: 'POST', path: '/_mock/projects', body: OTHER_PROJECT_YAML, contentType: 'application/yaml' });
    expect(loaded.status).toBe(201);
    await use(atlas, anonymous);
  });
}

/** Registers the role-matrix scenarios; every response goes through `recorder`. */
export function roleMatrixScenarios(recorder: ResponseRecorder): void {
  it('the matrix is the spec’s: its weakest role is x-rolesRequirements, and every role below it is refused by the hierarchy', () => {
    for (const row of MATRIX) {
      const required = OPERATION_VERSIONS[row.operation].roleIds;
      expect(required, row.operation).toEqual([row.weakest]);
      // Roles granted in another project are refused by where they apply, not by the hierarchy.
      for (const below of row.below.filter((b) => b.groupId !== OTHER_GROUP_ID)) expect(isAllowed(below.roles, required), below.label).toBe(false);
    }
  });

  describe('API keys over HTTP Digest (urllib)', () => {
    for (const row of MATRIX) {
      it(`${row.operation}: ${row.weakest} succeeds on v1.0 and v2; ${row.below.map((b) => b.label).join(', ')} get 401 USER_UNAUTHORIZED`, async () => {
        await withTwoProjects(recorder, async (_atlas, anonymous) => {
          const weakest = await createApiKey(anonymous, [row.weakest], SEED_GROUP_ID);
          const below: [Below, MadeCredential][] = [];
          for (const b of row.below) below.push([b, await createApiKey(anonymous, b.roles, b.groupId)]);
          // Every refusal on both APIs first, so that none of them meets a state an allowed PATCH
          // has already put in place (the same body again would change nothing anyway).
          const before = await stateText(anonymous);
          for (const { api, accept } of APIS) {
            for (const [b, key] of below) expectUnauthorized(await call(anonymous.as(key.credentials), row, api, accept), `${b.label} on ${api}`);
          }
          expect(await stateText(anonymous), 'the refused calls changed the state').toBe(before);
          for (const { api, accept } of APIS) {
            const ok = await call(anonymous.as(weakest.credentials), row, api, accept);
            expect(ok.status, `${row.weakest} on ${api}: ${ok.body}`).toBe(200);
          }
          if (row.method === 'PATCH') {
            // And the allowed PATCH did take effect.
            const ear = await anonymous.as(weakest.credentials).get(groupPath('v2', '/encryptionAtRest'), CLIENT_V2_ACCEPT);
            expect(ear.json()['awsKms']).toMatchObject({ enabled: true, region: 'US_EAST_1' });
          }
        });
      });
    }
  });

  it('OAuth service accounts (oauth4webapi, then Bearer): the same matrix on v1.0 and v2', async () => {
    await withTwoProjects(recorder, async (atlas, anonymous) => {
      const as: oauth.AuthorizationServer = { issuer: atlas.baseUrl, token_endpoint: `${atlas.baseUrl}/api/oauth/token` };
      const bearerOf = async (roles: readonly string[], groupId?: string): Promise<Credentials> => {
        const { clientId, clientSecret } = await createServiceAccount(anonymous, roles, groupId);
        // oauth4webapi refuses plain HTTP unless told; the mock listens on loopback HTTP here.
        const response = await oauth.clientCredentialsGrantRequest(as, { client_id: clientId }, oauth.ClientSecretBasic(clientSecret), new URLSearchParams(), {
          [oauth.allowInsecureRequests]: true,
        });
        const token = await oauth.processClientCredentialsResponse(as, { client_id: clientId }, response);
        return { bearer: token.access_token };
      };
      for (const row of MATRIX) {
        const weakest = await bearerOf([row.weakest], SEED_GROUP_ID);
        const below = row.below[0]!;
        const weak = await bearerOf(below.roles, below.groupId);
        const before = await stateText(anonymous);
        for (const { api, accept } of APIS) {
          expectUnauthorized(await call(anonymous.as(weak), row, api, accept), `${row.operation} as a ${below.label} service account on ${api}`);
        }
        expect(await stateText(anonymous), `${row.operation}: the refused calls changed the state`).toBe(before);
        for (const { api, accept } of APIS) {
          const ok = await call(anonymous.as(weakest), row, api, accept);
          expect(ok.status, `${row.operation} as a ${row.weakest} service account on ${api}: ${ok.body}`).toBe(200);
        }
      }
    });
  });
}
