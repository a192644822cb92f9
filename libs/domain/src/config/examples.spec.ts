// The examples are the product's promise in miniature: the demo project passes every
// rule, and each file of examples/invalid/ breaks exactly the rule it is named after, at
// the line marked `# <- rule-id`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProjectConfig } from './check-project-config';
import { parseYamlSource } from './yaml-source';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const NOW = '2026-11-22T12:00:00Z';
const LINT_ONLY = new Set(['kms/key-rotation-age', 'security/no-plaintext-secrets']);

function load(file: string) {
  const text = readFileSync(file, 'utf8');
  return { text, source: parseYamlSource(text) };
}

describe('examples/demo-project.yaml', () => {
  it('passes every lint rule', () => {
    const { source } = load(join(examples, 'demo-project.yaml'));
    expect(checkProjectConfig(source.value, { scope: 'lint', now: NOW }).findings).toEqual([]);
  });

  it('loads into the mock with every secret resolved, and keeps all of its resources', () => {
    const { source } = load(join(examples, 'demo-project.yaml'));
    const env = { AZURE_CLIENT_SECRET: 'a', MOCK_ATLAS_OWNER_PRIVATE_KEY: 'b', MOCK_ATLAS_READER_PRIVATE_KEY: 'c', MOCK_ATLAS_SA_SECRET: 'd' };
    const result = checkProjectConfig(source.value, { scope: 'mock', now: NOW, env });
    expect(result.findings).toEqual([]);
    const project = result.model!.project;
    expect(project.clusters.map((c) => [c.name, c.instanceSize, c.encryptionAtRestProvider])).toEqual([
      ['orders', 'M30', 'AWS'],
      ['reporting', 'M10', 'AZURE'],
    ]);
    expect(project.encryptionAtRest.providers.AWS).toMatchObject({ enabled: true, valid: true });
    expect(project.encryptionAtRest.providers.AZURE.settings.secret).toBe('a');
    expect(project.restoreJobs).toHaveLength(1);
    expect(project.backupSchedules).toHaveLength(1);
  });
});

describe('examples/invalid', () => {
  const files = readdirSync(join(examples, 'invalid')).filter((f) => f.endsWith('.yaml'));

  it('has one file per rule it covers', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of files) {
    const ruleId = file.replace(/\.yaml$/, '').replace('--', '/');
    it(`${file} breaks exactly ${ruleId}, at the marked line`, () => {
      const { text, source } = load(join(examples, 'invalid', file));
      const markedLine = text.split('\n').findIndex((line) => line.trimEnd().endsWith(`# <- ${ruleId}`)) + 1;
      expect(markedLine, 'the file marks the line it expects').toBeGreaterThan(0);

      const lint = checkProjectConfig(source.value, { scope: 'lint', now: NOW }).findings;
      expect(lint.map((f) => f.ruleId)).toEqual([ruleId]);
      expect(source.locate(lint[0]!.path).line).toBe(markedLine);

      // The mock refuses the same file with the same rule and Atlas code, unless the rule
      // is lint-only advice.
      const mock = checkProjectConfig(source.value, { scope: 'mock', now: NOW, env: new Proxy({}, { get: () => 'x' }) }).findings;
      if (LINT_ONLY.has(ruleId)) expect(mock).toEqual([]);
      else expect(mock.map((f) => [f.ruleId, f.errorCode])).toEqual(lint.map((f) => [f.ruleId, f.errorCode]));
    });
  }
});
