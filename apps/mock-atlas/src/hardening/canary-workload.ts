// The secrets canary's workload: plants a canary in every secret slot (configs, control API,
// PATCH encryptionAtRest for each provider, state import, OAuth), then drives every endpoint,
// with the error paths most likely to echo input: malformed JSON around a secret (V8's JSON.parse
// messages quote the text), wrong-typed and unknown attributes next to secrets, secrets in the
// query string, failed Digest with a secret as the username or the response, failed OAuth,
// wrong control tokens. It asserts that each planting request was accepted, so a canary that
// never reached the mock cannot make the search pass.
import { OPERATION_VERSIONS } from '@mock-atlas/atlas-http';
import { canaryValue, type Canary } from './canary-capture';
import type { CanaryClient, CanaryReply } from './canary-client';

/** The demo project (examples/demo-project.yaml) the workload runs against. */
export const DEMO = {
  groupId: '5e2211c17a3e5a48f5497de3',
  cluster: 'orders',
  snapshotId: '6a793f6b2c88faeba59bae37',
  owner: 'demo-owner',
  reader: 'demo-reader',
  serviceAccount: 'mdb_sa_id_demo',
} as const;

/** The second project the workload loads through POST /_mock/projects. */
const SECOND_GROUP = '65a1b2c3d4e5f60718293a4b';

/** Canary values for one run, by slot. */
export function plantedCanaries() {
  const names = [
    // Through the demo config's ${env:NAME} references.
    'OwnerKey', 'ReaderKey', 'SaSecret', 'AzureEnvSecret',
    // Literal secrets of a config loaded through POST /_mock/projects.
    'ProjectKey', 'ProjectSaSecret', 'ProjectAws', 'ProjectAzure', 'ProjectGcp',
    // Control API credentials, PATCH encryptionAtRest (v2 and v1.0), a state import.
    'ControlKey', 'ControlSaSecret', 'PatchAws', 'PatchAzure', 'PatchGcp', 'V1Aws', 'ImportedKey',
    // Access control of the control API.
    'ControlToken', 'WrongControlToken',
    // Secrets sent only in requests that fail.
    'MalformedJson', 'UnquotedJson', 'GcpKeyObject', 'WrongTypeSecret', 'WrongTypeNested', 'UnknownAttr', 'Unsupported', 'QuerySecret',
    'DigestResponse', 'DigestCnonce', 'BasicSecret', 'BogusBearer', 'WrongSaSecret', 'FormSecret', 'BadControlKey', 'YamlBroken',
    'JsonProject', 'ImportRefused', 'ProjectRefused', 'SweepBody', 'SweepMalformed', 'SweepQuery',
  ] as const;
  return Object.fromEntries(names.map((n) => [n, canaryValue(n)])) as Record<(typeof names)[number], string>;
}

export type Planted = ReturnType<typeof plantedCanaries>;

/** The environment the demo config resolves its secrets from. */
export function demoEnv(c: Planted): Record<string, string> {
  return {
    MOCK_ATLAS_OWNER_PRIVATE_KEY: c.OwnerKey,
    MOCK_ATLAS_READER_PRIVATE_KEY: c.ReaderKey,
    MOCK_ATLAS_SA_SECRET: c.SaSecret,
    AZURE_CLIENT_SECRET: c.AzureEnvSecret,
  };
}

const V2 = 'application/vnd.atlas.2023-01-01+json';
const v2 = (suffix: string) => `/api/atlas/v2/groups/${DEMO.groupId}${suffix}`;

