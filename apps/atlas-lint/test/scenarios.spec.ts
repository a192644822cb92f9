// Runs every scenarios/*.scenario file against the built bundle, in a fresh directory
// holding the scenario's assets, and compares stdout, stderr and the exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json';
import { FORMAT_NAMES } from '../src/formatters/types';
import { APP_ROOT, BUNDLE, childEnv } from './cli';
import { parseScenario } from './scenario-file';

const dir = join(APP_ROOT, 'scenarios');
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.scenario'))
  .sort()
  .map((f) => parseScenario(f, readFileSync(join(dir, f), 'utf8')));

describe('scenarios', () => {
  it('cover every output format and every exit code', () => {
    const formats = new Set(scenarios.flatMap((s) => /--format (\w+)/.exec(s.command)?.[1] ?? (/--(print-schema|list-rules|version|help)/.test(s.command) ? [] : ['stylish'])));
    expect(FORMAT_NAMES.filter((f) => !formats.has(f))).toEqual([]);
    expect([...new Set(scenarios.map((s) => s.status))].sort()).toEqual([0, 1, 2]);
  });

  for (const scenario of scenarios) {
    it(`${scenario.name}: ${scenario.test}`, () => {
      const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'atlas-lint-scenario-')));
      for (const asset of scenario.assets) {
        mkdirSync(dirname(join(cwd, asset.path)), { recursive: true });
        writeFileSync(join(cwd, asset.path), asset.content);
      }
      const command = scenario.command.replaceAll('{bin}', `"${process.execPath}" "${BUNDLE}"`);
      const child = spawnSync('/bin/sh', ['-c', command], { cwd, input: scenario.stdin ?? '', env: childEnv(), encoding: 'utf8' });
      const expand = (text: string): string => text.replaceAll('{cwd}', cwd).replaceAll('{version}', packageJson.version);

      if (scenario.stdout !== undefined) expect(child.stdout).toBe(expand(scenario.stdout));
      if (scenario.stdoutJson !== undefined) expect(JSON.parse(child.stdout)).toMatchObject(JSON.parse(expand(JSON.stringify(scenario.stdoutJson))));
      for (const line of scenario.stdoutContains ?? []) expect(child.stdout).toContain(expand(line));
      if (scenario.stderr !== undefined) expect(child.stderr).toBe(expand(scenario.stderr));
      for (const line of scenario.stderrContains ?? []) expect(child.stderr).toContain(expand(line));
      expect(child.status, child.stderr).toBe(scenario.status);
    });
  }
});
