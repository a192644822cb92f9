import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYamlSource } from '@mock-atlas/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agrees, checkConformance, formatReport } from './conformance';
import { startMockUnderTest, type MockUnderTest } from './mock-under-test';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const examplesDir = join(workspaceRoot, 'examples');

/** Every YAML file under examples/, recursively, so that a new example is checked without listing it. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.name === 'node_modules') return [];
      if (entry.isDirectory()) return yamlFiles(join(dir, entry.name));
      return /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : [];
    })
    .sort();
}

/** A project config, as opposed to other YAML an example may hold (a CI workflow): top-level `version` and `project`. */
function isProjectConfig(file: string): boolean {
  const value: unknown = parseYamlSource(readFileSync(file, 'utf8')).value;
  return value !== null && typeof value === 'object' && 'version' in value && 'project' in value;
}

const files = yamlFiles(examplesDir)
  .filter(isProjectConfig)
  .map((file) => relative(workspaceRoot, file));

let mock: MockUnderTest;
beforeAll(async () => {
  mock = await startMockUnderTest();
});
afterAll(async () => {
  await mock.close();
});

describe('issue 6 item 4: every fixture in examples/', () => {
  it('finds the demo project and the one-rule examples', () => {
    expect(files).toContain('examples/demo-project.yaml');
    expect(files.filter((f) => f.startsWith('examples/invalid/')).length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s: atlas-lint and mock-atlas agree', async (file) => {
    const report = await checkConformance(mock, readFileSync(join(workspaceRoot, file), 'utf8'));
    expect(agrees(report), `${file}\n${formatReport(report)}`).toBe(true);
  });
});