function expectStatus(res: CanaryReply, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.body.slice(0, 400)}`);
}

const AWS_KEY = '030gce02-586d-48d2-a966-05ea954fde0g';
const GCP_KEY = 'projects/canary/locations/global/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1';
const azureDoc = (secret: string) => ({
  enabled: true,
  azureEnvironment: 'AZURE',
  clientID: 'b5ee8d2a-1f2b-4c1e-9f3a-8a2c1d4e5f60',
  subscriptionID: 'd2c6a4e0-5b7c-4f1a-8e2d-3c4b5a6f7e80',
  resourceGroupName: 'payments-rg',
  keyVaultName: 'payments-vault',
  keyIdentifier: 'https://payments-vault.vault.azure.net/keys/atlas-cmk/4a6b8c0d2e4f60718293a4b5c6d7e8f9',
  tenantID: 'f1e2d3c4-b5a6-4789-9abc-def012345678',
  secret,
});
const gcpKey = (canary: string) => JSON.stringify({ type: 'service_account', private_key: `-----BEGIN PRIVATE KEY-----\n${canary}\n-----END PRIVATE KEY-----\n` });

/** The second project's config, as YAML with literal secrets (a warning for the linter, accepted by the mock). */
function secondProjectYaml(c: Planted): string {
  return `version: 1
project: { name: canary-second, id: ${SECOND_GROUP} }
encryptionAtRest:
  awsKms: { enabled: true, accessKeyID: AKIAIOSFODNN7EXAMPLE, secretAccessKey: ${c.ProjectAws}, customerMasterKeyID: ${AWS_KEY}, region: US_EAST_1 }
  azureKeyVault: { enabled: false, secret: ${c.ProjectAzure} }
  googleCloudKms: { enabled: true, keyVersionResourceID: ${GCP_KEY}, serviceAccountKey: '${gcpKey(c.ProjectGcp)}' }
apiKeys:
  - { publicKey: second-owner, privateKey: ${c.ProjectKey}, roles: [GROUP_OWNER] }
serviceAccounts:
  - { clientId: mdb_sa_id_second, clientSecret: ${c.ProjectSaSecret}, roles: [GROUP_OWNER] }
