import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile, parseLinterConfig, resolveConfig } from './linter-config';

const KNOWN = new Set(['kms/key-rotation-age', 'security/no-plaintext-secrets', 'schema/type']);
const why = (id: string) => (KNOWN.has(id) ? undefined : `"${id}" is not a rule atlas-lint knows`);
const FILE = '/repo/atlas-lint.config.yaml';

describe('parseLinterConfig', () => {
  it('reads rules, overrides, ignores and keyRotationDays', () => {
    const text = [
      'rules:',
      '  kms/key-rotation-age: off',
      '  security/no-plaintext-secrets: error',
      'overrides:',
      '  - files: ["fixtures/**"]',
      '    rules: { security/no-plaintext-secrets: warn }',
      'ignores: vendor/',
      'keyRotationDays: 365',
    ].join('\n');
    expect(parseLinterConfig(text, FILE, why)).toEqual({
      errors: [],
      config: {
        filePath: FILE,
        baseDir: '/repo',
        rules: { 'kms/key-rotation-age': 'off', 'security/no-plaintext-secrets': 'error' },
        overrides: [{ files: ['fixtures/**'], rules: { 'security/no-plaintext-secrets': 'warn' } }],
        ignores: ['vendor/'],
        keyRotationDays: 365,
      },
    });
  });

  it('accepts an empty file as the defaults', () => {
    expect(parseLinterConfig('', FILE, why).config).toMatchObject({ rules: {}, overrides: [], ignores: [] });
  });

  it('reports each problem at its line and column', () => {
    const text = [
      'rules:', // 1
      '  nope/rule: error', // 2
      '  kms/key-rotation-age: warning', // 3
      'overides: []', // 4
      'overrides:', // 5
      '  - rules: { schema/type: off }', // 6
      'keyRotationDays: 0', // 7
    ].join('\n');
    const { config, errors } = parseLinterConfig(text, FILE, why);
    expect(config).toBeUndefined();
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [4, 1],
      [2, 3],
      [3, 25],
      [6, 5],
      [7, 18],
    ]);
    expect(errors[0]!.message).toContain('Unknown setting "overides"');
    expect(errors[1]!.message).toBe('"nope/rule" is not a rule atlas-lint knows.');
    expect(errors[2]!.message).toContain('must be off, warn or error, not "warning"');
    expect(errors[3]!.message).toContain('"overrides[0].files" must be a glob');
  });

  it('reports broken YAML', () => {
    const { errors } = parseLinterConfig('rules:\n  a: 1\n  a: 2\n', FILE, why);
    expect(errors).toEqual([expect.objectContaining({ line: 3, column: 3, message: expect.stringContaining('Duplicate key "a"') })]);
  });
});

describe('resolveConfig', () => {
  const { config } = parseLinterConfig(
    [
      'rules: { kms/key-rotation-age: off, schema/type: warn }',
      'overrides:',
      '  - files: "fixtures/**"',
      '    rules: { kms/key-rotation-age: error }',
      '  - files: ["*.legacy.yaml"]',
      '    rules: { kms/key-rotation-age: warn }',
      'ignores: ["vendor/", "*.tmpl.yaml"]',
    ].join('\n'),
    FILE,
    why,
  );
  const resolved = resolveConfig(config!);

  it('applies the top-level rules, then every matching override in order', () => {
    expect(Object.fromEntries(resolved.settingsFor('/repo/a.yaml'))).toEqual({ 'kms/key-rotation-age': 'off', 'schema/type': 'warn' });
    expect(resolved.settingsFor('/repo/fixtures/x/a.yaml').get('kms/key-rotation-age')).toBe('error');
    expect(resolved.settingsFor('/repo/fixtures/a.legacy.yaml').get('kms/key-rotation-age')).toBe('warn');
  });

  it('ignores by glob, relative to the config file, and always ignores the config itself', () => {
    expect(resolved.isIgnored('/repo/vendor/a.yaml')).toBe(true);
    expect(resolved.isIgnored('/repo/configs/x.tmpl.yaml')).toBe(true);
    expect(resolved.isIgnored('/repo/configs/x.yaml')).toBe(false);
    expect(resolved.isIgnored('/repo/sub/atlas-lint.config.yaml')).toBe(true);
    expect(resolved.isIgnored('/elsewhere/vendor/a.yaml')).toBe(false);
  });
});

describe('findConfigFile', () => {
  it('finds the nearest atlas-lint.config.yaml upward', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-lint-config-'));
    const deep = join(root, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(root, 'atlas-lint.config.yaml'), 'rules: {}\n');
    expect(findConfigFile(deep)).toBe(join(root, 'atlas-lint.config.yaml'));
    writeFileSync(join(root, 'a', 'atlas-lint.config.yml'), 'rules: {}\n');
    expect(findConfigFile(deep)).toBe(join(root, 'a', 'atlas-lint.config.yml'));
  });
});
