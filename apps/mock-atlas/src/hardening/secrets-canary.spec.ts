// Issue 8 item 6 §1: no secret leaks. Unique canary values go into every secret slot (config
// secrets, control API credentials, each provider's secret through PATCH encryptionAtRest, a
// state import, the control token, OAuth access tokens, the TLS private key, the state file's
// key); a workload drives every endpoint, error paths included (hardening/canary-workload.ts);
// everything the mock writes is captured: each response's status line, headers and body, every
// log line at trace level, the request journal, the state export, the state file's bytes, and for
// the built bundle its stdout and stderr. Then each canary is searched for in all of it.
//
// Allowed by design, and only there: an access token in its own token response; the state key in
// its key file; for the bundle, the API key pair and client secret the start-up line prints
// (PRODUCT.md "Startup": it prints an API key pair; docs/security.md).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../http/logging';
import { readStateFile } from '../server/persistence';
import { demoConfigPath, startServer } from '../server/start';
import { StateKeyring } from '../server/state-key';
import { selfSignedTls, type TlsMaterial } from '../server/tls';
import { ensureCliBuilt, startCli } from '../testing/cli';
import { Capture, canaryValue, findLeaks, pemBodyLines, type Canary } from './canary-capture';
import { CanaryClient } from './canary-client';
import { canaryList, DEMO, demoEnv, plantedCanaries, runWorkload, type Planted } from './canary-workload';

vi.setConfig({ testTimeout: 60_000 });