`;
}

/** The OAuth access tokens the workload was issued: secrets too, allowed only in their own token response. */
export interface IssuedSecrets {
  readonly accessTokens: string[];
}

/**
 * Plants every canary and drives every endpoint; returns the secrets the mock issued.
 * @example const issued = await runWorkload(client, canaries);
 */
export async function runWorkload(client: CanaryClient, c: Planted): Promise<IssuedSecrets> {
  const owner = { username: DEMO.owner, password: c.OwnerKey };
  const accessTokens: string[] = [];
  const ownerGet = (path: string, accept = V2) => client.digest({ method: 'GET', path, headers: { Accept: accept } }, owner);
  const ownerJson = (method: string, path: string, body: unknown, accept = V2) =>
    client.digest({ method, path, headers: { Accept: accept, 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }, owner);

  // ── planting: control API ───────────────────────────────────────────────────────────────────
  expectStatus(await client.send({ method: 'POST', path: '/_mock/projects', headers: { 'Content-Type': 'application/yaml' }, body: secondProjectYaml(c) }), 201, 'load the second project');
  expectStatus(await client.json('POST', '/_mock/apiKeys', { publicKey: 'ctl-key', privateKey: c.ControlKey, roles: ['GROUP_OWNER'], groupId: DEMO.groupId }), 201, 'POST /_mock/apiKeys');
  expectStatus(await client.json('POST', '/_mock/serviceAccounts', { clientId: 'mdb_sa_id_ctl', clientSecret: c.ControlSaSecret, roles: ['GROUP_OWNER'] }), 201, 'POST /_mock/serviceAccounts');

  // ── planting: PATCH encryptionAtRest, each provider's secret, v2 and v1.0 ────────────────────
  expectStatus(await ownerJson('PATCH', v2('/encryptionAtRest'), { azureKeyVault: azureDoc(c.PatchAzure) }), 200, 'PATCH azureKeyVault');
  expectStatus(
    await ownerJson('PATCH', v2('/encryptionAtRest'), { googleCloudKms: { enabled: true, keyVersionResourceID: GCP_KEY, serviceAccountKey: gcpKey(c.PatchGcp) } }),
    200,
    'PATCH googleCloudKms',
  );
  const aws = (secret: string) => ({ awsKms: { enabled: true, accessKeyID: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: secret, customerMasterKeyID: AWS_KEY, region: 'US_EAST_1' } });
  expectStatus(await client.digest({ method: 'PATCH', path: `/api/atlas/v2/groups/${SECOND_GROUP}/encryptionAtRest`, headers: { Accept: V2, 'Content-Type': 'application/json' }, body: JSON.stringify(aws(c.PatchAws)) }, { username: 'second-owner', password: c.ProjectKey }), 200, 'PATCH awsKms');
  expectStatus(await client.digest({ method: 'PATCH', path: `/api/atlas/v1.0/groups/${SECOND_GROUP}/encryptionAtRest`, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(aws(c.V1Aws)) }, { username: 'second-owner', password: c.ProjectKey }), 200, 'PATCH v1.0 awsKms');

  // ── planting: a state import with a new secret (the rest of the export stays <redacted>) ────
  const exported = (await client.send({ method: 'GET', path: '/_mock/state' })).json<{ apiKeys: unknown[] }>();
  const imported = { ...exported, apiKeys: [...exported.apiKeys, { publicKey: 'imported-key', privateKey: c.ImportedKey, grants: [{ role: 'GROUP_READ_ONLY' }] }] };
  expectStatus(await client.json('PUT', '/_mock/state', imported), 200, 'PUT /_mock/state');

  // ── OAuth: issue, use, revoke; fail with wrong secrets ──────────────────────────────────────
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  for (const [id, secret] of [[DEMO.serviceAccount, c.SaSecret], ['mdb_sa_id_ctl', c.ControlSaSecret], ['mdb_sa_id_second', c.ProjectSaSecret]] as const) {
    const res = await client.send({ method: 'POST', path: '/api/oauth/token', headers: { ...form, Authorization: basic(id, secret) }, body: 'grant_type=client_credentials' });
    expectStatus(res, 200, `token for ${id}`);
    accessTokens.push(res.json<{ access_token: string }>().access_token);
  }
  const byForm = await client.send({ method: 'POST', path: '/api/oauth/token', headers: form, body: `grant_type=client_credentials&client_id=${DEMO.serviceAccount}&client_secret=${c.SaSecret}` });
  expectStatus(byForm, 200, 'token by form fields');
  accessTokens.push(byForm.json<{ access_token: string }>().access_token);
  const [token] = accessTokens;
  expectStatus(await client.send({ method: 'GET', path: v2(''), headers: { Accept: V2, Authorization: `Bearer ${token!}` } }), 200, 'GET with a bearer token');
  expectStatus(await client.send({ method: 'POST', path: '/api/oauth/token', headers: { ...form, Authorization: basic(DEMO.serviceAccount, c.WrongSaSecret) }, body: 'grant_type=client_credentials' }), 401, 'token with a wrong secret');
  expectStatus(await client.send({ method: 'POST', path: '/api/oauth/token', headers: form, body: `grant_type=client_credentials&client_id=${DEMO.serviceAccount}&client_secret=${c.FormSecret}&client_secret=${c.FormSecret}` }), 400, 'token with a repeated secret');
  expectStatus(await client.send({ method: 'POST', path: '/api/oauth/token', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ client_id: DEMO.serviceAccount, client_secret: c.FormSecret }) }), 400, 'token as JSON');
  expectStatus(await client.send({ method: 'POST', path: '/api/oauth/revoke', headers: { ...form, Authorization: basic(DEMO.serviceAccount, c.SaSecret) }, body: `token=${accessTokens[3]!}` }), 200, 'revoke');
  expectStatus(await client.send({ method: 'GET', path: v2(''), headers: { Accept: V2, Authorization: `Bearer ${accessTokens[3]!}` } }), 401, 'GET with a revoked token');

  // ── failed authentication carrying secrets ──────────────────────────────────────────────────
  expectStatus(await client.digest({ method: 'GET', path: v2(''), headers: { Accept: V2 } }, { username: c.OwnerKey, password: c.OwnerKey }), 401, 'digest with the private key as username');
  expectStatus(await client.digest({ method: 'GET', path: v2(''), headers: { Accept: V2 } }, { ...owner, response: c.DigestResponse, cnonce: c.DigestCnonce }), 401, 'digest with a wrong response');
  expectStatus(await client.digest({ method: 'GET', path: v2(''), headers: { Accept: V2 } }, { username: DEMO.owner, password: c.ReaderKey }), 401, 'digest with another key');
  expectStatus(await client.send({ method: 'GET', path: v2(''), headers: { Accept: V2, Authorization: basic(DEMO.owner, c.BasicSecret) } }), 401, 'Basic to the Atlas API');
  expectStatus(await client.send({ method: 'GET', path: v2(''), headers: { Accept: V2, Authorization: `Bearer ${c.BogusBearer}` } }), 401, 'an unknown bearer token');
  expectStatus(await client.send({ method: 'GET', path: '/_mock/state', headers: { Authorization: `Bearer ${c.WrongControlToken}` } }), 401, 'a wrong control token');
  expectStatus(await client.send({ method: 'POST', path: '/_mock/apiKeys', headers: { Authorization: `Bearer ${c.WrongControlToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ publicKey: 'x', privateKey: c.BadControlKey, roles: ['GROUP_OWNER'] }) }), 401, 'a control call with a wrong token');

  // ── malformed and wrong bodies around secrets, Atlas API ────────────────────────────────────
  const ear = v2('/encryptionAtRest');
  const refused = async (res: Promise<CanaryReply>, what: string) => {
    const r = await res;
    if (r.status < 400 || r.status >= 500) throw new Error(`${what}: expected a 4xx refusal, got ${r.status}: ${r.body.slice(0, 300)}`);
  };
  await refused(ownerJson('PATCH', ear, `{"awsKms": {"secretAccessKey": "${c.MalformedJson}"`), 'truncated JSON');
  await refused(ownerJson('PATCH', ear, `{"awsKms": {"secretAccessKey": ${c.UnquotedJson}}}`), 'unquoted secret');
  await refused(ownerJson('PATCH', ear, `${c.UnquotedJson}`), 'a bare word');
  await refused(ownerJson('PATCH', ear, { awsKms: { enabled: true, secretAccessKey: [c.WrongTypeSecret] } }), 'a secret in an array');
  await refused(ownerJson('PATCH', ear, { azureKeyVault: { enabled: true, secret: { value: c.WrongTypeNested } } }), 'a secret in an object');
  // Atlas names a bad attribute or value in its error (INVALID_ATTRIBUTE, INVALID_ENUM_VALUE): the
  // secret next to it must not come along.
  await refused(ownerJson('PATCH', ear, { googleCloudKms: { serviceAccountKey: c.UnknownAttr, keyVersionResourceID: GCP_KEY, bogus: 'x' } }), 'an unknown attribute');
  await refused(ownerJson('PATCH', ear, { awsKms: { secretAccessKey: c.UnknownAttr }, notAnAttribute: true }), 'an unknown document');
  await refused(ownerJson('PATCH', ear, { awsKms: { enabled: true, secretAccessKey: c.UnknownAttr, region: 'MARS_NORTH_1' } }), 'a bad enum value');
  await refused(ownerJson('PATCH', ear, { awsKms: { enabled: 'yes', secretAccessKey: c.UnknownAttr, valid: true } }), 'a read-only attribute');
  // A GCP key sent parsed, in the wrong place: its private_key is a secret whatever it sits under.
  await refused(ownerJson('PATCH', ear, { googleCloudKms: { keyVersionResourceID: GCP_KEY, credentials: { type: 'service_account', private_key: c.GcpKeyObject } } }), 'a parsed GCP key');
  await refused(
    client.digest({ method: 'PATCH', path: ear, headers: { Accept: V2, 'Content-Type': 'text/plain' }, body: `secretAccessKey=${c.Unsupported}` }, owner),
    'an unsupported content type',
  );
  const q = `privateKey=${c.QuerySecret}&client_secret=${c.QuerySecret}&secretAccessKey=${c.QuerySecret}&token=${c.QuerySecret}&access_token=${c.QuerySecret}`;
  expectStatus(await ownerGet(`${ear.replace('/encryptionAtRest', '')}/encryptionAtRest?${q}`), 200, 'GET with secrets in the query');
  await refused(ownerGet(v2(`/clusters?pageNum=1&${q}&itemsPerPage=lots`)), 'a bad query value next to secrets');

  // ── malformed and wrong bodies around secrets, control API ──────────────────────────────────
  await refused(client.json('POST', '/_mock/apiKeys', `{"publicKey":"k","privateKey":"${c.BadControlKey}"`), 'truncated control JSON');
  await refused(client.json('POST', '/_mock/apiKeys', `{"publicKey":"k","privateKey":${c.BadControlKey}}`), 'unquoted control secret');
  await refused(client.json('POST', '/_mock/apiKeys', { publicKey: 'k', privateKey: [c.BadControlKey], roles: ['GROUP_OWNER'] }), 'a private key in an array');
  await refused(client.json('POST', '/_mock/apiKeys', { publicKey: 'k', privateKey: c.BadControlKey, roles: 'GROUP_OWNER' }), 'bad roles next to a private key');
  await refused(client.json('POST', '/_mock/apiKeys', { publicKey: 'k', privateKey: c.BadControlKey, roles: ['GROUP_OWNER'], extra: 1 }), 'an unknown attribute next to a private key');
  await refused(client.json('POST', '/_mock/serviceAccounts', { clientId: 'c', clientSecret: { s: c.BadControlKey }, roles: ['GROUP_OWNER'] }), 'a client secret in an object');
  await refused(
    client.send({ method: 'POST', path: '/_mock/projects', headers: { 'Content-Type': 'application/yaml' }, body: `version: 1\nproject: { name: broken, id: ${SECOND_GROUP} }\napiKeys:\n  - { publicKey: k, privateKey: "${c.YamlBroken}, roles: [GROUP_OWNER] }\n` }),
    'broken YAML around a secret',
  );
  await refused(
    client.send({ method: 'POST', path: '/_mock/projects', headers: { 'Content-Type': 'application/yaml' }, body: `version: 1\nproject: { name: x, id: 75a1b2c3d4e5f60718293a4b }\napiKeys:\n  - { publicKey: k, privateKey: [${c.ProjectRefused}], roles: [GROUP_OWNER] }\nencryptionAtRest:\n  awsKms: { enabled: true, secretAccessKey: { v: ${c.ProjectRefused} } }\n` }),
    'a config with wrong-typed secrets',
  );
  await refused(
    client.json('POST', '/_mock/projects', { version: 1, project: { name: 'y', id: '85a1b2c3d4e5f60718293a4b' }, encryptionAtRest: { awsKms: { enabled: true, secretAccessKey: c.JsonProject, region: 'MARS_NORTH_1' } } }),
    'a JSON config with a secret and a bad region',
  );
  await refused(client.json('PUT', '/_mock/state', { ...imported, apiKeys: [{ publicKey: 'bad', privateKey: c.ImportRefused, grants: 'none' }] }), 'an import of the wrong shape');
  await refused(client.json('PUT', '/_mock/state', { ...imported, apiKeys: [{ publicKey: 'bad', privateKey: [c.ImportRefused], grants: [] }] }), 'an import with a wrong-typed secret');
  await refused(client.json('PUT', '/_mock/state', `{"apiKeys": [{"privateKey": "${c.ImportRefused}"`), 'a truncated import');
  await refused(client.json('POST', '/_mock/faults', { status: 500, match: { path: c.ImportRefused }, secret: c.ImportRefused }), 'a fault with a secret');
  await refused(client.json('POST', '/_mock/kms/credentials', { groupId: DEMO.groupId, provider: 'AWS', valid: c.ImportRefused }), 'kms credentials with a secret');

  // ── everything else a client can ask, for coverage: the control API's reads and actions ─────
  for (const path of ['/_mock/state', '/_mock/requests', '/_mock/kms/keys', '/_mock/clock', '/_mock/outbox', '/_mock/faults', `/_mock/groups/${DEMO.groupId}/clusters/${DEMO.cluster}`]) {
    expectStatus(await client.send({ method: 'GET', path }), 200, `GET ${path}`);
  }
  expectStatus(await client.send({ method: 'POST', path: `/_mock/groups/${DEMO.groupId}/encryptionAtRest/validate` }), 200, 'validate');
  expectStatus(await client.json('POST', '/_mock/kms/credentials', { groupId: DEMO.groupId, provider: 'AZURE', valid: false }), 200, 'kms credentials');
  expectStatus(await client.json('POST', '/_mock/clock', { advance: 'P100D' }), 200, 'advance the clock');

  await sweepEveryOperation(client, c, owner);
  return { accessTokens };
}

