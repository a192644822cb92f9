// Output into a pipe whose reader stops early (`atlas-lint --print-schema | head -3`): the
// reader's going away is no error of atlas-lint's, so there is no stack trace, and the exit
// code is the one the run gives when all of its output is read.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE, childEnv, NOW, runCli } from './cli';

const dir = mkdtempSync(join(tmpdir(), 'atlas-lint-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs the bundle and closes its standard output after the first chunk. Node's 'pipe' is a
 * socket pair, whose buffer holds the whole schema, so only a larger output is cut short here.
 */
function runClosingEarly(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE, ...args], { cwd: dir, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** The user's case: `atlas-lint … | head -c 1`, through a real pipe (64 KiB of buffer on Linux). */
function runIntoHead(args: readonly string[]): { status: number | null; stderr: string } {
  const script = 'node="$1"; shift; "$node" "$@" | head -c 1 > /dev/null; exit "${PIPESTATUS[0]}"';
  const child = spawnSync('bash', ['-c', script, 'bash', process.execPath, BUNDLE, ...args], { cwd: dir, env: childEnv(), encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (child.error) throw child.error;
  return { status: child.status, stderr: child.stderr };
}

// Far more than a pipe's buffer (64 KiB on Linux), so that the writer is still writing when
// the reader goes, even through a socket pair: 3,000 findings, 3 MB of JSON.
const manyFindings = join(dir, 'many-findings.yaml');
writeFileSync(
  manyFindings,
  `version: 1\nproject: { name: p }\nclusters:\n${Array.from({ length: 3000 }, (_, i) => `  - { name: c${i}, colour: blue }\n`).join('')}`,
);

describe('a reader that closes the pipe early', () => {
  // The exit codes of docs/atlas-lint.md: 0 for the schema, 1 for error findings. Only outputs
  // larger than the pipe's buffer are cases: a smaller one (--list-rules) is written whole before
  // the reader goes, so it would pass without any handling of a closed pipe.
  const cases = [
    // The schema (~180 KB) outgrows a real pipe but not the socket pair of Node's 'pipe', so only
    // the report is also cut short through spawn.
    { name: '--print-schema', args: ['--print-schema'], status: 0, outgrowsSocketPair: false },
    { name: 'a JSON report of 3,000 findings', args: [manyFindings, '--format', 'json', '--no-config-lookup', '--now', NOW], status: 1, outgrowsSocketPair: true },
  ];

  for (const { name, args, status, outgrowsSocketPair } of cases) {
    it(`${name}: no stack trace, and exit ${status} as when the whole output is read`, async () => {
      const whole = runCli(args, { cwd: dir });
      expect(whole).toMatchObject({ status, stderr: '' });
      expect(whole.stdout.length, 'the output outgrows the pipe buffer').toBeGreaterThan(64 * 1024);

      expect(runIntoHead(args)).toEqual({ status, stderr: '' });
      if (outgrowsSocketPair) expect(await runClosingEarly(args)).toEqual({ status, stderr: '' });
    });
  }
});
