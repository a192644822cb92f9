import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintBytes, lintText } from './lint-text';
import type { RuleSetting } from './types';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const NOW = '2026-11-22T12:00:00Z';
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const lint = (text: string, settings?: Record<string, RuleSetting>) =>
  lintText(text, { filePath: 'p.yaml', now: NOW, ...(settings ? { settings: new Map(Object.entries(settings)) } : {}) });

const ROTATION = example('invalid/kms--key-rotation-age.yaml');

describe('lintText', () => {
  it('passes the demo project', () => {
    expect(lint(example('demo-project.yaml'))).toEqual({ filePath: 'p.yaml', findings: [], errorCount: 0, warningCount: 0 });
  });

  it('S0:90-93 positions a cross-entity finding at the restore job and relates the snapshot key', () => {
    // restore--key-valid.yaml: line 28 is the restore job's snapshotId, line 25 the snapshot's encryptionKey.
    const [finding] = lint(example('invalid/restore--key-valid.yaml')).findings;
    expect(finding).toMatchObject({
      ruleId: 'restore/key-valid',
      line: 28,
      column: 17,
      endLine: 28,
      endColumn: 41,
      path: 'restoreJobs[0].snapshotId',
      errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED',
      httpStatus: 400,
    });
    expect(finding!.related).toEqual([expect.objectContaining({ line: 25, column: 5 })]);
  });

  it('S0:95 one mistake, one finding: Legacy Backup on the demo’s CMK cluster does not also make the cluster missing for its schedule and restore', () => {
    const demo = example('demo-project.yaml');
    expect(demo.split('providerBackupEnabled: true')).toHaveLength(2);
    const { findings } = lint(demo.replace('providerBackupEnabled: true', 'backupEnabled: true'));
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.httpStatus} ${f.errorCode}`)).toEqual([
      '48:20 backup/no-legacy-with-cmk 400 CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE',
    ]);
  });

  it('spec (docs/atlas-lint.md): an unknown attribute is reported at its key, the node that must change, not at its value', () => {
    const demo = example('demo-project.yaml');
    expect(demo.split('\n')[48]).toBe('    pitEnabled: true');
    const { findings } = lint(demo.replace('    pitEnabled: true', '    pitEnabeld: true'));
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'schema/unknown-field', path: 'clusters[0].pitEnabeld', line: 49, column: 5, endLine: 49, endColumn: 15 }),
    ]);
  });

  it('spec: an unknown attribute in a flow mapping, and one whose value is a block, are reported at the key', () => {
    const text = 'version: 1\nproject: { name: p, colour: blue }\nkms:\n  keyz:\n    - { provider: AWS }\n';
    expect(lint(text).findings.map((f) => [f.path, f.line, f.column, f.endColumn])).toEqual([
      ['project.colour', 2, 21, 27],
      ['kms.keyz', 4, 3, 7],
    ]);
  });

  it('spec: the same in YAML only the full parser reads (an anchor)', () => {
    const text = 'version: 1\nproject: { name: p, colour: &c blue }\n';
    expect(lint(text).findings.map((f) => [f.path, f.line, f.column, f.endColumn])).toEqual([['project.colour', 2, 21, 27]]);
  });

  it('S3:500 a read-only `valid` is reported at its key: no value of it is accepted', () => {
    const [finding] = lint(example('invalid/ear--valid-is-read-only.yaml')).findings;
    expect(finding).toMatchObject({ ruleId: 'ear/valid-is-read-only', line: 11, column: 5, endLine: 11, endColumn: 10 });
  });

  it('counts errors and warnings', () => {
    expect(lint(ROTATION)).toMatchObject({ errorCount: 0, warningCount: 1 });
  });

  it('spec (config): a rule set to off is not reported, and a warn rule can be raised to error', () => {
    expect(lint(ROTATION, { 'kms/key-rotation-age': 'off' }).findings).toEqual([]);
    expect(lint(ROTATION, { 'kms/key-rotation-age': 'error' })).toMatchObject({ errorCount: 1, warningCount: 0 });
  });

  it('spec (config): an error rule lowered to warn is reported as a warning', () => {
    const result = lint(example('invalid/schema--type.yaml'), { 'schema/type': 'warn' });
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['schema/type', 'warn']]);
  });

  it('spec: a suppression of a rule that is turned off suppresses nothing, and says so', () => {
    const text = ROTATION.replace('      createdAt:', '      # atlas-lint-disable-next-line kms/key-rotation-age -- old key\n      createdAt:');
    expect(lint(text).findings).toEqual([]);
    expect(lint(text, { 'kms/key-rotation-age': 'off' }).findings.map((f) => f.ruleId)).toEqual(['lint/unused-suppression']);
    expect(lint(text, { 'kms/key-rotation-age': 'off', 'lint/unused-suppression': 'off' }).findings).toEqual([]);
  });

  it('runs no rule on broken YAML: only the YAML problem is reported', () => {
    const broken = `${example('invalid/schema--type.yaml')}project: { name: again }\n`;
    expect(lint(broken).findings.map((f) => f.ruleId)).toEqual(['yaml/duplicate-key']);
  });

  it('reports parser warnings as yaml/warning, which config and suppressions can silence', () => {
    const text = `%FOO bar\n---\n${example('demo-project.yaml')}`;
    expect(lint(text).findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([['yaml/warning', 'warn', 1]]);
    expect(lint(text, { 'yaml/warning': 'off' }).findings).toEqual([]);
  });

  it('refuses to let a lint/* finding be suppressed', () => {
    const text = `# atlas-lint-disable-next-line lint/unused-suppression -- no\n${example('demo-project.yaml')}`;
    const findings = lint(text).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['lint/suppression-invalid']);
    expect(findings[0]!.message).toContain('cannot itself be suppressed');
  });

  it('ignores a directive-looking text inside a quoted value', () => {
    const text = example('demo-project.yaml').replace('description: before the March schema migration', 'description: "x # atlas-lint-disable-next-line schema/type -- y"');
    expect(lint(text).findings).toEqual([]);
  });
});

describe('lintBytes', () => {
  it('refuses a file over the size limit unread', () => {
    const result = lintBytes(Buffer.alloc(2048, 0x23), { filePath: 'big.yaml', now: NOW, maxFileBytes: 1024 });
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'yaml/file-too-large', line: 1, column: 1 })]);
  });

  it('reports bytes that are not UTF-8', () => {
    const result = lintBytes(Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]), { filePath: 'x.yaml', now: NOW });
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'yaml/syntax', line: 1, column: 4 })]);
  });
});
