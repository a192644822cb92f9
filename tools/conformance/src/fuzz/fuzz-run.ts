// The property: for every fuzzed request, the mock's answer is right (fuzz-session.ts). A failure
// is shrunk by fast-check to a minimal request and reported with the seed and path to replay it.
import fc from 'fast-check';
import type { MockUnderTest } from '../mock-under-test';
import { FuzzSession, type Outcome } from './fuzz-session';
import { describeRequest, requestArb, type FuzzRequest } from './requests';

/** What a run saw, so that a test can tell a thorough run from a shallow one. */
export interface FuzzStats {
  requests: number;
  mutated: number;
  /** `<operation> → <status> <errorCode>` → count. */
  readonly answers: Map<string, number>;
  /** Requests compared with the linter, by the linter's verdict: accepted, rule, schema. */
  readonly compared: Map<string, number>;
  /** Requests not compared with the linter, by reason. */
  readonly notCompared: Map<string, number>;
  /** Known findings (known-findings.ts) met, by id. */
  readonly pinned: Map<string, number>;
}

export interface FuzzRunOutcome {
  readonly stats: FuzzStats;
  readonly seed: number;
  readonly loads: number;
  /** The failure report (minimal request, what was wrong, how to replay); undefined when all was right. */
  readonly failure?: string;
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

function record(stats: FuzzStats, request: FuzzRequest, outcome: Outcome): void {
  stats.requests++;
  if (request.mutations.length > 0) stats.mutated++;
  const body = outcome.reply.body as { errorCode?: unknown } | undefined;
  const code = outcome.reply.status >= 400 ? ` ${String(body?.errorCode)}` : '';
  bump(stats.answers, `${request.operation.key} → ${outcome.reply.status}${code}`);
  for (const id of outcome.pinned) bump(stats.pinned, id);
  const { agreement } = outcome;
  if (!agreement.compared) {
    if (request.operation.resource) bump(stats.notCompared, agreement.reason);
    return;
  }
  const verdict = agreement.lintErrors.length === 0 ? 'accepted' : agreement.lintErrors.some((e) => e.startsWith('schema/')) ? 'schema' : 'rule';
  bump(stats.compared, verdict);
}

/** Thrown by the property, so that fast-check keeps the problems of the minimal request. */
class WrongAnswer extends Error {}

/**
 * Sends `runs` fuzzed requests and checks each answer; on a failure, fast-check shrinks the
 * request, and the outcome carries the minimal one with what was wrong.
 * @example const { failure, stats } = await fuzzRequests(mock, { runs: 3000, seed: 1 });
 */
export async function fuzzRequests(mock: MockUnderTest, options: { runs: number; seed: number; path?: string }): Promise<FuzzRunOutcome> {
  const session = new FuzzSession(mock);
  const stats: FuzzStats = { requests: 0, mutated: 0, answers: new Map(), compared: new Map(), notCompared: new Map(), pinned: new Map() };
  const property = fc.asyncProperty(requestArb, async (request) => {
    const outcome = await session.send(request);
    record(stats, request, outcome);
    if (outcome.problems.length > 0) {
      throw new WrongAnswer(`answered ${outcome.reply.status} ${outcome.reply.text.slice(0, 400)}\n  - ${outcome.problems.join('\n  - ')}`);
    }
  });
  const details = await fc.check(property, { numRuns: options.runs, seed: options.seed, ...(options.path ? { path: options.path } : {}) });
  const base = { stats, seed: options.seed, loads: session.loads };
  if (!details.failed) return base;
  const minimal = details.counterexample?.[0];
  const lines = [
    `A fuzzed request was answered wrongly (seed ${details.seed}, after ${details.numRuns} requests, shrunk ${details.numShrinks} times).`,
    minimal ? describeRequest(minimal) : '(no counterexample)',
    String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance),
    `Replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} npx vitest run --root tools/conformance src/fuzz/fuzz.spec.ts`,
  ];
  return { ...base, failure: lines.join('\n') };
}

/** A one-line account of a run, for the test log. */
export function describeFuzzStats(stats: FuzzStats, loads: number, ms: number): string {
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const compared = [...stats.compared].map(([k, v]) => `${v} ${k}`).join(', ');
  const pinned = stats.pinned.size === 0 ? 'none' : [...stats.pinned].map(([k, v]) => `${k} ×${v}`).join(', ');
  return `${stats.requests} fuzzed requests (${stats.mutated} with broken bodies) in ${(ms / 1000).toFixed(1)} s, ${loads} base loads; ${stats.answers.size} distinct answers; compared with the linter ${sum(stats.compared)} (${compared}), not comparable ${sum(stats.notCompared)}; known findings met: ${pinned}`;
}
