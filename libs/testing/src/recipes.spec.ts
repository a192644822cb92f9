// Every recipe under examples/recipes runs here, the way its page says to run it, so none can
// rot: the two vitest recipes, Jest (plain ESM JavaScript), node:test, and the shell and Python
// scripts of any-language.md, whose output must be the output the page shows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundlesBuilt, run, WORKSPACE_ROOT, type Finished } from './spec-support/workspace';

const RECIPES = 'examples/recipes';
const SLOW = 180_000;

let reports: string;

beforeAll(() => {
  ensureBundlesBuilt();
  reports = mkdtempSync(join(tmpdir(), 'mock-atlas-recipes-'));
}, SLOW);

afterAll(() => {
  rmSync(reports, { recursive: true, force: true });
});

/** The counts vitest's and Jest's JSON reporters both write. */
interface JsonReport {
  readonly numTotalTests: number;
  readonly numPassedTests: number;
  readonly numFailedTests: number;
}

function expectAllPassed(finished: Finished, reportFile: string): JsonReport {
  const output = `${finished.stdout}\n${finished.stderr}`;
  expect(finished.code, output).toBe(0);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport;
  expect(report.numFailedTests, output).toBe(0);
  expect(report.numTotalTests).toBeGreaterThan(0);
  expect(report.numPassedTests).toBe(report.numTotalTests);
  return report;
}

const vitest = (recipe: string, reportFile: string) =>
  run(process.execPath, [join(WORKSPACE_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', `${RECIPES}/${recipe}`, '--reporter=json', `--outputFile=${reportFile}`]);

describe('recipes', () => {
  it('vitest-global-setup: one mock for the run, handed to the tests with provide/inject', { timeout: SLOW }, async () => {
    const file = join(reports, 'vitest-global-setup.json');
    expectAllPassed(await vitest('vitest-global-setup', file), file);
  });

  it('vitest-fixture: a mock per test with test.extend', { timeout: SLOW }, async () => {
    const file = join(reports, 'vitest-fixture.json');
    expectAllPassed(await vitest('vitest-fixture', file), file);
  });

  it('jest: node --experimental-vm-modules node_modules/jest/bin/jest.js, plain ESM JavaScript', { timeout: SLOW }, async () => {
    const file = join(reports, 'jest.json');
    const finished = await run(process.execPath, [
      '--experimental-vm-modules',
      'node_modules/jest/bin/jest.js',
      '--config',
      `${RECIPES}/jest/jest.config.mjs`,
      '--ci',
      '--no-watchman',
      '--json',
      `--outputFile=${file}`,
    ]);
    expectAllPassed(finished, file);
  });

  it('node-test: node --test, nothing else', { timeout: SLOW }, async () => {
    const finished = await run(process.execPath, ['--test', '--test-reporter=tap', `${RECIPES}/node-test/lost-key.test.mjs`]);
    expect(finished.code, finished.stdout + finished.stderr).toBe(0);
    const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(finished.stdout)?.[1]);
    expect(count('fail')).toBe(0);
    expect(count('pass')).toBeGreaterThan(0);
    expect(count('pass')).toBe(count('tests'));
  });
});

describe('any-language.md, against the built CLI bundle', () => {
  const page = readFileSync(join(WORKSPACE_ROOT, RECIPES, 'any-language.md'), 'utf8');
  const blocks = [...page.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, code]) => ({ lang: lang!, code: code! }));
  /** The script in a `lang` block and the output the page shows in the `text` block after it. */
  const example = (lang: string) => {
    const at = blocks.findIndex((b) => b.lang === lang);
    const output = blocks[at + 1];
    if (at < 0 || output?.lang !== 'text') throw new Error(`any-language.md needs a ${lang} block followed by its output in a text block`);
    return { script: blocks[at]!.code, output: output.code };
  };
  const env = { MOCK_ATLAS: 'apps/mock-atlas/dist/mock-atlas.mjs' };

  // The page's default command, node_modules/.bin/mock-atlas, is what a reader runs: a fresh
  // `npm ci` must have linked it. Empty rather than unset, so that a MOCK_ATLAS in the outer
  // environment cannot stand in for it (bash's `${MOCK_ATLAS:-…}` treats both alike).
  it('the shell example prints what the page shows, run through node_modules/.bin/mock-atlas', { timeout: SLOW }, async () => {
    const { script, output } = example('bash');
    const finished = await run('bash', ['-c', script], { env: { MOCK_ATLAS: '' } });
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).toBe(output);
  });

  // The run above finds the bundle built before it, so it would also pass with a bin pointing
  // into dist/, which npm cannot link on a fresh clone (it links bins before prepare builds).
  it('every workspace bin is a committed file outside dist/, so npm ci can link it', () => {
    const tracked = new Set(execFileSync('git', ['ls-files', 'apps', 'libs', 'tools'], { cwd: WORKSPACE_ROOT, encoding: 'utf8' }).split('\n'));
    const manifests = [...tracked].filter((f) => /^(apps|libs|tools)\/[^/]+\/package\.json$/.test(f));
    const bins = manifests.flatMap((manifest) => {
      const { bin } = JSON.parse(readFileSync(join(WORKSPACE_ROOT, manifest), 'utf8')) as { bin?: string | Record<string, string> };
      const targets = typeof bin === 'string' ? [bin] : Object.values(bin ?? {});
      return targets.map((target) => posix.join(posix.dirname(manifest), target));
    });
    expect(bins.length, 'the apps declare bins').toBeGreaterThanOrEqual(2);
    for (const target of bins) {
      expect(target, 'a bin outside dist/').not.toMatch(/\/dist\//);
      expect(tracked.has(target), `${target} is committed`).toBe(true);
    }
  });

  it('the Python example prints what the page shows', { timeout: SLOW }, async () => {
    const { script, output } = example('python');
    const finished = await run('python3', ['-c', script], { env });
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).toBe(output);
  });
});