let tls: TlsMaterial;
let dir: string;
beforeAll(async () => {
  tls = await selfSignedTls();
  dir = mkdtempSync(join(tmpdir(), 'mock-atlas-canary-'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The TLS private key, line by line, and the state file's key: secrets that are not planted by a request. */
function keyCanaries(keyFile: string): Canary[] {
  const stateKey = readFileSync(keyFile, 'utf8').trim();
  return [
    ...pemBodyLines(tls.key).map((value, i) => ({ name: `tlsKeyLine${i}`, value })),
    { name: 'stateKey', value: stateKey, allowedIn: (where: string) => where === 'key file' },
  ];
}

/**
 * The planted secrets the mock must still hold at the end (opened from the state file), proving
 * that they reached it. Named, not printed: a failure must not print the secrets either.
 * (AzureEnvSecret, ProjectAzure, ProjectAws and PatchAws were accepted, then replaced.)
 */
function expectHeld(stateFile: string, c: Planted): void {
  const held = JSON.stringify(readStateFile(stateFile, StateKeyring.open(stateFile, {}))?.state);
  const names = ['OwnerKey', 'ReaderKey', 'SaSecret', 'ProjectKey', 'ProjectSaSecret', 'ProjectGcp', 'ControlKey', 'ControlSaSecret', 'PatchAzure', 'PatchGcp', 'V1Aws', 'ImportedKey'] as const;
  expect(names.filter((name) => !held.includes(c[name]))).toEqual([]);
}

describe('the mock in-process (HTTPS, --log-level trace, --state-file, --control-token)', () => {
  it('writes no secret in any response, header, log line, journal entry, state export or state file', async () => {
    const c = plantedCanaries();
    const capture = new Capture();
    const logLines: string[] = [];
    const logger = createLogger({ level: 'trace', destination: { write: (line: string) => void logLines.push(line) } });
    const stateFile = join(dir, 'in-process.json');
    const atlas = await startServer({
      host: '127.0.0.1',
      port: 0,
      configs: [demoConfigPath()],
      env: demoEnv(c),
      clock: 'manual',
      tls,
      logger,
      stateFile,
      controlToken: c.ControlToken,
    });
    let issued;
    try {
      const client = new CanaryClient(atlas.baseUrl, tls.cert, capture, c.ControlToken);
      issued = await runWorkload(client, c);
      capture.add('journal (GET /_mock/requests)', (await client.send({ method: 'GET', path: '/_mock/requests' })).body);
      capture.add('state export (GET /_mock/state)', (await client.send({ method: 'GET', path: '/_mock/state' })).body);
      await atlas.stateFile?.flush();
    } finally {
      await atlas.close();
    }
    capture.add('log', logLines.join(''));
    capture.add('state file', readFileSync(stateFile));
    capture.add('key file', readFileSync(`${stateFile}.key`));

    expectHeld(stateFile, c);
    // Everything was captured: hundreds of responses and as many log lines, a journal, an export.
    expect(capture.count('response ')).toBeGreaterThan(200);
    expect(logLines.length).toBeGreaterThan(200);
    expect(capture.items.find((i) => i.where.startsWith('journal'))?.text).toContain('"totalCount"');
    const leaks = findLeaks(capture.items, canaryList(c, issued, keyCanaries(`${stateFile}.key`)));
    expect(leaks).toEqual([]);
  });

  it('a secret put in the URL path is echoed only where Atlas echoes a path: the 404 body, the journal, the log line', async () => {
    const inPath = canaryValue('PathSegment');
    const capture = new Capture();
    const logLines: string[] = [];
    const logger = createLogger({ level: 'trace', destination: { write: (line: string) => void logLines.push(line) } });
    const stateFile = join(dir, 'path.json');
    const env = demoEnv(plantedCanaries());
    const atlas = await startServer({ host: '127.0.0.1', port: 0, configs: [demoConfigPath()], env, clock: 'manual', logger, stateFile });
    try {
      const client = new CanaryClient(atlas.baseUrl, undefined, capture);
      const owner = { username: DEMO.owner, password: env.MOCK_ATLAS_OWNER_PRIVATE_KEY! };
      const missing = await client.digest({ method: 'GET', path: `/api/atlas/v2/groups/${DEMO.groupId}/clusters/${inPath}`, headers: { Accept: 'application/vnd.atlas.2024-08-05+json' } }, owner);
      expect(missing.status).toBe(404);
      expect((await client.send({ method: 'GET', path: `/api/${inPath}` })).status).toBe(404);
      capture.add('journal', (await client.send({ method: 'GET', path: '/_mock/requests' })).body);
      capture.add('state export', (await client.send({ method: 'GET', path: '/_mock/state' })).body);
      await atlas.stateFile?.flush();
    } finally {
      await atlas.close();
    }
    capture.add('log', logLines.join(''));
    capture.add('state file', readFileSync(stateFile));
    const where = [...new Set(findLeaks(capture.items, [{ name: 'inPath', value: inPath }]).map((l) => l.where))].sort();
    expect(where).toEqual([
      'journal',
      'log',
      // The journal's own response is the journal.
      'response GET /_mock/requests',
      `response GET /api/${inPath}`,
      `response GET /api/atlas/v2/groups/${DEMO.groupId}/clusters/${inPath}`,
    ]);
  });
});

describe('the built bundle (--tls-cert, --log-level trace, --state-file, --control-token, --json)', () => {
  beforeAll(() => ensureCliBuilt(), 120_000);

  it('prints no secret on stdout or stderr beyond the credentials of its start-up line, and keeps none in clear on disk', async () => {
    const c = plantedCanaries();
    const capture = new Capture();
    const certFile = join(dir, 'cert.pem');
    const keyFile = join(dir, 'key.pem');
    writeFileSync(certFile, tls.cert);
    writeFileSync(keyFile, tls.key, { mode: 0o600 });
    const stateFile = join(dir, 'cli.json');
    const { MOCK_ATLAS_CONTROL_TOKEN: _t, MOCK_ATLAS_STATE_KEY: _k, ...env } = process.env;
    const args = ['--port', '0', '--json', '--log-level', 'trace', '--clock', 'manual', '--tls-cert', certFile, '--tls-key', keyFile, '--state-file', stateFile, '--control-token', c.ControlToken];
    const cli = startCli(args, { ...env, ...demoEnv(c) });
    let issued;
    try {
      const info = JSON.parse((await cli.waitForStdout('\n', 30_000)).trim()) as { baseUrl: string; apiKey: { privateKey: string }; serviceAccount: { clientSecret: string } };
      // The start-up line prints the demo owner's key pair and the service account (PRODUCT.md).
      expect(info.apiKey.privateKey).toBe(c.OwnerKey);
      expect(info.serviceAccount.clientSecret).toBe(c.SaSecret);
      const client = new CanaryClient(info.baseUrl, tls.cert, capture, c.ControlToken);
      issued = await runWorkload(client, c);
    } finally {
      expect(await cli.stop()).toBe(0);
    }
    const [startLine, ...rest] = cli.stdout().split('\n');
    capture.add('cli stdout start-up line', startLine ?? '');
    capture.add('cli stdout after the start-up line', rest.join('\n'));
    capture.add('cli stderr', cli.stderr());
    capture.add('state file', readFileSync(stateFile));
    capture.add('key file', readFileSync(`${stateFile}.key`));

    expectHeld(stateFile, c);
    expect(cli.stderr().split('\n').filter((l) => l.includes('"msg":"request"')).length).toBeGreaterThan(200);
    const printedByDesign = (where: string) => where === 'cli stdout start-up line';
    const canaries = canaryList(c, issued, keyCanaries(`${stateFile}.key`)).map((canary) =>
      canary.name === 'OwnerKey' || canary.name === 'SaSecret' ? { ...canary, allowedIn: printedByDesign } : canary,
    );
    expect(findLeaks(capture.items, canaries)).toEqual([]);
  });
});
