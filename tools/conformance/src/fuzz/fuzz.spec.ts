import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintConfig } from '../lint-config';
import { startMockUnderTest, type MockUnderTest } from '../mock-under-test';
import { toYaml } from '../to-yaml';
import { BASES } from './bases';
import { describeFuzzStats, fuzzRequests } from './fuzz-run';
import { OPERATIONS } from './requests';

/** Requests per `npm test` (about 20 s on two busy cores); FUZZ_RUNS=20000 for a long hunt. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2500);
/** Fixed, so that every run of the suite sends the same requests; FUZZ_SEED to explore or replay. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20260601);
const PATH = process.env['FUZZ_PATH'];

let mock: MockUnderTest;
beforeAll(async () => {
  mock = await startMockUnderTest();
});
afterAll(async () => {
  await mock.close();
});

describe('issue 8 item 2: requests fuzzed from the JSON schemas', () => {
  it.each(Object.values(BASES).map((b) => [b.name, b] as const))('the %s base project is lint-clean', (_name, base) => {
    expect(lintConfig(toYaml(base.config)).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it(
    `${RUNS} requests: no 5xx, Atlas errors from the catalogue, the official contract, and never a verdict the linter contradicts`,
    async () => {
      const started = performance.now();
      const outcome = await fuzzRequests(mock, { runs: RUNS, seed: SEED, ...(PATH ? { path: PATH } : {}) });
      if (outcome.failure) expect.fail(outcome.failure);
      console.log(`${describeFuzzStats(outcome.stats, outcome.loads, performance.now() - started)} (seed ${outcome.seed})`);
      if (process.env['FUZZ_VERBOSE']) console.log([...outcome.stats.answers, ...outcome.stats.notCompared].map(([k, v]) => `${String(v).padStart(6)}  ${k}`).sort().join('\n'));
      if (PATH) return;

      // A run that is right but never reached past the schema checks proves little.
      const { stats } = outcome;
      for (const operation of OPERATIONS) {
        const answers = [...stats.answers].filter(([k]) => k.startsWith(`${operation.key} → `)).map(([k]) => k.split(' → ')[1]!);
        expect(answers.some((a) => a.startsWith('2')), `${operation.key} succeeded at least once`).toBe(true);
        expect(answers.some((a) => a.startsWith('4')), `${operation.key} was refused at least once`).toBe(true);
      }
      for (const verdict of ['accepted', 'rule', 'schema']) expect(stats.compared.get(verdict) ?? 0, `linter verdicts "${verdict}"`).toBeGreaterThan(RUNS / 100);
    },
    Math.max(120_000, RUNS * 60),
  );
});
