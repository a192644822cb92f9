// The property-based half of the suite: random configs from arbitraries/config.ts, each checked
// by (a) and (b); a disagreement is shrunk by fast-check to a minimal config, printed as YAML.
import fc from 'fast-check';
import { configArb } from './arbitraries/config';
import { agrees, checkConformance, formatReport, type ConformanceReport } from './conformance';
import type { MockUnderTest } from './mock-under-test';
import { toYaml } from './to-yaml';

/** What a run saw, so that a test can tell a thorough run from one that never reached a rule. */
export interface PropertyStats {
  configs: number;
  /** Configs atlas-lint found no error in. */
  clean: number;
  /** Configs check (b) applied through the API; the rest, by reason. */
  applied: number;
  readonly notApplicable: Map<string, number>;
  /** Configs in which atlas-lint reported each rule or schema id at least once. */
  readonly ruleHits: Map<string, number>;
}

export interface PropertyOutcome {
  readonly stats: PropertyStats;
  readonly seed: number;
  /** The failure message (minimal config, disagreement, how to replay), or undefined when all agreed. */
  readonly failure?: string;
}

function record(stats: PropertyStats, report: ConformanceReport): void {
  stats.configs++;
  if (!report.lint.some((f) => f.severity === 'error')) stats.clean++;
  if ('notApplicable' in report.api) stats.notApplicable.set(report.api.notApplicable, (stats.notApplicable.get(report.api.notApplicable) ?? 0) + 1);
  else stats.applied++;
  for (const id of new Set(report.lint.map((f) => f.ruleId))) stats.ruleHits.set(id, (stats.ruleHits.get(id) ?? 0) + 1);
}

/**
 * The seed of `npm test`'s run: fixed, so that every run checks the same 2,000 configs and a
 * failure in CI is one anyone can replay; CONFORMANCE_SEED explores others.
 */
export const DEFAULT_SEED = 20261122;

/**
 * Checks `runs` random configs against the mock; on a disagreement fast-check shrinks the config
 * and the outcome carries the minimal one as YAML with both tools' verdicts.
 * @example const { failure, stats } = await checkRandomConfigs(mock, { runs: 1000 });
 */
export async function checkRandomConfigs(mock: MockUnderTest, options: { runs: number; seed?: number; path?: string }): Promise<PropertyOutcome> {
  const stats: PropertyStats = { configs: 0, clean: 0, applied: 0, notApplicable: new Map(), ruleHits: new Map() };
  const property = fc.asyncProperty(configArb, async (config) => {
    const report = await checkConformance(mock, toYaml(config));
    record(stats, report);
    return agrees(report);
  });
  const seed = options.seed ?? DEFAULT_SEED;
  const details = await fc.check(property, { numRuns: options.runs, seed, ...(options.path ? { path: options.path } : {}) });
  if (!details.failed) return { stats, seed };

  const minimal = details.counterexample?.[0];
  const lines = [
    `atlas-lint and mock-atlas disagree on a random config (seed ${details.seed}, after ${details.numRuns} configs, shrunk ${details.numShrinks} times).`,
  ];
  if (minimal === undefined) {
    lines.push(`fast-check found no counterexample: ${String(details.errorInstance)}`);
  } else {
    const yaml = toYaml(minimal);
    lines.push('Minimal config:', '---', yaml.trimEnd(), '---');
    try {
      lines.push(formatReport(await checkConformance(mock, yaml)));
    } catch (error) {
      lines.push(`checking it throws: ${String(error)}`);
    }
    // A property that returned false has fast-check's own error; only a thrown one says more.
    const thrown = details.errorInstance;
    if (thrown && !String(thrown).includes('Property failed by returning false')) lines.push(`the property threw: ${String(thrown)}`);
  }
  lines.push(
    `Replay: CONFORMANCE_SEED=${details.seed} CONFORMANCE_PATH=${details.counterexamplePath ?? ''} node tools/scripts/vitest-project.mjs tools/conformance`,
  );
  return { stats, seed, failure: lines.join('\n') };
}

/** A one-line account of a run, for the test log. */
export function describeStats(stats: PropertyStats, ms: number): string {
  const notApplicable = [...stats.notApplicable.values()].reduce((a, b) => a + b, 0);
  return `${stats.configs} random configs in ${(ms / 1000).toFixed(1)} s: ${stats.clean} lint-clean, ${stats.configs - stats.clean} with errors; (b) applied ${stats.applied}, not applicable ${notApplicable}; ${stats.ruleHits.size} rule and schema ids reached`;
}
