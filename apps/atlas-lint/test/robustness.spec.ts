// Inputs that must not hang or crash the CLI: a 20 MB file (refused unread by default,
// linted when the limit is raised), a nesting deep enough to exhaust the parser's stack,
// and many files in one call.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, NOW, runCli } from './cli';

const dir = mkdtempSync(join(tmpdir(), 'atlas-lint-robust-'));
const demo = readFileSync(join(EXAMPLES, 'demo-project.yaml'), 'utf8');
const TWENTY_MB = 20 * 1024 * 1024;

function timed<T>(fn: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = fn();
  return { result, ms: performance.now() - started };
}

describe('a 20 MB file', () => {
  // Dense YAML: ~95,000 clusters. The parser reads such text at about 1 MB/s, so by
  // default it is refused unread.
  const cluster = (i: number) =>
    `  - name: c${i}\n    providerSettings: { providerName: AWS, instanceSizeName: M30, regionName: US_EAST_1 }\n    encryptionAtRestProvider: AWS\n`;
  const parts = ['version: 1\nproject: { name: big }\nclusters:\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < TWENTY_MB; i++) {
    const part = cluster(i);
    parts.push(part);
    size += part.length;
  }
  const dense = join(dir, 'dense.yaml');
  writeFileSync(dense, parts.join(''));

  it('is refused unread by default, with a finding, in well under a second of work', () => {
    const { result, ms } = timed(() => runCli([dense, '--format', 'json', '--now', NOW], { cwd: dir }));
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout).results[0].findings;
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'yaml/file-too-large', line: 1, column: 1 })]);
    expect(findings[0].message).toContain('20 MiB');
    expect(ms).toBeLessThan(5_000);
  });

  it('is linted when --max-file-size allows it, if it is mostly comments', () => {
    const comment = `# ${'lorem ipsum dolor sit amet '.repeat(3)}\n`;
    const file = join(dir, 'comments.yaml');
    writeFileSync(file, demo + comment.repeat(Math.ceil(TWENTY_MB / comment.length)));
    const { result, ms } = timed(() => runCli([file, '--max-file-size', '32', '--now', NOW], { cwd: dir }));
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(ms).toBeLessThan(20_000);
  });
});

describe('pathological YAML', () => {
  it('a 100,000-deep flow nesting is a finding, not a stack overflow', () => {
    const file = join(dir, 'deep.yaml');
    writeFileSync(file, `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const result = runCli([file, '--format', 'json', '--now', NOW], { cwd: dir });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).results[0].findings).toEqual([
      expect.objectContaining({ ruleId: 'yaml/syntax', line: 1, message: expect.stringContaining('levels deep') }),
    ]);
  });
});

describe('many files', () => {
  it('lints 1,000 files in one call (spread over worker threads), reporting each in order', () => {
    const many = mkdtempSync(join(dir, 'many-'));
    for (let i = 0; i < 1000; i++) writeFileSync(join(many, `p${String(i).padStart(4, '0')}.yaml`), i === 500 ? demo.replace('name: payments', 'name: ""') : demo);
    const result = runCli([many, '--format', 'json', '--now', NOW], { cwd: many });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.results.map((r: { filePath: string }) => r.filePath)).toEqual(Array.from({ length: 1000 }, (_, i) => `p${String(i).padStart(4, '0')}.yaml`));
    expect(report.results.filter((r: { errorCount: number }) => r.errorCount > 0).map((r: { filePath: string }) => r.filePath)).toEqual(['p0500.yaml']);
  });
});
