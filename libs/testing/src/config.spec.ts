// startMockAtlas({config}): a path, a file: URL, YAML text, an object or a list of them; a
// config that breaks a rule is refused with the rule, the Atlas code and where; the kms and
// keyRotationDays options reach the mock; credentials always work, from the config or added.
import { fileURLToPath } from 'node:url';
import { request } from 'urllib';
import { describe, expect, it } from 'vitest';
import { ConfigLoadError, startMockAtlas, type MockAtlas, type MockAtlasOptions } from './index';
import { callAtlas, CLIENT_ACCEPT, type Json } from './spec-support/call-atlas';
import { CMK_PROJECT, CMK_PROJECT_YAML, GROUP } from './spec-support/configs';

const DEMO = new URL('../../../examples/demo-project.yaml', import.meta.url);
const DEMO_GROUP = '5e2211c17a3e5a48f5497de3';
/** The secrets the demo project references: generated only when it is loaded as the default. */
const DEMO_ENV = { AZURE_CLIENT_SECRET: 'a', MOCK_ATLAS_OWNER_PRIVATE_KEY: 'b', MOCK_ATLAS_READER_PRIVATE_KEY: 'c', MOCK_ATLAS_SA_SECRET: 'd' };
const NEW_KEY = '0d1e2f30-4152-4637-8a9b-acbdcedf0102';

async function withMock<T>(options: MockAtlasOptions, use: (atlas: MockAtlas) => Promise<T>): Promise<T> {
  const atlas = await startMockAtlas(options);
  try {
    return await use(atlas);
  } finally {
    await atlas.close();
  }
}

const clusterNames = async (atlas: MockAtlas) => ((await callAtlas(atlas, 'GET', '/clusters')).body.results as Json[]).map((c) => c.name);

describe('config', () => {
  it('defaults to the demo project', async () => {
    await withMock({}, async (atlas) => {
      expect(atlas.groupId).toBe(DEMO_GROUP);
      expect(atlas.apiKey.publicKey).toBe('demo-owner');
      expect(atlas.serviceAccount.clientId).toBe('mdb_sa_id_demo');
    });
  });

  it('takes a file path and a file: URL', async () => {
    for (const config of [fileURLToPath(DEMO), DEMO]) {
      await withMock({ config, env: DEMO_ENV }, async (atlas) => expect(await clusterNames(atlas)).toEqual(['orders', 'reporting']));
    }
  });

  it('takes YAML text, resolving ${env:NAME} from the env option', async () => {
    await withMock({ config: CMK_PROJECT_YAML, env: { HARNESS_OWNER_KEY: 'owner-secret-from-env' } }, async (atlas) => {
      expect(atlas.apiKey).toEqual({ publicKey: 'yaml-owner', privateKey: 'owner-secret-from-env' });
      expect(await clusterNames(atlas)).toEqual(['orders']);
    });
  });

  it('takes an object, and adds an owner API key and service account when it has none', async () => {
    await withMock({ config: CMK_PROJECT }, async (atlas) => {
      expect(atlas.groupId).toBe(GROUP);
      expect(atlas.apiKey.publicKey).toMatch(/^mock-owner-[0-9a-f]{8}$/);
      // Owner: it may change termination protection (Project Owner only).
      expect((await callAtlas(atlas, 'PATCH', '/clusters/plain', { terminationProtectionEnabled: true })).status).toBe(200);

      const token = await request(`${atlas.baseUrl}/api/oauth/token`, {
        method: 'POST',
        auth: `${atlas.serviceAccount.clientId}:${atlas.serviceAccount.clientSecret}`,
        content: 'grant_type=client_credentials',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        dataType: 'json',
      });
      expect(token.status).toBe(200);
      const viaBearer = await fetch(`${atlas.baseUrl}/api/atlas/v2/groups/${GROUP}/clusters`, {
        headers: { Authorization: `Bearer ${(token.data as Json).access_token as string}`, Accept: CLIENT_ACCEPT },
      });
      expect(viaBearer.status).toBe(200);
    });
  });

  it('takes a list: every project loads, the first is groupId', async () => {
    await withMock({ config: [CMK_PROJECT, DEMO], env: DEMO_ENV }, async (atlas) => {
      expect(atlas.groupId).toBe(GROUP);
      expect(await atlas.validate(DEMO_GROUP)).toMatchObject({ groupId: DEMO_GROUP, disabledClusters: [] });
    });
  });

  it('S3:34 refuses a config that breaks a rule, naming the rule, the Atlas code (README §5) and the line', async () => {
    const tenant = CMK_PROJECT_YAML.replace('instanceSizeName: M30', 'instanceSizeName: M5').replace('providerName: AWS, instanceSizeName', 'providerName: TENANT, backingProviderName: AWS, instanceSizeName');
    const refused = startMockAtlas({ config: tenant, env: { HARNESS_OWNER_KEY: 'x' } });
    await expect(refused).rejects.toBeInstanceOf(ConfigLoadError);
    await expect(refused).rejects.toThrow(/config \(YAML text\):9: Cluster orders .*\[cluster\/ear-dedicated-tier CANNOT_USE_ENCRYPTION_AT_REST_TENANT\]/);
  });

  it('S3:34 refuses a config object the same way, naming the path', async () => {
    const clusters = [{ ...CMK_PROJECT.clusters[0], providerSettings: { providerName: 'TENANT', backingProviderName: 'AWS', instanceSizeName: 'M5', regionName: 'US_EAST_1' } }];
    await expect(startMockAtlas({ config: { ...CMK_PROJECT, clusters } })).rejects.toThrow(/config \(object\): clusters\[0\]\.\S+: .*\[cluster\/ear-dedicated-tier/);
  });

  it('refuses what is not a config', async () => {
    await expect(startMockAtlas({ config: 42 as unknown as string })).rejects.toThrow(TypeError);
    await expect(startMockAtlas({ config: '/nowhere/project.yaml' })).rejects.toThrow('cannot read /nowhere/project.yaml');
  });
});

describe('options', () => {
  const patchKey = (atlas: MockAtlas) =>
    callAtlas(atlas, 'PATCH', '/encryptionAtRest', { awsKms: { enabled: true, customerMasterKeyID: NEW_KEY, region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' } });

  it('kms: lenient (default) registers an unseen key on first use; strict does not know it', async () => {
    await withMock({ config: CMK_PROJECT }, async (atlas) => {
      expect((await patchKey(atlas)).status).toBe(200);
      expect((await atlas.kms.keys()).map((k) => k.keyId)).toContain(NEW_KEY);
    });
    await withMock({ config: CMK_PROJECT, kms: 'strict' }, async (atlas) => {
      const reply = await patchKey(atlas);
      expect([reply.status, reply.body.errorCode]).toEqual([404, 'AWS_CUSTOMER_MASTER_KEY_NOT_FOUND']);
    });
  });

  it('S3:57 keyRotationDays sets the rotation alert threshold', async () => {
    const thresholds = async (atlas: MockAtlas) =>
      ((await callAtlas(atlas, 'GET', '/alertConfigs')).body.results as Json[]).filter((c) => c.eventTypeName === 'AWS_ENCRYPTION_KEY_NEEDS_ROTATION').map((c) => (c.threshold as Json).threshold);
    await withMock({ config: CMK_PROJECT }, async (atlas) => expect(await thresholds(atlas)).toEqual([90]));
    await withMock({ config: CMK_PROJECT, keyRotationDays: 365 }, async (atlas) => expect(await thresholds(atlas)).toEqual([365]));
  });
});
