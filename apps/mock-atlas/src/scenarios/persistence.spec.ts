// Issue 4 item 9 and its acceptance sentence: "State survives a restart with --state-file, and a
// kill -9 during heavy writes never leaves an unreadable file." Plus PUT /_mock/state, the
// import half of the state export. Driven through the Atlas API and the control API.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { request as urllib } from 'urllib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockState } from '@mock-atlas/domain';
import { StateFileError } from '../server/persistence';
import { startServer, type RunningMockAtlas } from '../server/start';

const GROUP = '5e2211c17a3e5a48f5497de3';
const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workspaceRoot = resolve(appRoot, '../..');
const DAY = 86_400_000;

const demoEnv = (tag: string) => ({
  AZURE_CLIENT_SECRET: `azure-${tag}`,
  MOCK_ATLAS_OWNER_PRIVATE_KEY: `owner-${tag}`,
  MOCK_ATLAS_READER_PRIVATE_KEY: `reader-${tag}`,
  MOCK_ATLAS_SA_SECRET: `sa-${tag}`,
});

let dir: string;
let stateFile: string;
const running: RunningMockAtlas[] = [];

async function start(tag: string, file = stateFile): Promise<RunningMockAtlas> {
  const atlas = await startServer({ port: 0, clock: 'manual', env: demoEnv(tag), stateFile: file });
  running.push(atlas);
  return atlas;
}

async function stop(atlas: RunningMockAtlas): Promise<void> {
  running.splice(running.indexOf(atlas), 1);
  await atlas.close();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mock-atlas-state-'));
  stateFile = join(dir, 'state.json');
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.close()));
  rmSync(dir, { recursive: true, force: true });
});

