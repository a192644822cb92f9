// Starting mock-atlas for an acceptance test: always on 127.0.0.1, port 0, closed by the test
// that started it; plus the seed project (src/testing/fixtures/seed-project.yaml) and the
// secrets the suite plants so that it can look for them in every response.
import { startServer, type RunningMockAtlas, type StartOptions } from '../server/start';
import { AtlasClient, type Credentials } from './clients';
import type { Reply, ResponseRecorder } from './recorder';
import { fixturePath } from './workspace';

/** The seed project's id (fixtures/seed-project.yaml). */
export const SEED_GROUP_ID = '5f4a8c2e9d1b3a6f7e0c4d21';
/** A well-formed project id no config declares. */
export const UNKNOWN_GROUP_ID = '0123456789abcdef01234567';

/**
 * Secret values the suite plants (config env, PATCH bodies, control API). No response may
 * ever contain one (issue 3 §4: secrets are never echoed; GET /_mock/state redacts them).
 */
export const PLANTED = {
  seedOwnerPrivateKey: 'seed-owner-private-0f9e8d7c',
  /** S3:528, the seed's example AWS secret access key. */
  awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  azureSecret: 'azure-client-secret-5b6c7d8e',
  gcpServiceAccountKey: '{"type":"service_account","private_key":"gcp-planted-4d3c2b1a"}',
  apiKeyPrivateKey: 'control-api-private-1a2b3c4d',
  serviceAccountSecret: 'mdb_sa_sk_control-secret-9f8e7d6c',
} as const;

/** The seed project's Project Owner key (fixtures/seed-project.yaml), as curl's `--user` and urllib's `digestAuth`. */
export const SEED_OWNER = `seedowner:${PLANTED.seedOwnerPrivateKey}`;

/** The environment the seed project's `${env:NAME}` references resolve against. */
export const SEED_ENV: Readonly<Record<string, string>> = { SEED_OWNER_PRIVATE_KEY: PLANTED.seedOwnerPrivateKey };

/**
 * Starts mock-atlas (on 127.0.0.1, a free port) with the seed project unless other configs
 * are given, runs `use`, and closes the server whatever happens.
 * @example await withAtlas({}, async (atlas) => { … });
 */
export async function withAtlas<T>(options: StartOptions, use: (atlas: RunningMockAtlas) => Promise<T>): Promise<T> {
  const atlas = await startServer({ configs: [fixturePath('seed-project.yaml')], env: SEED_ENV, ...options, host: '127.0.0.1', port: 0 });
  try {
    return await use(atlas);
  } finally {
    await atlas.close();
  }
}

/** A v1.0 or v2 path of the seed project (or another project). */
export function groupPath(api: 'v1.0' | 'v2', suffix = '', groupId = SEED_GROUP_ID): string {
  return `/api/atlas/${api}/groups/${groupId}${suffix}`;
}

/** A credential created through the control API. */
export interface MadeCredential {
  readonly credentials: Credentials;
  /** The role grants, as the control API was asked for them. */
  readonly roles: readonly string[];
  readonly groupId?: string;
}

let sequence = 0;

/**
 * Creates an API key through `POST /_mock/apiKeys` (roles in one project, or in every
 * project without `groupId`) and returns its Digest credentials.
 * @example const reader = await createApiKey(client, ['GROUP_READ_ONLY'], SEED_GROUP_ID);
 */
export async function createApiKey(client: AtlasClient, roles: readonly string[], groupId?: string): Promise<MadeCredential> {
  sequence += 1;
  const publicKey = `key${sequence}${roles.join('').toLowerCase().replace(/[^a-z]/g, '').slice(0, 12)}`;
  const privateKey = `${PLANTED.apiKeyPrivateKey}-${sequence}`;
  const res = await client.as(undefined).send({ method: 'POST', path: '/_mock/apiKeys', body: { publicKey, privateKey, roles, ...(groupId ? { groupId } : {}) } });
  expectCreated(res);
  return { credentials: { digest: `${publicKey}:${privateKey}` }, roles, ...(groupId ? { groupId } : {}) };
}

/**
 * Creates a service account through `POST /_mock/serviceAccounts`.
 * @example const { clientId, clientSecret } = await createServiceAccount(client, ['GROUP_OWNER'], SEED_GROUP_ID);
 */
export async function createServiceAccount(
  client: AtlasClient,
  roles: readonly string[],
  groupId?: string,
): Promise<{ clientId: string; clientSecret: string }> {
  sequence += 1;
  const clientId = `mdb_sa_id_${String(sequence).padStart(24, '0')}`;
  const clientSecret = `${PLANTED.serviceAccountSecret}-${sequence}`;
  const res = await client.as(undefined).send({ method: 'POST', path: '/_mock/serviceAccounts', body: { clientId, clientSecret, roles, ...(groupId ? { groupId } : {}) } });
  expectCreated(res);
  return { clientId, clientSecret };
}

function expectCreated(res: Reply): void {
  if (res.status !== 201) throw new Error(`${res.method} ${res.url} → ${res.status}: ${res.body}`);
}

/**
 * A client of a running mock.
 * @example const owner = clientOf(recorder, atlas, { digest: SEED_OWNER });
 */
export function clientOf(recorder: ResponseRecorder, atlas: RunningMockAtlas, credentials?: Credentials): AtlasClient {
  return new AtlasClient(recorder, atlas.baseUrl, credentials, atlas.controlToken);
}

/**
 * The exported state (GET /_mock/state) as text: compared before and after requests that must
 * change nothing.
 * @example const before = await stateText(anonymous); … expect(await stateText(anonymous)).toBe(before);
 */
export async function stateText(anonymous: AtlasClient): Promise<string> {
  const res = await anonymous.get('/_mock/state');
  if (res.status !== 200) throw new Error(`GET /_mock/state answered ${res.status}: ${res.body}`);
  return res.body;
}
