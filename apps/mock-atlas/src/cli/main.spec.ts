// What the built `mock-atlas` command prints when it starts or cannot: the banner's read-only
// key, the refused config's findings in file order, the hint for a port it cannot listen on.
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cliEnv, ensureCliBuilt, runCliToExit, withCli } from '../testing/cli';
import { WORKSPACE_ROOT } from '../testing/workspace';

vi.setConfig({ testTimeout: 30_000 });

beforeAll(() => {
  ensureCliBuilt();
}, 120_000);

/** The environment without the demo's secrets, and without a control token that would change the banner. */
const bareEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => cliEnv(extra, { withoutDemoSecrets: true });

describe('the mock-atlas command', () => {
  it('the banner shows the demo-reader key pair, so the read-only role can be tried', async () => {
    await withCli(['--port', '0'], bareEnv({ MOCK_ATLAS_READER_PRIVATE_KEY: 'reader-secret-0001' }), async (cli) => {
      const banner = await cli.waitForStdout('Ctrl-C stops.');
      expect(banner).toMatch(/^ {2}read-only key +public demo-reader {2}private reader-secret-0001$/m);
    });
  });

  it('--config naming unset environment variables: exit 2, one finding per reference, in file order', async () => {
    const config = 'examples/demo-project.yaml';
    const referring = readFileSync(join(WORKSPACE_ROOT, config), 'utf8')
      .split('\n')
      .flatMap((line, index) => (/^[^#]*\$\{env:\w+\}/.test(line) ? [index + 1] : []));
    expect(referring.length).toBeGreaterThan(1);

    const { code, stderr } = await runCliToExit(['--port', '0', '--config', config], 15_000, bareEnv());
    expect(code).toBe(2);
    const reported = [...stderr.matchAll(/^ {2}examples\/demo-project\.yaml:(\d+): .*\[config\/env-unset MISSING_ATTRIBUTE\]$/gm)].map((m) => Number(m[1]));
    expect(reported).toEqual(referring);
  });

  it('a port already in use: exit 1, with a hint naming --port <n> and --port 0', async () => {
    const taken = createServer();
    try {
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      const { port } = taken.address() as AddressInfo;
      const { code, stderr } = await runCliToExit(['--port', String(port)], 15_000, bareEnv());
      expect(code).toBe(1);
      // The wording is start-failure.spec's; this checks that the command prints it.
      expect(stderr).toMatch(/^mock-atlas: cannot start: listen EADDRINUSE/m);
      expect(stderr).toMatch(/^mock-atlas: hint: .*--port/m);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
