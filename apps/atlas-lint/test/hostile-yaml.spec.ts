// Hostile inputs against the built bundle (issue 8 item 3): every case ends (a hang fails
// the test at its generous timeout), answers exit code 1 with a positioned finding, and exit
// code 2 only for a file that cannot be read. Time and memory per case are measured by
// test/measure-hostile.ts, not asserted here.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE, childEnv, NOW } from './cli';
import { HOSTILE_CASES } from './hostile-corpus';

/** Long enough for a loaded 2-CPU machine; a hang (minutes, as an unbounded alias resolution was) still fails. */
const CASE_TIMEOUT_MS = 120_000;

const root = mkdtempSync(join(tmpdir(), 'atlas-lint-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Finding {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

function lint(cwd: string, args: readonly string[], stdin = '', uid?: number) {
  const child = spawnSync(process.execPath, [BUNDLE, ...args, '--format', 'json', '--no-config-lookup', '--now', NOW], {
    cwd,
    input: stdin,
    env: childEnv(),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: CASE_TIMEOUT_MS,
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  // The linter stops reading standard input at the size limit: writing the rest then fails.
  if (child.error && !(stdin && (child.error as NodeJS.ErrnoException).code === 'EPIPE' && child.status !== null)) throw child.error;
  return child;
}

describe('hostile YAML', () => {
  HOSTILE_CASES.forEach((hostile, index) => {
    it(`${hostile.name}: exit ${hostile.status}${hostile.first ? `, ${hostile.first.ruleId}` : ''}`, { timeout: CASE_TIMEOUT_MS + 10_000 }, () => {
      const dir = mkdtempSync(join(root, `case-${index}-`));
      const args = hostile.setup(dir);
      const child = lint(dir, args, hostile.stdin);
      expect(child.signal, 'killed: it did not finish in time').toBeNull();
      expect(child.status, child.stderr).toBe(hostile.status);
      if (hostile.status === 2) {
        expect(child.stderr).toMatch(hostile.stderr!);
        return;
      }
      expect(child.stderr).toBe('');
      const findings = (JSON.parse(child.stdout) as { results: { findings: Finding[] }[] }).results[0]!.findings;
      const first = findings[0]!;
      expect(first.ruleId).toBe(hostile.first!.ruleId);
      expect(first.message).toMatch(hostile.first!.message);
      if (hostile.first!.line !== undefined) expect(first.line).toBe(hostile.first!.line);
      if (hostile.first!.column !== undefined) expect(first.column).toBe(hostile.first!.column);
      if (hostile.findings !== undefined) expect(findings).toHaveLength(hostile.findings);
      rmSync(dir, { recursive: true, force: true });
    });
  });

  it('--stdin given a directory (`atlas-lint --stdin < dir`): exit 2, not an empty document', () => {
    const dir = mkdtempSync(join(root, 'stdin-dir-'));
    const fd = openSync(dir, 'r');
    try {
      const child = spawnSync(process.execPath, [BUNDLE, '--stdin', '--format', 'json', '--no-config-lookup', '--now', NOW], {
        cwd: dir,
        stdio: [fd, 'pipe', 'pipe'],
        env: childEnv(),
        encoding: 'utf8',
        timeout: CASE_TIMEOUT_MS,
      });
      expect(child.status, child.stdout).toBe(2);
      expect(child.stderr).toMatch(/cannot read standard input: it is a directory/);
    } finally {
      closeSync(fd);
    }
  });

  it('a file or directory it may not read (permission denied): exit 2, and the others are still linted', () => {
    const dir = mkdtempSync(join(root, 'denied-'));
    writeFileSync(join(dir, 'secret.yaml'), 'version: 1\nproject: { name: p }\n');
    writeFileSync(join(dir, 'ok.yaml'), 'version: 1\nproject: { name: p }\n');
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'hidden.yaml'), 'version: 1\nproject: { name: p }\n');
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    chmodSync(join(dir, 'locked'), 0o000);
    // Root reads anything: run as nobody then, in directories nobody may enter.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      chmodSync(root, 0o755);
      chmodSync(dir, 0o755);
    }
    const child = lint(dir, ['secret.yaml', '.'], '', asRoot ? 65534 : undefined);
    expect(child.stderr).toMatch(/cannot read secret\.yaml: EACCES: permission denied/);
    expect(child.stderr).toMatch(/Cannot read the directory "locked": EACCES: permission denied/);
    expect(child.status).toBe(2);
    expect((JSON.parse(child.stdout) as { results: { filePath: string }[] }).results.map((r) => r.filePath)).toEqual(['ok.yaml']);
  });
});
