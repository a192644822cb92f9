// Check (b): the first request the Atlas API refuses, when the config is applied to an empty
// project resource by resource, is the one the linter's first error points at, refused with that
// error's Atlas errorCode and HTTP status; and every request succeeds when the linter is clean.
import { allRules } from '@mock-atlas/rules';
import { applyThroughApi, type StepOutcome } from './apply-through-api';
import { configSteps, stepOfPath, type Config } from './config-steps';
import { expectedAnswerOf, isYamlFinding, sharedFindings, type LintFinding } from './lint-config';
import type { MockUnderTest } from './mock-under-test';

/** Why a config was not compared through the API (counted by the suite, never silently). */
export interface NotApplicable {
  readonly notApplicable: string;
}

const CATALOG_ORDER = new Map(allRules.map((rule, i) => [rule.id, i]));

/** A lint error placed in the request sequence: which step, and its rank among that step's checks. */
interface Placed {
  readonly finding: LintFinding;
  readonly step: number;
  readonly rank: number;
}

/**
 * Where a finding falls among the API's checks of one request. Atlas looks the path's cluster up
 * before anything else, then a restore job's snapshot (or a new cluster's name, a schedule's
 * backup configuration) before running the rules; the replay makes those lookups per request too,
 * in `config/references-resolve`, which the catalog runs before the cluster, backup and restore
 * rules. Rules then come in catalog order, as both run them.
 * @example rankOf({ ruleId: 'config/references-resolve', path: 'restoreJobs[0].cluster', … }) // → 0
 */
export function rankOf(finding: LintFinding): number {
  if (finding.ruleId === 'config/references-resolve') return finding.path?.endsWith('.cluster') ? 0 : 1;
  return 2 + (CATALOG_ORDER.get(finding.ruleId) ?? allRules.length);
}

function place(findings: readonly LintFinding[], stepIds: readonly string[]): Placed[] {
  return findings
    .flatMap((finding): Placed[] => {
      const id = stepOfPath(finding.path ?? '');
      const step = id === undefined ? -1 : stepIds.indexOf(id);
      return step < 0 ? [] : [{ finding, step, rank: rankOf(finding) }];
    })
    .sort((a, b) => a.step - b.step || a.rank - b.rank);
}

/** Names of the clusters the API created. */
function createdClusters(config: Config, outcomes: readonly StepOutcome[]): Set<unknown> {
  const clusters = Array.isArray(config['clusters']) ? config['clusters'] : [];
  return new Set(
    outcomes
      .filter((o) => o.step.startsWith('clusters[') && !o.errorCode)
      .map((o) => (clusters[Number(/\d+/.exec(o.step)?.[0])] as Config | undefined)?.['name']),
  );
}

/** The cluster a backup schedule or restore job step names in its path. */
function clusterOfStep(config: Config, step: string): unknown {
  const m = /^(backupSchedules|restoreJobs)\[(\d+)\]$/.exec(step);
  const list = m ? config[m[1]!] : undefined;
  return Array.isArray(list) ? (list[Number(m![2])] as Config | undefined)?.['cluster'] : undefined;
}

const outcomeCode = (o: StepOutcome): string => `${o.status} ${o.errorCode ?? '-'}`;

function describeOutcomes(outcomes: readonly StepOutcome[]): string {
  return outcomes.map((o) => `${o.step}: ${o.errorCode ? `${outcomeCode(o)} (${o.detail ?? ''})` : `${o.status} ok`}`).join('; ');
}

/**
 * Applies the config through the API and compares the first refusal with the linter's first
 * error in request order. Returns the disagreements (none when the tools agree), or why the
 * comparison does not apply to this config.
 * @example await checkApi(mock, config, lintConfig(text)) // → []
 */
export async function checkApi(mock: MockUnderTest, config: Config, lint: readonly LintFinding[]): Promise<string[] | NotApplicable> {
  if (lint.some((f) => isYamlFinding(f) && f.severity === 'error')) return { notApplicable: 'the file is not well-formed YAML' };
  const errors = sharedFindings(lint).filter((f) => f.severity === 'error');
  const schemaErrors = errors.filter((f) => f.ruleId.startsWith('schema/'));
  const { beforeSnapshots, restores } = configSteps(config);
  const stepIds = [...beforeSnapshots, ...restores].map((s) => s.id);

  // The replay checks the whole file against the schema first and runs no rule when it fails;
  // the API checks each body as it arrives. So a schema error claims only its own request.
  const placedSchema = place(schemaErrors, stepIds);
  if (schemaErrors.length > 0 && placedSchema.length === 0)
    return { notApplicable: 'its schema errors are all outside the API requests (project, kms, snapshots, credentials)' };

  const application = await applyThroughApi(mock, config);
  if (!application.applied) return { notApplicable: application.reason };
  const { outcomes } = application;
  const firstRefused = outcomes.findIndex((o) => o.errorCode !== undefined);

  if (placedSchema.length > 0) {
    const step = placedSchema[0]!.step;
    const codes = placedSchema.filter((p) => p.step === step).map((p) => expectedAnswerOf(p.finding));
    const outcome = outcomes[step];
    if (!outcome?.errorCode)
      return [`atlas-lint reports a schema error in ${stepIds[step]} (${codes.join(', ')}), but the API accepted it: ${describeOutcomes(outcomes)}`];
    // Earlier requests may have been refused for rules the linter, stopped by the schema, never
    // ran; and a backup resource's path names a cluster, which Atlas looks up before the body.
    const lookedUp = outcome.errorCode === 'CLUSTER_NOT_FOUND' && !createdClusters(config, outcomes).has(clusterOfStep(config, stepIds[step]!));
    if (firstRefused === step && !lookedUp && !codes.includes(outcomeCode(outcome))) {
      return [
        `atlas-lint's schema error in ${stepIds[step]} is ${codes.join(' or ')}, but the API refused it with ${outcomeCode(outcome)}: ${describeOutcomes(outcomes)}`,
      ];
    }
    return [];
  }

  const placed = place(errors, stepIds);
  const first = placed[0];
  if (!first) {
    return firstRefused < 0
      ? []
      : [`atlas-lint reports no error on any request, but the API refused ${outcomes[firstRefused]!.step}: ${describeOutcomes(outcomes)}`];
  }
  // The rule that refuses first may report several findings (required-fields: two missing
  // targets); the linter prints them by position, so any of them may be the one Atlas answers.
  const firstGroup = placed.filter((p) => p.step === first.step && p.rank === first.rank);
  const group = firstGroup.map((p) => `${p.finding.ruleId} ${expectedAnswerOf(p.finding)}`);
  const expected = firstGroup.map((p) => expectedAnswerOf(p.finding));
  if (firstRefused < 0) return [`atlas-lint's first error is in ${stepIds[first.step]} (${group.join(', ')}), but the API accepted every request`];
  const refused = outcomes[firstRefused]!;
  if (firstRefused !== first.step || !expected.includes(outcomeCode(refused))) {
    return [
      `atlas-lint's first error is in ${stepIds[first.step]} (${group.join(', ')}), but the API first refused ${refused.step} with ${outcomeCode(refused)}: ${describeOutcomes(outcomes)}`,
    ];
  }
  return [];
}
