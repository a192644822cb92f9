// Issue 3 acceptance, behaviour of the whole app: `pretty`/`envelope` (S3), media-type
// versions (README §7), Atlas errors for unknown ids, paths and methods and broken JSON
// (README §5), all-or-nothing PATCHes, a state export without secrets, the control API's
// config loading, and the key-rotation alert's threshold.
import { describe, expect, it } from 'vitest';
import { clientOf, createApiKey, createServiceAccount, groupPath, PLANTED, SEED_GROUP_ID, SEED_OWNER, stateText, UNKNOWN_GROUP_ID, withAtlas } from '../testing/atlas';
import { CLIENT_V2_ACCEPT } from '../testing/clients';
import type { Reply, ResponseRecorder } from '../testing/recorder';
import { fixturePath } from '../testing/workspace';
import { readFileSync } from 'node:fs';

/** The v2 media type encryptionAtRest and the project are served in (their one version, README §2). */
const SERVED_V2 = 'application/vnd.atlas.2023-01-01+json;charset=utf-8';

const AWS_KEY_ID = '030gce02-586d-48d2-a966-05ea954fde0g';

/** S3:518-532's request body. */
const ENABLE_AWS = {
  awsKms: { enabled: true, accessKeyID: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: PLANTED.awsSecretAccessKey, customerMasterKeyID: AWS_KEY_ID, region: 'US_EAST_1' },
};

/** Every field Azure Key Vault needs to be turned on (S3:199-205), the write-only secret included. */
const ENABLE_AZURE = {
  azureKeyVault: {
    enabled: true,
    azureEnvironment: 'AZURE',
    clientID: 'b5ee8d2a-1f2b-4c1e-9f3a-8a2c1d4e5f60',
    subscriptionID: 'd2c6a4e0-5b7c-4f1a-8e2d-3c4b5a6f7e80',
    resourceGroupName: 'seed-rg',
    keyVaultName: 'seed-vault',
    keyIdentifier: 'https://seed-vault.vault.azure.net/keys/atlas-cmk/4a6b8c0d2e4f60718293a4b5c6d7e8f9',
    tenantID: 'f1e2d3c4-b5a6-4789-9abc-def012345678',
    secret: PLANTED.azureSecret,
  },
};

/** Google Cloud KMS turned on with a service account key (S3:199-205). */
const ENABLE_GCP = {
  googleCloudKms: {
    enabled: true,
    keyVersionResourceID: 'projects/seed/locations/global/keyRings/seed-ring/cryptoKeys/seed-key/cryptoKeyVersions/1',
    serviceAccountKey: PLANTED.gcpServiceAccountKey,
  },
};

/** An Atlas error body (README §5.1: alphabetical keys, `parameters` always present). */
function atlasError(status: number, reason: string, errorCode: string, detail: string, parameters: readonly string[] = []) {
  return { detail, error: status, errorCode, parameters, reason };
}

function expectError(res: Reply, status: number, errorCode: string, why = `${res.method} ${res.url}`): void {
  expect(res.status, `${why}: ${res.body}`).toBe(status);
  expect(res.headers['content-type'], why).toBe('application/json');
  expect(res.headers['x-error-code'], why).toBe(errorCode);
  expect(res.json()['errorCode'], why).toBe(errorCode);
}