/**
 * Every Atlas operation of the contract, under v1.0 and v2, as the Project Owner: once with a
 * body of secrets under wrong and unknown attributes (or none), once with malformed JSON around
 * a secret where a body is read, each with secrets in the query string.
 */
async function sweepEveryOperation(client: CanaryClient, c: Planted, owner: { username: string; password: string }): Promise<void> {
  const params: Record<string, string> = { groupId: DEMO.groupId, clusterName: DEMO.cluster, snapshotId: DEMO.snapshotId, restoreJobId: '6a793f6b2c88faeba59bae99' };
  const poisoned = JSON.stringify({ privateKey: c.SweepBody, secretAccessKey: [c.SweepBody], awsKms: { secretAccessKey: { v: c.SweepBody } }, name: 7 });
  let sent = 0;
  // Deletions last, so the other operations still find what they act on.
  const operations = Object.values(OPERATION_VERSIONS).sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  for (const op of operations) {
    const relative = op.path.slice('/api/atlas/v2'.length).replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? name);
    const date = op.versions.at(-1)?.date ?? '2023-01-01';
    for (const [base, accept] of [['/api/atlas/v1.0', 'application/json'], ['/api/atlas/v2', `application/vnd.atlas.${date}+json`]] as const) {
      const path = `${base}${relative}?privateKey=${c.SweepQuery}&token=${c.SweepQuery}`;
      const takesBody = op.method !== 'GET' && op.method !== 'DELETE';
      const headers = { Accept: accept, ...(takesBody ? { 'Content-Type': 'application/json' } : {}) };
      const res = await client.digest({ method: op.method, path, headers, ...(takesBody ? { body: poisoned } : {}) }, owner);
      if (res.status >= 500) throw new Error(`${op.method} ${path}: ${res.status} ${res.body.slice(0, 300)}`);
      if (takesBody) await client.digest({ method: op.method, path, headers, body: `{"privateKey": ${c.SweepMalformed}` }, owner);
      sent += 1;
    }
  }
  if (sent < 40) throw new Error(`the sweep covered only ${sent} operation versions`);
}

/** The canaries of a run: every planted value, each issued access token, and whatever else the caller adds. */
export function canaryList(c: Planted, issued: IssuedSecrets, extra: readonly Canary[] = []): Canary[] {
  const inTokenResponse = (where: string) => where === 'response POST /api/oauth/token';
  return [
    ...Object.entries(c).map(([name, value]) => ({ name, value })),
    ...issued.accessTokens.map((value, i) => ({ name: `accessToken${i}`, value, allowedIn: inTokenResponse })),
    ...extra,
  ];
}
