// The examples through the CLI: the demo project is clean, and each examples/invalid/
// file gives exactly its own rule at the line it marks with `# <- <rule-id>`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, NOW, runCli, WORKSPACE_ROOT } from './cli';

interface JsonReport {
  results: { filePath: string; findings: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; docsUrl?: string }[] }[];
}

const invalid = readdirSync(join(EXAMPLES, 'invalid'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('examples through the CLI', () => {
  it('examples/demo-project.yaml is clean: no output, exit 0', () => {
    const run = runCli(['examples/demo-project.yaml', '--now', NOW, '--no-config-lookup'], { cwd: WORKSPACE_ROOT });
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  const run = runCli(['examples/invalid', '--format', 'json', '--now', NOW, '--no-config-lookup'], { cwd: WORKSPACE_ROOT });
  const report = JSON.parse(run.stdout) as JsonReport;

  it('lints the whole examples/invalid directory in one call, failing it', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(report.results.map((r) => r.filePath)).toEqual(invalid.map((f) => `examples/invalid/${f}`));
  });

  for (const file of invalid) {
    const ruleId = file.replace(/\.yaml$/, '').replace('--', '/');
    it(`${file} gives exactly ${ruleId}, at the marked line, with a docs link`, () => {
      const text = readFileSync(join(EXAMPLES, 'invalid', file), 'utf8');
      const markedLine = text.split('\n').findIndex((line) => line.trimEnd().endsWith(`# <- ${ruleId}`)) + 1;
      expect(markedLine, 'the file marks the line it expects').toBeGreaterThan(0);
      const findings = report.results.find((r) => r.filePath === `examples/invalid/${file}`)!.findings;
      expect(findings.map((f) => f.ruleId)).toEqual([ruleId]);
      const [finding] = findings;
      expect(finding!.line).toBe(markedLine);
      expect(finding!.endLine).toBeGreaterThanOrEqual(finding!.line);
      if (finding!.endLine === finding!.line) expect(finding!.endColumn).toBeGreaterThan(finding!.column);
      expect(finding!.docsUrl).toMatch(/^https:\/\/.+#[a-z0-9-]+$/);
    });
  }
});
