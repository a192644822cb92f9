// Issue 3 §7 end to end: the built `mock-atlas` bundle as a user runs it. Every server binds
// port 0 and is stopped by the test that started it; only loopback addresses get traffic.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import * as oauth from 'oauth4webapi';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureCliBuilt, startCli, runCliToExit, type CliProcess } from '../testing/cli';
import { AtlasClient, CLIENT_V2_ACCEPT, runCurl, shellQuote } from '../testing/clients';
import { ContractValidator, describeViolations } from '../testing/contract';
import { isV2, ResponseRecorder } from '../testing/recorder';
import { fixturePath } from '../testing/workspace';

const run = promisify(execFile);

/** The demo project's id (examples/demo-project.yaml), which the CLI loads without --config. */
const DEMO_GROUP_ID = '5e2211c17a3e5a48f5497de3';

interface StartupLine {
  baseUrl: string;
  host: string;
  port: number;
  groupId: string;
  projects: { id: string; name: string }[];
  apiKey: { publicKey: string; privateKey: string };
  serviceAccount: { clientId: string; clientSecret: string };
  caCertPath?: string;
}

const recorder = new ResponseRecorder();


/** Runs `use` with started CLI processes and stops them all afterwards, a failed assertion included. */
async function withCli(argLists: readonly (readonly string[])[], use: (...processes: CliProcess[]) => Promise<void>): Promise<void> {
  const processes = argLists.map((args) => startCli(args));
  try {
    await use(...processes);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
  }
}

// Each test starts a Node process or two, which takes a while on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

beforeAll(() => {
  ensureCliBuilt();
}, 120_000);

