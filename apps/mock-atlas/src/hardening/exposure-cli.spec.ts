// Issue 8 item 6 §2 end to end: the built `mock-atlas` bundle on a non-loopback address warns
// and says what the control API exposes; the banner and the --json line report the control
// API's status, and print a token only when the mock generated it. Servers bind port 0 (some on
// 0.0.0.0, to see the warning) and get traffic on 127.0.0.1 only; each is stopped by its test.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cliEnv, ensureCliBuilt, runCliToExit, startCli, withCli } from '../testing/cli';

interface StartupLine {
  baseUrl: string;
  port: number;
  controlApi: { status: string; url?: string; token?: string };
}

const GIVEN_TOKEN = 'given-control-token-3b9e71d0c2a5';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(() => ensureCliBuilt(), 120_000);

/** Without MOCK_ATLAS_CONTROL_TOKEN, whatever the environment running the tests holds. */
const cleanEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => cliEnv(extra);

const loopback = (info: StartupLine) => `http://127.0.0.1:${info.port}`;
const stateStatus = async (info: StartupLine, headers: Record<string, string> = {}) => (await fetch(`${loopback(info)}/_mock/state`, { headers })).status;

describe('mock-atlas on a non-loopback address (--host 0.0.0.0)', () => {
  it('open control API (the default): warns that it is unauthenticated and how to protect it', async () => {
    await withCli(['--host', '0.0.0.0', '--port', '0', '--json'], cleanEnv(), async (cli) => {
      const info = JSON.parse((await cli.waitForStdout('\n')).trim()) as StartupLine;
      expect(info.controlApi).toEqual({ status: 'open', url: `http://0.0.0.0:${info.port}/_mock` });
      expect(cli.stderr()).toContain(
        'mock-atlas: warning: binding to 0.0.0.0 exposes the mock and its unauthenticated /_mock control API beyond this machine: anyone who can connect can read and replace its state. Protect it with --control-token auto, or turn it off with --no-control-api.',
      );
      expect(await stateStatus(info)).toBe(200);
    });
  });

  it('--control-token auto: warns that the control API is protected; the --json line carries the generated token, which works', async () => {
    await withCli(['--host', '0.0.0.0', '--port', '0', '--json', '--control-token', 'auto'], cleanEnv(), async (cli) => {
      const info = JSON.parse((await cli.waitForStdout('\n')).trim()) as StartupLine;
      expect(info.controlApi).toEqual({ status: 'protected', url: `http://0.0.0.0:${info.port}/_mock`, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      expect(cli.stderr()).toContain('mock-atlas: warning: binding to 0.0.0.0 exposes the mock beyond this machine; its /_mock control API is protected by the control token.');
      expect(await stateStatus(info)).toBe(401);
      expect(await stateStatus(info, { Authorization: `Bearer ${info.controlApi.token!}` })).toBe(200);
      // Printed once, in the start-up line; never in the log.
      expect(cli.stdout().split(info.controlApi.token!)).toHaveLength(2);
      expect(cli.stderr()).not.toContain(info.controlApi.token!);
    });
  });

  it('--no-control-api: warns that the control API is off, and /_mock answers 404', async () => {
    await withCli(['--host', '0.0.0.0', '--port', '0', '--json', '--no-control-api'], cleanEnv(), async (cli) => {
      const info = JSON.parse((await cli.waitForStdout('\n')).trim()) as StartupLine;
      expect(info.controlApi).toEqual({ status: 'off' });
      expect(cli.stderr()).toContain('mock-atlas: warning: binding to 0.0.0.0 exposes the mock beyond this machine; its /_mock control API is off.');
      expect(await stateStatus(info)).toBe(404);
    });
  });
});

describe('the banner', () => {
  it('with MOCK_ATLAS_CONTROL_TOKEN: says the control API is protected and never prints the token the user gave', async () => {
    await withCli(['--port', '0', '--log-level', 'trace'], cleanEnv({ MOCK_ATLAS_CONTROL_TOKEN: GIVEN_TOKEN }), async (cli) => {
      const banner = await cli.waitForStdout('Ctrl-C stops.');
      const url = /listening on (\S+)/.exec(banner)?.[1] ?? '';
      expect(banner).toContain(`Control API: ${url}/_mock (reset, projects, state,`);
      expect(banner).toContain('protected: send the header "Authorization: Bearer <the token you gave>". Ctrl-C stops.');
      const info = { port: Number(new URL(url).port) } as StartupLine;
      expect(await stateStatus(info, { Authorization: `Bearer ${GIVEN_TOKEN}` })).toBe(200);
      expect(await stateStatus(info)).toBe(401);
      await cli.stop();
      expect(cli.stdout()).not.toContain(GIVEN_TOKEN);
      expect(cli.stderr()).not.toContain(GIVEN_TOKEN);
      // Loopback is not worth a warning, whatever the control API.
      expect(cli.stderr()).not.toContain('warning');
    });
  });

  it('with --control-token auto: prints the generated token once, in the Control API line', async () => {
    await withCli(['--port', '0', '--control-token', 'auto'], cleanEnv(), async (cli) => {
      const banner = await cli.waitForStdout('Ctrl-C stops.');
      const token = /Authorization: Bearer ([A-Za-z0-9_-]{43})"/.exec(banner)?.[1];
      expect(token).toBeDefined();
      expect(banner.split(token!)).toHaveLength(2);
    });
  });

  it('with --no-control-api: says it is off', async () => {
    await withCli(['--port', '0', '--no-control-api'], cleanEnv(), async (cli) => {
      expect(await cli.waitForStdout('Ctrl-C stops.')).toContain('Control API: off (--no-control-api). Ctrl-C stops.');
    });
  });
});

describe('refusals (exit 2, nothing started)', () => {
  it('a --control-token that is not a token, without printing it', async () => {
    const { code, stdout, stderr } = await runCliToExit(['--port', '0', '--control-token', 'too-short']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('mock-atlas: --control-token must be 16 to 512 visible ASCII characters (no spaces), or "auto"\n');
  });

  it('a MOCK_ATLAS_CONTROL_TOKEN that is not a token, without printing it', async () => {
    const cli = startCli(['--port', '0'], cleanEnv({ MOCK_ATLAS_CONTROL_TOKEN: 'hunter2 hunter2' }));
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toBe('mock-atlas: MOCK_ATLAS_CONTROL_TOKEN must be 16 to 512 visible ASCII characters (no spaces), or "auto"\n');
    expect(cli.stdout()).toBe('');
  });

  it('--tls-cert without --tls-key (an error raised after parsing is printed, not swallowed)', async () => {
    const { code, stderr } = await runCliToExit(['--port', '0', '--tls-cert', 'cert.pem']);
    expect(code).toBe(2);
    expect(stderr).toBe('mock-atlas: --tls-cert and --tls-key go together\n');
  });

  it('--no-control-api with --control-token', async () => {
    const { code, stderr } = await runCliToExit(['--port', '0', '--no-control-api', '--control-token', GIVEN_TOKEN]);
    expect(code).toBe(2);
    expect(stderr).toBe('mock-atlas: --no-control-api and --control-token exclude each other\n');
  });
});
