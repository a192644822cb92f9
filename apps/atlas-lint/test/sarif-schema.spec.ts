// SARIF output validated against the official SARIF 2.1.0 JSON Schema (draft-04), on
// real runs: one with findings of every example rule (related locations included) and
// one clean run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { NOW, runCli, WORKSPACE_ROOT } from './cli';

const schema = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema's `language` pattern is not valid with the `u` flag Ajv uses by default.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function sarifOf(args: string[]) {
  const run = runCli([...args, '--format', 'sarif', '--now', NOW, '--no-config-lookup'], { cwd: WORKSPACE_ROOT });
  return { status: run.status, log: JSON.parse(run.stdout) };
}

describe('SARIF output', () => {
  it('the validator rejects what breaks the schema (so passing means something)', () => {
    const { log } = sarifOf(['examples/demo-project.yaml']);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'x', level: 'fatal', message: { text: 'm' } }] }] })).toBe(false);
  });

  it('is valid SARIF 2.1.0 for a run with findings', () => {
    const { status, log } = sarifOf(['examples/invalid']);
    expect(status).toBe(1);
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThanOrEqual(20);
    expect(log.runs[0].results.some((r: { relatedLocations?: unknown[] }) => (r.relatedLocations?.length ?? 0) > 0)).toBe(true);
  });

  it('is valid SARIF 2.1.0 for a clean run', () => {
    const { status, log } = sarifOf(['examples/demo-project.yaml']);
    expect(status).toBe(0);
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  it('is valid for YAML-level findings too', () => {
    const run = runCli(['--stdin', '--stdin-filename', 'bad.yaml', '--format', 'sarif', '--no-config-lookup'], { cwd: WORKSPACE_ROOT, input: 'a: 1\na: 2\n' });
    const log = JSON.parse(run.stdout);
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: 'yaml/duplicate-key', relatedLocations: [{ id: 1 }] });
  });

  it('lists every rule with its id, help URI and default level, and each result points at its rule', () => {
    const { log } = sarifOf(['examples/invalid']);
    const rules = log.runs[0].tool.driver.rules as { id: string; helpUri: string; defaultConfiguration: { level: string } }[];
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(/^https:\/\//);
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
    expect(rules.find((r) => r.id === 'kms/key-rotation-age')?.defaultConfiguration.level).toBe('warning');
    for (const result of log.runs[0].results as { ruleId: string; ruleIndex: number }[]) {
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
    }
  });
});
