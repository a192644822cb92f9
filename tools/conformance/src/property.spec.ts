import { allRules } from '@mock-atlas/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUnderTest, type MockUnderTest } from './mock-under-test';
import { checkRandomConfigs, describeStats } from './property';
import { UNBREAKABLE_BY_A_CONFIG } from './rule-cases';

/** Configs per `npm test`; CONFORMANCE_RUNS=20000 for a long local hunt. */
const RUNS = Number(process.env['CONFORMANCE_RUNS'] ?? 2000);
const SEED = process.env['CONFORMANCE_SEED'] === undefined ? undefined : Number(process.env['CONFORMANCE_SEED']);
const PATH = process.env['CONFORMANCE_PATH'];

/** Rules the random configs must reach in every run: every lint-scope rule a config can break. */
const REACHABLE = allRules.filter((r) => r.scope.includes('lint') && !UNBREAKABLE_BY_A_CONFIG.includes(r.id)).map((r) => r.id);

let mock: MockUnderTest;
beforeAll(async () => {
  mock = await startMockUnderTest();
});
afterAll(async () => {
  await mock.close();
});

describe('issue 6 item 4: random configs (fast-check)', () => {
  it(
    `atlas-lint and mock-atlas agree on ${RUNS} random configs, through POST /_mock/projects and through the Atlas API`,
    async () => {
      const started = performance.now();
      const outcome = await checkRandomConfigs(mock, { runs: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH ? { path: PATH } : {}) });
      if (outcome.failure) expect.fail(outcome.failure);
      console.log(`${describeStats(outcome.stats, performance.now() - started)} (seed ${outcome.seed})`);

      // A run that agrees but never broke a rule proves little: the mix must reach them all.
      const missed = REACHABLE.filter((id) => !outcome.stats.ruleHits.has(id));
      expect(missed, `rules no random config broke (seed ${outcome.seed})`).toEqual([]);
      expect(outcome.stats.clean, 'lint-clean configs').toBeGreaterThan(RUNS / 10);
      expect(outcome.stats.applied, 'configs applied through the API').toBeGreaterThan(RUNS / 2);
    },
    Math.max(120_000, RUNS * 100),
  );
});
