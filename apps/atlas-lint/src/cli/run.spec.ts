// The CLI in-process, with a fake outside world: what the scenario files do not reach.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, type CliIo } from './run';

const NOW = '2026-11-22T12:00:00Z';
const cwd = mkdtempSync(join(tmpdir(), 'atlas-lint-run-'));
writeFileSync(join(cwd, 'bad.yaml'), 'version: 1\nproject: { name: "" }\n');

async function cli(args: string[], overrides: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => Buffer.from('version: 1\nproject: { name: from-stdin }\n'),
    color: false,
    readSchema: () => '{"type":"object"}\n',
    now: () => NOW,
    ...overrides,
  };
  const status = await run(args, io);
  return { status, stdout, stderr };
}

describe('run', () => {
  it('spec: --stdin takes no file arguments (exit 2)', async () => {
    expect(await cli(['--stdin', 'bad.yaml'])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('--stdin lints standard input only') });
  });

  it('spec: --stdin-filename needs --stdin (exit 2)', async () => {
    expect(await cli(['--stdin-filename', 'x.yaml', 'bad.yaml'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--stdin-filename needs --stdin') });
  });

  it('spec: a --config file that cannot be read is exit 2', async () => {
    expect(await cli(['bad.yaml', '--config', 'nope.yaml'])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('cannot read the config file nope.yaml') });
  });

  it('lints standard input', async () => {
    expect(await cli(['--stdin', '--no-config-lookup'])).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('colours stylish output when the terminal allows it', async () => {
    const { status, stdout } = await cli(['bad.yaml', '--no-config-lookup'], { color: true });
    expect(status).toBe(1);
    expect(stdout).toContain('\u001b[31merror');
  });

  it('uses the clock only when --now is not given', async () => {
    // The key of kms--key-rotation-age.yaml, created on 2026-01-01: 31 days old on Feb 1st, 334 on Dec 1st.
    const example = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../../examples/invalid/kms--key-rotation-age.yaml'), 'utf8');
    writeFileSync(join(cwd, 'old-key.yaml'), example.replace('2024-01-15T00:00:00Z', '2026-01-01T00:00:00Z'));
    expect((await cli(['old-key.yaml', '--no-config-lookup'], { now: () => '2026-02-01T00:00:00Z' })).stdout).toBe('');
    expect((await cli(['old-key.yaml', '--no-config-lookup'], { now: () => '2026-12-01T00:00:00Z' })).stdout).toContain('kms/key-rotation-age');
    expect((await cli(['old-key.yaml', '--no-config-lookup', '--now', '2026-02-01'], { now: () => '2026-12-01T00:00:00Z' })).stdout).toBe('');
  });

  it('--list-rules --format json lists the catalog as JSON', async () => {
    const { status, stdout } = await cli(['--list-rules', '--format', 'json']);
    expect(status).toBe(0);
    const rules = JSON.parse(stdout) as { id: string }[];
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['yaml/syntax', 'schema/type', 'restore/key-valid', 'lint/unused-suppression']));
  });

  it('--print-schema prints the schema and nothing else', async () => {
    expect(await cli(['--print-schema'])).toEqual({ status: 0, stdout: '{"type":"object"}\n', stderr: '' });
  });
});