/** Registers the app-level scenarios; every response goes through `recorder`. */
export function appBehaviourScenarios(recorder: ResponseRecorder): void {
  describe('pretty and envelope (S3 query parameters)', () => {
    it('GET encryptionAtRest with envelope=true&pretty=true on v1.0 and v2: HTTP 200, {status, content} pretty-printed', async () => {
      await withAtlas({}, async (atlas) => {
        const owner = clientOf(recorder, atlas, { digest: SEED_OWNER });
        expect((await owner.patch(groupPath('v2', '/encryptionAtRest'), ENABLE_AWS, CLIENT_V2_ACCEPT)).status).toBe(200);
        for (const [api, accept, contentType] of [
          ['v1.0', 'application/json', 'application/json'],
          ['v2', CLIENT_V2_ACCEPT, SERVED_V2],
        ] as const) {
          const plain = await owner.get(groupPath(api, '/encryptionAtRest'), accept);
          const res = await owner.get(groupPath(api, '/encryptionAtRest?envelope=true&pretty=true'), accept);
          expect(res.status).toBe(200);
          expect(res.headers['content-type']).toBe(contentType);
          expect(res.body.startsWith('{\n  "status" : 200,\n  "content" : {\n    "awsKms" : {\n      "accessKeyID" : "AKIAIOSFODNN7EXAMPLE",\n')).toBe(true);
          expect(res.json()).toEqual({ status: 200, content: plain.json() });
          // pretty alone: the same document, indented; envelope alone: the same envelope, compact.
          const pretty = await owner.get(groupPath(api, '/encryptionAtRest?pretty=true'), accept);
          expect(pretty.body.startsWith('{\n  "awsKms" : {\n')).toBe(true);
          expect(pretty.json()).toEqual(plain.json());
          const enveloped = await owner.get(groupPath(api, '/encryptionAtRest?envelope=true'), accept);
          expect(enveloped.body.startsWith('{"status":200,"content":{"awsKms":{')).toBe(true);
        }
      });
    });

    it('an error with envelope=true&pretty=true: HTTP 200, the Atlas error as content with its status', async () => {
      await withAtlas({}, async (atlas) => {
        const everywhere = await createApiKey(clientOf(recorder, atlas), ['GROUP_OWNER']);
        const client = clientOf(recorder, atlas, everywhere.credentials);
        for (const [api, accept] of [
          ['v1.0', 'application/json'],
          ['v2', CLIENT_V2_ACCEPT],
        ] as const) {
          const res = await client.get(groupPath(api, '/encryptionAtRest?envelope=true&pretty=true', UNKNOWN_GROUP_ID), accept);
          expect(res.status).toBe(200);
          expect(res.headers['content-type']).toBe('application/json');
          expect(res.body.startsWith('{\n  "status" : 404,\n  "content" : {\n    "detail" : "No group with ID ')).toBe(true);
          expect(res.json()).toEqual({
            status: 404,
            content: atlasError(404, 'Not Found', 'GROUP_NOT_FOUND', `No group with ID ${UNKNOWN_GROUP_ID} exists.`, [UNKNOWN_GROUP_ID]),
          });
        }
      });
    });
  });

  describe('media-type versions (README §7)', () => {
    it('406 INVALID_VERSION_DATE on v2 for no Atlas version, a malformed date and a date before 2023-01-01', async () => {
      await withAtlas({}, async (atlas) => {
        const owner = clientOf(recorder, atlas, { digest: SEED_OWNER });
        const accepts = [
          'application/json',
          '*/*',
          'application/vnd.atlas.20230101+json',
          'application/vnd.atlas.2023-02-30+json',
          'application/vnd.atlas.2022-12-31+json',
        ];
        for (const accept of accepts) {
          for (const res of [
            await owner.get(groupPath('v2'), accept),
            await owner.get(groupPath('v2', '/encryptionAtRest'), accept),
            await owner.patch(groupPath('v2', '/encryptionAtRest'), ENABLE_AWS, accept),
          ]) {
            expectError(res, 406, 'INVALID_VERSION_DATE', `${res.method} ${res.url} with Accept: ${accept}`);
            expect(res.json()).toEqual(atlasError(406, 'Not Acceptable', 'INVALID_VERSION_DATE', 'Invalid accept header or version date.'));
          }
        }
        // The refused PATCHes changed nothing.
        const ear = await owner.get(groupPath('v2', '/encryptionAtRest'), CLIENT_V2_ACCEPT);
        expect(ear.json()['awsKms']).toMatchObject({ enabled: false });
      });
    });

    it('a client sending 2025-03-12 is served 2023-01-01 with `;charset=utf-8`; v1.0 answers plain application/json', async () => {
      await withAtlas({}, async (atlas) => {
        const owner = clientOf(recorder, atlas, { digest: SEED_OWNER });
        for (const res of [
          await owner.get(groupPath('v2'), CLIENT_V2_ACCEPT),
          await owner.get(groupPath('v2', '/encryptionAtRest'), CLIENT_V2_ACCEPT),
          await owner.patch(groupPath('v2', '/encryptionAtRest'), ENABLE_AWS, CLIENT_V2_ACCEPT),
        ]) {
          expect(res.status, res.body).toBe(200);
          expect(res.headers['content-type']).toBe(SERVED_V2);
        }
        // The versioned type is accepted as the request body's type too (issue 3 §1).
        const versionedBody = await owner.send({
          method: 'PATCH',
          path: groupPath('v2', '/encryptionAtRest'),
          accept: CLIENT_V2_ACCEPT,
          contentType: 'application/vnd.atlas.2023-01-01+json',
          body: { awsKms: { region: 'US_EAST_2' } },
        });
        expect(versionedBody.status, versionedBody.body).toBe(200);
        expect(versionedBody.json()['awsKms']).toMatchObject({ region: 'US_EAST_2' });
        const v1 = await owner.get(groupPath('v1.0', '/encryptionAtRest'), 'application/json');
        expect(v1.headers['content-type']).toBe('application/json');
      });
    });
  });

  describe('Atlas errors (README §5)', () => {
    it('the digest challenge on v2: 401 with Atlas’s challenge and body, whatever the path', async () => {
      await withAtlas({}, async (atlas) => {
        const anonymous = clientOf(recorder, atlas);
        for (const path of [groupPath('v2', '/encryptionAtRest'), groupPath('v2'), '/api/atlas/v2/noSuchResource']) {
          const res = await anonymous.get(path, CLIENT_V2_ACCEPT);
          expect(res.status).toBe(401);
          expect(res.headers['www-authenticate']).toMatch(/^Digest realm="MMS Public API", domain="", nonce="[A-Za-z0-9+/]{32}", algorithm=MD5, qop="auth", stale=false/);
          expect(res.json()).toEqual({ error: 401, reason: 'Unauthorized', detail: 'You are not authorized for this resource.', errorCode: 'UNEXPECTED_ERROR' });
        }
      });
    });

    it('404 GROUP_NOT_FOUND for a well-formed id no project has, on every operation, v1.0 and v2', async () => {
      await withAtlas({}, async (atlas) => {
        // A key granted on every project, so that the lookup (not the role check) decides.
        const everywhere = await createApiKey(clientOf(recorder, atlas), ['GROUP_OWNER']);
        const client = clientOf(recorder, atlas, everywhere.credentials);
        const body = atlasError(404, 'Not Found', 'GROUP_NOT_FOUND', `No group with ID ${UNKNOWN_GROUP_ID} exists.`, [UNKNOWN_GROUP_ID]);
        for (const [api, accept] of [
          ['v1.0', 'application/json'],
          ['v2', CLIENT_V2_ACCEPT],
        ] as const) {
          for (const res of [
            await client.get(groupPath(api, '', UNKNOWN_GROUP_ID), accept),
            await client.get(groupPath(api, '/encryptionAtRest', UNKNOWN_GROUP_ID), accept),
            await client.patch(groupPath(api, '/encryptionAtRest', UNKNOWN_GROUP_ID), ENABLE_AWS, accept),
          ]) {
            expectError(res, 404, 'GROUP_NOT_FOUND');
            expect(res.json()).toEqual(body);
          }
        }
      });
    });

    it('404 INVALID_GROUP_ID for a group id that is not 24 hex digits', async () => {
      await withAtlas({}, async (atlas) => {
        const owner = clientOf(recorder, atlas, { digest: SEED_OWNER });
        for (const [api, accept] of [
          ['v1.0', 'application/json'],
          ['v2', CLIENT_V2_ACCEPT],
        ] as const) {
          for (const res of [await owner.get(groupPath(api, '', 'not-a-group'), accept), await owner.get(groupPath(api, '/encryptionAtRest', 'not-a-group'), accept)]) {
            expectError(res, 404, 'INVALID_GROUP_ID');
            expect(res.json()).toEqual(atlasError(404, 'Not Found', 'INVALID_GROUP_ID', 'An invalid group ID not-a-group was specified.', ['not-a-group']));
          }
        }
      });
    });

    it('404 RESOURCE_NOT_FOUND for a path nothing serves', async () => {
      await withAtlas({}, async (atlas) => {
        const owner = clientOf(recorder, atlas, { digest: SEED_OWNER });
        for (const path of [groupPath('v2', '/noSuchResource'), '/api/atlas/v2/noSuchResource', groupPath('v1.0', '/noSuchResource')]) {
          const res = await owner.get(path, CLIENT_V2_ACCEPT);
          expectError(res, 404, 'RESOURCE_NOT_FOUND');
          expect(res.json()).toEqual(atlasError(404, 'Not Found', 'RESOURCE_NOT_FOUND', `Cannot find resource ${path}.`, [path]));
        }
      });
    });

    it('405 for DELETE encryptionAtRest (it has none, README §4), with Allow', async () => {
      await withAtlas({}, async (atlas) => {
        const owner = clientOf(recorder, atlas, { digest: SEED_OWNER });
        for (const api of ['v1.0', 'v2'] as const) {
          const res = await owner.send({ method: 'DELETE', path: groupPath(api, '/encryptionAtRest'), accept: CLIENT_V2_ACCEPT });
          expectError(res, 405, 'METHOD_NOT_ALLOWED');
          expect(res.headers['allow']?.split(/,\s*/).sort()).toEqual(['GET', 'HEAD', 'PATCH']);
          expect(res.json()).toMatchObject({ error: 405, reason: 'Method Not Allowed', parameters: ['DELETE'] });
        }
      });
    });

    it('400 MALFORMED_JSON for a broken body, v1.0 and v2', async () => {
      await withAtlas({}, async (atlas) => {
        const owner = clientOf(recorder, atlas, { digest: SEED_OWNER });
        for (const [api, accept] of [
          ['v1.0', 'application/json'],
          ['v2', CLIENT_V2_ACCEPT],
        ] as const) {
          const res = await owner.patch(groupPath(api, '/encryptionAtRest'), '{"awsKms": {"enabled": true,', accept);
          expectError(res, 400, 'MALFORMED_JSON');
          expect(res.json()).toEqual(atlasError(400, 'Bad Request', 'MALFORMED_JSON', 'Received JSON is malformed.'));
        }
      });
    });
  });

  describe('the mock’s state', () => {
    it('a refused PATCH leaves GET /_mock/state byte-identical', async () => {
      await withAtlas({ clock: 'manual' }, async (atlas) => {
        const anonymous = clientOf(recorder, atlas);
        const owner = anonymous.as({ digest: SEED_OWNER });
        const reader = anonymous.as((await createApiKey(anonymous, ['GROUP_READ_ONLY'], SEED_GROUP_ID)).credentials);
        expect((await owner.patch(groupPath('v2', '/encryptionAtRest'), ENABLE_AWS, CLIENT_V2_ACCEPT)).status).toBe(200);
        const before = await stateText(anonymous);
        const { secret: _secret, ...azureWithoutSecret } = ENABLE_AZURE.azureKeyVault;
        const refusals: [() => Promise<Reply>, number, string][] = [
          // ear/provider-fields-complete (S3:199-205): Azure's secret is missing.
          [() => owner.patch(groupPath('v2', '/encryptionAtRest'), { azureKeyVault: azureWithoutSecret, ...ENABLE_GCP }, CLIENT_V2_ACCEPT), 400, 'MISSING_ATTRIBUTE'],
          [() => owner.patch(groupPath('v1.0', '/encryptionAtRest'), { ...ENABLE_GCP, awsKms: { region: 'NOT_A_REGION' } }, 'application/json'), 400, 'INVALID_ENUM_VALUE'],
          [() => reader.patch(groupPath('v2', '/encryptionAtRest'), ENABLE_GCP, CLIENT_V2_ACCEPT), 401, 'USER_UNAUTHORIZED'],
          [() => owner.patch(groupPath('v2', '/encryptionAtRest'), '{"googleCloudKms": ', CLIENT_V2_ACCEPT), 400, 'MALFORMED_JSON'],
        ];
        for (const [request, status, errorCode] of refusals) {
          const res = await request();
          expectError(res, status, errorCode);
          expect(await stateText(anonymous), `after ${errorCode}`).toBe(before);
        }
      });
    });

    it('GET /_mock/state never contains a planted secret (private keys, client secrets, provider secrets)', async () => {
      await withAtlas({}, async (atlas) => {
        const anonymous = clientOf(recorder, atlas);
        const owner = anonymous.as({ digest: SEED_OWNER });
        await createApiKey(anonymous, ['GROUP_OWNER'], SEED_GROUP_ID);
        await createServiceAccount(anonymous, ['GROUP_OWNER'], SEED_GROUP_ID);
        for (const doc of [ENABLE_AWS, ENABLE_AZURE, ENABLE_GCP]) {
          const res = await owner.patch(groupPath('v2', '/encryptionAtRest'), doc, CLIENT_V2_ACCEPT);
          expect(res.status, res.body).toBe(200);
        }
        const text = await stateText(anonymous);
        for (const [name, secret] of Object.entries(PLANTED)) {
          expect(text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1)), name).toBe(false);
        }
        // The export is not simply empty: the non-secret settings beside the secrets are there.
        for (const shown of ['AKIAIOSFODNN7EXAMPLE', 'seed-vault', 'seed-key', 'seedowner']) expect(text).toContain(shown);
      });
    });

    it('enabling AWS creates the key-rotation alert with --key-rotation-days (default 90, S3:57)', async () => {
      for (const [options, days] of [
        [{}, 90],
        [{ keyRotationDays: 30 }, 30],
      ] as const) {
        await withAtlas({ options }, async (atlas) => {
          const anonymous = clientOf(recorder, atlas);
          const alertsBefore = (JSON.parse(await stateText(anonymous)) as { alertConfigs: unknown[] }).alertConfigs;
          expect(alertsBefore).toEqual([]);
          expect((await anonymous.as({ digest: SEED_OWNER }).patch(groupPath('v1.0', '/encryptionAtRest'), ENABLE_AWS, 'application/json')).status).toBe(200);
          const alerts = (JSON.parse(await stateText(anonymous)) as { alertConfigs: Record<string, unknown>[] }).alertConfigs;
          expect(alerts).toHaveLength(1);
          expect(alerts[0]).toMatchObject({
            groupId: SEED_GROUP_ID,
            eventTypeName: 'AWS_ENCRYPTION_KEY_NEEDS_ROTATION',
            enabled: true,
            threshold: { operator: 'GREATER_THAN', units: 'DAYS', threshold: days },
          });
        });
      }
    });
  });

  describe('control API: POST /_mock/projects', () => {
    it('a YAML config (application/yaml) → 201, and the project is served', async () => {
      await withAtlas({}, async (atlas) => {
        const anonymous = clientOf(recorder, atlas);
        const yaml = 'version: 1\nproject:\n  name: loaded-later\n  id: 5f4a8c2e9d1b3a6f7e0c4d30\n';
        const res = await anonymous.send({ method: 'POST', path: '/_mock/projects', body: yaml, contentType: 'application/yaml' });
        expect(res.status, res.body).toBe(201);
        expect(res.json()).toMatchObject({ groupId: '5f4a8c2e9d1b3a6f7e0c4d30', name: 'loaded-later', clusters: [] });
        const everywhere = await createApiKey(anonymous, ['GROUP_READ_ONLY']);
        const project = await anonymous.as(everywhere.credentials).get(groupPath('v2', '', '5f4a8c2e9d1b3a6f7e0c4d30'), CLIENT_V2_ACCEPT);
        expect(project.status).toBe(200);
        expect(project.json()).toMatchObject({ id: '5f4a8c2e9d1b3a6f7e0c4d30', name: 'loaded-later', clusterCount: 0 });
      });
    });

    it('a config that breaks a rule → 400 whose body lists the findings with their rule ids; nothing is loaded', async () => {
      await withAtlas({}, async (atlas) => {
        const anonymous = clientOf(recorder, atlas);
        const yaml = readFileSync(fixturePath('rule-breaking-project.yaml'), 'utf8');
        const res = await anonymous.send({ method: 'POST', path: '/_mock/projects', body: yaml, contentType: 'application/yaml' });
        expectError(res, 400, 'MISSING_ATTRIBUTE');
        const findings = res.json<{ findings: { ruleId: string; severity: string }[] }>().findings;
        expect(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['ear/provider-fields-complete']);
        const everywhere = await createApiKey(anonymous, ['GROUP_READ_ONLY']);
        expectError(await anonymous.as(everywhere.credentials).get(groupPath('v2', '', '5f4a8c2e9d1b3a6f7e0c4d22'), CLIENT_V2_ACCEPT), 404, 'GROUP_NOT_FOUND');
      });
    });
  });
}