const json = (body: unknown): RequestInit => ({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function exportState(atlas: RunningMockAtlas): Promise<MockState> {
  const res = await fetch(`${atlas.baseUrl}/_mock/state`);
  expect(res.status).toBe(200);
  return (await res.json()) as MockState;
}

/** The status of a digest-authenticated GET of the demo project. */
async function digestStatus(atlas: RunningMockAtlas, publicKey: string, privateKey: string): Promise<number> {
  return (await urllib(`${atlas.baseUrl}/api/atlas/v1.0/groups/${GROUP}`, { digestAuth: `${publicKey}:${privateKey}` })).status;
}

/** The status of a service-account token request. */
async function tokenStatus(atlas: RunningMockAtlas, clientId: string, clientSecret: string): Promise<number> {
  const res = await fetch(`${atlas.baseUrl}/api/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  return res.status;
}

describe('--state-file: state survives a restart', () => {
  it('starts again from the file with the same state, secrets included, and virtual time resumed', async () => {
    const first = await start('first');
    expect(first.stateFile).toMatchObject({ path: stateFile, loaded: false });
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);

    // Change the state through both APIs: a new API key and service account, a KMS secret.
    expect((await fetch(`${first.baseUrl}/_mock/apiKeys`, { method: 'POST', ...json({ publicKey: 'ci-bot', privateKey: 'ci-bot-private', roles: ['GROUP_OWNER'], groupId: GROUP }) })).status).toBe(201);
    expect((await fetch(`${first.baseUrl}/_mock/serviceAccounts`, { method: 'POST', ...json({ clientId: 'mdb_sa_id_ci', clientSecret: 'ci-sa-secret', roles: ['GROUP_READ_ONLY'] }) })).status).toBe(201);
    first.store.clock.advance(3 * DAY);
    const patched = await urllib(`${first.baseUrl}/api/atlas/v1.0/groups/${GROUP}/encryptionAtRest`, {
      method: 'PATCH',
      digestAuth: 'demo-owner:owner-first',
      contentType: 'json',
      data: { azureKeyVault: { secret: 'rotated-azure-secret' } },
    });
    expect(patched.status).toBe(200);
    const exported = await exportState(first);
    const full = first.store.state;
    const clockAtClose = first.store.clock.now().getTime();
    await stop(first);

    // Another start, other demo secrets in the environment: the file wins.
    const second = await start('second');
    expect(second.stateFile).toMatchObject({ path: stateFile, loaded: true });
    expect(second.store.state).toEqual(full);
    expect(second.store.state.projects[GROUP]?.encryptionAtRest.providers.AZURE.settings.secret).toBe('rotated-azure-secret');
    expect(second.store.clock.now().getTime()).toBeGreaterThanOrEqual(clockAtClose);
    expect(await exportState(second)).toEqual(exported);
    expect(second.projects.map((p) => p.id)).toEqual([GROUP]);

    expect(await digestStatus(second, 'ci-bot', 'ci-bot-private')).toBe(200);
    expect(await digestStatus(second, 'demo-owner', 'owner-first')).toBe(200);
    expect(await digestStatus(second, 'demo-owner', 'owner-second')).toBe(401);
    expect(await tokenStatus(second, 'mdb_sa_id_ci', 'ci-sa-secret')).toBe(200);
    expect(await tokenStatus(second, 'mdb_sa_id_demo', 'sa-first')).toBe(200);
  });

  it('saves an imported state too, and a clean close leaves no temp file', async () => {
    const atlas = await start('one');
    const exported = await exportState(atlas);
    const renamed = { ...exported, projects: { [GROUP]: { ...exported.projects[GROUP]!, name: 'payments-renamed' } } };
    expect((await fetch(`${atlas.baseUrl}/_mock/state`, { method: 'PUT', ...json(renamed) })).status).toBe(200);
    await stop(atlas);
    expect(existsSync(`${stateFile}.tmp`)).toBe(false);
    const again = await start('two');
    expect((await exportState(again)).projects[GROUP]?.name).toBe('payments-renamed');
    expect(await digestStatus(again, 'demo-owner', 'owner-one')).toBe(200);
  });

  it('without --state-file, state lives in memory only', async () => {
    const atlas = await startServer({ port: 0, clock: 'manual', env: demoEnv('mem') });
    running.push(atlas);
    expect(atlas.stateFile).toBeUndefined();
    expect((await fetch(`${atlas.baseUrl}/_mock/apiKeys`, { method: 'POST', ...json({ publicKey: 'k', privateKey: 'p', roles: ['GROUP_OWNER'] }) })).status).toBe(201);
    expect(existsSync(stateFile)).toBe(false);
  });
});

describe('--state-file: a corrupt file stops the start and is never touched', () => {
  const valid = () => {
    const text = readFileSync(stateFile, 'utf8');
    return { text, file: JSON.parse(text) as Record<string, unknown> };
  };
  const corruptions: [name: string, make: (good: { text: string; file: Record<string, unknown> }) => string, message: RegExp][] = [
    ['truncated JSON', (g) => g.text.slice(0, Math.floor(g.text.length / 2)), /is not valid JSON \(/],
    ['a newer version', (g) => JSON.stringify({ ...g.file, version: 3 }), /has version 3; this mock-atlas reads versions 1 and 2/],
    ['not an object', () => '[1, 2, 3]', /is not a mock-atlas state file: it holds an array, not an object/],
    ['a foreign JSON object', () => '{"compilerOptions": {}}', /is not a mock-atlas state file: "format" is missing/],
    ['a state of the wrong shape', (g) => JSON.stringify({ ...g.file, state: { ...(g.file.state as object), apiKeys: 'none' } }), /state\.apiKeys: expected an array, found string "none"/],
  ];

  it.each(corruptions)('%s', async (_name, make, message) => {
    await stop(await start('seed'));
    const corrupt = Buffer.from(make(valid()));
    writeFileSync(stateFile, corrupt);
    const before = statSync(stateFile);

    const error = await startServer({ port: 0, stateFile }).then(
      (atlas) => {
        running.push(atlas);
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toContain(`state file ${stateFile} `);
    expect((error as Error).message).toMatch(message);
    expect(readFileSync(stateFile).equals(corrupt)).toBe(true);
    expect(statSync(stateFile).mtimeMs).toBe(before.mtimeMs);
    expect(existsSync(`${stateFile}.tmp`)).toBe(false);
  });
});

describe('PUT /_mock/state', () => {
  let atlas: RunningMockAtlas;
  beforeEach(async () => {
    atlas = await startServer({ port: 0, clock: 'manual', env: demoEnv('put') });
    running.push(atlas);
  });
  const put = (body: unknown) => fetch(`${atlas.baseUrl}/_mock/state`, { method: 'PUT', ...json(body) });

  it('imports an edited export: new secrets are taken, <redacted> ones keep the current secret', async () => {
    const exported = await exportState(atlas);
    const edited: MockState = {
      ...exported,
      apiKeys: [...exported.apiKeys, { publicKey: 'imported', privateKey: 'imported-private', grants: [{ role: 'GROUP_OWNER' }] }],
      kmsKeys: [...exported.kmsKeys, { provider: 'GCP', keyId: 'projects/p/locations/global/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1', state: 'ENABLED' }],
    };
    const res = await put(edited);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...edited, apiKeys: edited.apiKeys.map((k) => ({ ...k, privateKey: '<redacted>' })) });
    expect(await exportState(atlas)).toEqual({ ...edited, apiKeys: edited.apiKeys.map((k) => ({ ...k, privateKey: '<redacted>' })) });
    expect(await digestStatus(atlas, 'imported', 'imported-private')).toBe(200);
    expect(await digestStatus(atlas, 'demo-owner', 'owner-put')).toBe(200);
    expect(atlas.store.state.projects[GROUP]?.encryptionAtRest.providers.AZURE.settings.secret).toBe('azure-put');
  });

  const refusals: [name: string, edit: (exported: MockState) => unknown, problem: RegExp][] = [
    ['an unknown top-level field', (s) => ({ ...s, clusters: [] }), /clusters: not a field of the mock-atlas state/],
    ['a missing field', ({ timers: _timers, ...rest }) => rest, /timers: missing/],
    ['a wrong type deep down', (s) => ({ ...s, kmsKeys: [{ provider: 'AWS', keyId: 'k', state: 'ON' }] }), /kmsKeys\[0\]\.state: expected one of ENABLED, DISABLED, PENDING_DELETION, DELETED/],
    [
      'a <redacted> secret with no current secret to keep',
      (s) => ({ ...s, apiKeys: [...s.apiKeys, { publicKey: 'stranger', privateKey: '<redacted>', grants: [] }] }),
      /apiKeys\[2\]\.privateKey is "<redacted>", but there is no current API key stranger to keep the private key of/,
    ],
  ];
  it.each(refusals)('refuses %s with a 400 Atlas error and leaves the state unchanged', async (_name, edit, problem) => {
    const before = await exportState(atlas);
    const res = await put(edit(before));
    expect(res.status).toBe(400);
    expect(res.headers.get('x-error-code')).toBe('VALIDATION_ERROR');
    const body = (await res.json()) as { errorCode: string; detail: string; problems: string[] };
    expect(body.detail).toMatch(problem);
    expect(body.problems.some((p) => problem.test(p))).toBe(true);
    expect(await exportState(atlas)).toEqual(before);
  });

  it('refuses a body that is not JSON, or not a JSON object', async () => {
    const before = await exportState(atlas);
    const malformed = await fetch(`${atlas.baseUrl}/_mock/state`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"projects":' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('x-error-code')).toBe('MALFORMED_JSON');
    const array = await put([]);
    expect(array.status).toBe(400);
    expect(array.headers.get('x-error-code')).toBe('INVALID_JSON');
    expect(await exportState(atlas)).toEqual(before);
  });
});

describe('the built mock-atlas command', () => {
  let buildDir: string;
  let bundle: string;

  // The bundle is built from the current sources, the way `nx run mock-atlas:build` does (same
  // externals), inside the workspace so that those externals resolve from node_modules.
  beforeAll(async () => {
    const command = (JSON.parse(readFileSync(join(appRoot, 'project.json'), 'utf8')) as { targets: { build: { command: string } } }).targets.build.command;
    const external = [...command.matchAll(/--external:(\S+)/g)].map((m) => m[1]!);
    mkdirSync(join(workspaceRoot, 'tmp'), { recursive: true });
    buildDir = mkdtempSync(join(workspaceRoot, 'tmp', 'persistence-spec-'));
    bundle = join(buildDir, 'mock-atlas.mjs');
    await build({ entryPoints: [join(appRoot, 'src/main.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', external, outfile: bundle, logLevel: 'silent' });
  }, 60_000);
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

  it('exits 2 on a corrupt state file, naming the file and the problem, and leaves it as it was', () => {
    const corrupt = Buffer.from('{"format":"mock-atlas-state","version":1,"savedAt":"2026-01-01T00:00:00Z","state":{"projects":{');
    writeFileSync(stateFile, corrupt);
    const result = spawnSync(process.execPath, [bundle, '--port', '0', '--state-file', stateFile], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^mock-atlas: state file ${stateFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(`));
    expect(result.stderr).toContain('The file was left untouched');
    expect(result.stdout).toBe('');
    expect(readFileSync(stateFile).equals(corrupt)).toBe(true);
    expect(existsSync(`${stateFile}.tmp`)).toBe(false);
  });

  it('exits 2 when MOCK_ATLAS_STATE_KEY is not a key, without printing it, and writes nothing', () => {
    const env = { ...process.env, MOCK_ATLAS_STATE_KEY: 'my-secret-passphrase' };
    const result = spawnSync(process.execPath, [bundle, '--port', '0', '--state-file', stateFile], { encoding: 'utf8', timeout: 30_000, env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`mock-atlas: state file ${stateFile} cannot be used: MOCK_ATLAS_STATE_KEY is set but is not a key: it must be 32 bytes`);
    expect(result.stderr).not.toContain('my-secret-passphrase');
    expect(existsSync(stateFile)).toBe(false);
    expect(existsSync(`${stateFile}.key`)).toBe(false);
  });

  it('exits 2 when the key file of a state file with encrypted secrets is gone, and leaves the state file as it was', async () => {
    await stop(await start('keyed'));
    const bytes = readFileSync(stateFile);
    expect(bytes.toString('utf8')).not.toContain('owner-keyed');
    rmSync(`${stateFile}.key`);
    const env = { ...process.env, MOCK_ATLAS_STATE_KEY: '' };
    const result = spawnSync(process.execPath, [bundle, '--port', '0', '--state-file', stateFile], { encoding: 'utf8', timeout: 30_000, env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`but there is no key to open them: the key file ${stateFile}.key does not exist and MOCK_ATLAS_STATE_KEY is not set.`);
    expect(result.stdout).toBe('');
    expect(readFileSync(stateFile).equals(bytes)).toBe(true);
    expect(existsSync(`${stateFile}.key`)).toBe(false);
  });

  it('survives kill -9 during heavy writes: 10 rounds of the kill -9 loop', async () => {
    const child = spawn(process.execPath, [join(workspaceRoot, 'tools/scripts/kill9-loop.mjs'), '--iterations', '10', '--server', bundle, '--state-file', stateFile, '--json'], {
      cwd: workspaceRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(stderr).toBe('');
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as { iterations: number; failures: number; restartsFromFile: number; acknowledgedWrites: number; failureMessages: string[] };
    expect(summary.failureMessages).toEqual([]);
    expect(code).toBe(0);
    expect(summary).toMatchObject({ iterations: 10, failures: 0, restartsFromFile: 10 });
    expect(summary.acknowledgedWrites).toBeGreaterThan(0);
    // The file the last kill left behind starts the server and holds the storm's keys.
    const file = JSON.parse(readFileSync(stateFile, 'utf8')) as { state: MockState };
    expect(file.state.apiKeys.some((k) => k.publicKey.startsWith('kill9-'))).toBe(true);
  }, 240_000);
});