// One at a time: starting several Node processes at once on a 2-core machine is slower, not faster.
describe('the mock-atlas command', () => {

  it('--json prints exactly one JSON line whose URL, project and credentials work', async () => {
    await withCli([['--port', '0', '--json']], async (cli) => {
      const info = JSON.parse((await cli!.waitForStdout('\n')).trim()) as StartupLine;
      expect(info.baseUrl).toBe(`http://127.0.0.1:${info.port}`);
      expect(info.port).toBeGreaterThan(0);
      expect(info.groupId).toBe(DEMO_GROUP_ID);
      expect(info.apiKey).toEqual({ publicKey: 'demo-owner', privateKey: expect.stringMatching(/^\S{16,}$/) });
      expect(info.serviceAccount).toEqual({ clientId: 'mdb_sa_id_demo', clientSecret: expect.stringMatching(/^\S{16,}$/) });

      const owner = new AtlasClient(recorder, info.baseUrl, { digest: `${info.apiKey.publicKey}:${info.apiKey.privateKey}` });
      const ear = await owner.get(`/api/atlas/v2/groups/${info.groupId}/encryptionAtRest`, CLIENT_V2_ACCEPT);
      expect(ear.status).toBe(200);
      expect(ear.json()['awsKms']).toMatchObject({ enabled: true, region: 'US_EAST_1' });

      const as: oauth.AuthorizationServer = { issuer: info.baseUrl, token_endpoint: `${info.baseUrl}/api/oauth/token` };
      const client = { client_id: info.serviceAccount.clientId };
      const response = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic(info.serviceAccount.clientSecret), new URLSearchParams(), {
        [oauth.allowInsecureRequests]: true,
      });
      const token = await oauth.processClientCredentialsResponse(as, client, response);
      const project = await owner.as({ bearer: token.access_token }).get(`/api/atlas/v2/groups/${info.groupId}`, CLIENT_V2_ACCEPT);
      expect(project.status).toBe(200);
      expect(project.json()).toMatchObject({ id: DEMO_GROUP_ID, name: 'payments' });

      await cli!.stop();
      expect(cli!.stdout().split('\n')).toEqual([expect.stringMatching(/^\{.*\}$/), '']);
      // Loopback (the default) is not worth a warning, unlike --host 0.0.0.0 below.
      expect(cli!.stderr()).not.toContain('warning');
    });
  });

  it('the default banner prints a curl --digest command that works when executed as printed', async () => {
    await withCli([['--port', '0']], async (cli) => {
      const banner = await cli!.waitForStdout('Ctrl-C stops.');
      const command = banner.split('Try it:\n')[1]?.split('\n\n')[0]?.trim() ?? '';
      expect(command, banner).toMatch(/^curl --user "demo-owner:\S+" --digest \\\n/);
      expect(command).toContain('--header "Accept: application/vnd.atlas.2025-03-12+json"');
      // Run verbatim by a shell, with the real curl first on PATH; stdout is the body.
      const { stdout } = await run('/bin/sh', ['-c', command], { env: { ...process.env, PATH: `/usr/bin:${process.env['PATH'] ?? ''}` } });
      const url = new URL(/"(http:\/\/127\.0\.0\.1:\d+\/api\/atlas\/v2\/groups\/[a-f0-9]{24}\/encryptionAtRest\?pretty=true)"/.exec(command)?.[1] ?? '');
      // The same request through urllib (recorded, so the contract check sees it) answers the same document.
      const user = /--user "([^"]+)"/.exec(command)?.[1] ?? '';
      const same = await new AtlasClient(recorder, url.origin, { digest: user }).get(`${url.pathname}${url.search}`, CLIENT_V2_ACCEPT);
      expect(same.status).toBe(200);
      expect(stdout).toBe(same.body);
      expect(JSON.parse(stdout)).toMatchObject({ awsKms: { enabled: true, valid: true }, azureKeyVault: { enabled: true } });
    });
  });

  it('--tls serves HTTPS with a generated certificate that `curl --cacert <printed path>` trusts, removed at exit', async () => {
    let certPath = '';
    await withCli([['--port', '0', '--tls', '--json']], async (cli) => {
      const info = JSON.parse((await cli!.waitForStdout('\n', 30_000)).trim()) as StartupLine;
      certPath = info.caCertPath ?? '';
      expect(info.baseUrl).toBe(`https://127.0.0.1:${info.port}`);
      expect(info.caCertPath).toMatch(/\.pem$/);
      expect(readFileSync(info.caCertPath!, 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
      const url = `${info.baseUrl}/api/atlas/v2/groups/${info.groupId}/encryptionAtRest`;
      const user = `${info.apiKey.publicKey}:${info.apiKey.privateKey}`;
      const res = await runCurl(
        recorder,
        `/usr/bin/curl --cacert ${shellQuote(info.caCertPath!)} --digest --user ${shellQuote(user)} --header ${shellQuote(`Accept: ${CLIENT_V2_ACCEPT}`)} ${shellQuote(url)}`,
      );
      expect(res.status).toBe(200);
      expect(res.json()['awsKms']).toMatchObject({ enabled: true });
      // Without the certificate curl refuses the connection (60: peer certificate cannot be authenticated).
      await expect(run('/usr/bin/curl', ['--silent', '--digest', '--user', user, url])).rejects.toMatchObject({ code: 60 });
    });
    expect(certPath).not.toBe('');
    expect(existsSync(dirname(certPath))).toBe(false);
  });

  it('--tls removes its generated certificate when the start fails (the port is taken)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cli-tls-'));
    const taken = createServer();
    try {
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      const { port } = taken.address() as AddressInfo;
      const { code, stderr } = await runCliToExit(['--port', String(port), '--tls'], 30_000, { ...process.env, TMPDIR: tmp });
      expect(code).toBe(1);
      expect(stderr).toContain('mock-atlas: cannot start');
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      taken.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('--host 0.0.0.0 warns on stderr that the control API is exposed (port 0, no traffic sent)', async () => {
    await withCli([['--host', '0.0.0.0', '--port', '0', '--json']], async (exposed) => {
      await exposed!.waitForStdout('\n');
      expect(exposed!.stderr()).toContain('mock-atlas: warning: binding to 0.0.0.0 exposes the mock and its unauthenticated /_mock control API');
    });
  });

  it('a config that breaks a rule: exit 2, with file:line and the rule id on stderr', async () => {
    const file = fixturePath('rule-breaking-project.yaml');
    // The fixture marks the line the finding points at with `# <- <rule id>`.
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.endsWith('# <- ear/provider-fields-complete')) + 1;
    expect(line).toBeGreaterThan(0);
    const { code, stdout, stderr } = await runCliToExit(['--port', '0', '--config', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}:${line}:`);
    expect(stderr).toContain('[ear/provider-fields-complete');
  });

  it('--port with a bad value: exit 2 and a message naming --port', async () => {
    const bads = ['abc', '70000'];
    const results = await Promise.all(bads.map((bad) => runCliToExit(['--port', bad])));
    bads.forEach((bad, i) => {
      expect(results[i]?.code, bad).toBe(2);
      expect(results[i]?.stderr, bad).toContain('--port');
    });
  });
});

describe('contract', () => {
  it('every v2 response of the CLI tests validates against the Atlas spec', () => {
    const v2 = recorder.responses.filter(isV2);
    expect(v2.length).toBeGreaterThanOrEqual(3);
    expect(describeViolations(new ContractValidator().check(v2))).toBe('');
  });
});
