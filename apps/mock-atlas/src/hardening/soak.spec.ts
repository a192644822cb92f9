// The short soak of `npm test` (issue 8 §4): 50 clients for 3 s on the same resources of an
// in-process mock. `npm run soak` runs the long one (apps/mock-atlas/src/hardening/soak-main.ts).
// The two runs of a broken mock show that the soak's checks can fail: one mock silently undoes
// some accepted writes (a lost update), one answers a 500, drops a connection and rate-limits.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMockAtlas } from '../server/start';
import { ContractValidator } from '../testing/contract';
import { runSoak, type SoakReport } from './soak';
import { ControlApi } from './soak-http';
import { FAILURE_KINDS } from './soak-responses';
import { IN_PROCESS_TICK_MS, startSoakTarget } from './soak-target';

const NO_FAILURES = Object.fromEntries(FAILURE_KINDS.map((k) => [k, 0]));

function outcomes(report: SoakReport): string[] {
  return Object.entries(report.byOperation).flatMap(([kind, counts]) => Object.keys(counts).map((outcome) => `${kind} ${outcome}`));
}

describe('the concurrency soak', () => {
  let validator: ContractValidator;
  let atlas: RunningMockAtlas | undefined;
  beforeAll(() => {
    validator = new ContractValidator();
  });
  afterEach(async () => {
    await atlas?.close();
    atlas = undefined;
  });

  it('50 clients racing for 3 s: no 5xx, no dropped connection, contract bodies, only racing refusals, no lost update', async () => {
    atlas = await startSoakTarget();
    const report = await runSoak({ baseUrl: atlas.baseUrl, clients: 50, durationMs: 3000, seed: 8, tickMs: IN_PROCESS_TICK_MS, validator });

    expect(report.samples).toEqual(Object.fromEntries(FAILURE_KINDS.map((k) => [k, []])));
    expect(report.failures).toEqual(NO_FAILURES);
    expect(report.ok).toBe(true);
    // It did race: each resource took accepted writes, and clients met each other's deletes.
    // (Which refusals and late successes appear depends on how the clients interleave.)
    const seen = outcomes(report);
    for (const accepted of ['cluster.patch 200', 'cluster.delete 202', 'ear.patch 200', 'schedule.patch 200', 'snapshot.take 200']) expect(seen).toContain(accepted);
    expect(seen.some((o) => / 4\d\d (CLUSTER_NOT_FOUND|CLUSTER_ALREADY_REQUESTED_DELETION|DUPLICATE_CLUSTER_NAME)$/.test(o))).toBe(true);
    expect(report.clockTicks).toBeGreaterThan(0);
    // Every response was found in the journal and ordered; the replay covered them all.
    expect(report.journal).toMatchObject({ matched: report.requests, gaps: 0 });
    expect(report.consistency.writesReplayed).toBeGreaterThan(20);

    // The mock's own state agrees with the replay's verdict on which clusters are left.
    const left = report.projectIds.reduce((n, id) => n + (atlas!.store.state.projects[id]?.clusters.length ?? 0), 0);
    expect(left).toBe(report.consistency.liveClustersAtEnd);
  }, 60_000);

  it('fails a mock that acknowledges writes and then loses them', async () => {
    atlas = await startSoakTarget();
    const store = atlas.store;
    const commit = store.commit.bind(store);
    let changes = 0;
    // Every third accepted cluster change is undone just after it was answered.
    store.commit = ((result: Parameters<typeof store.commit>[0]) => {
      const before = store.state;
      const value = commit(result);
      const isCluster = typeof value === 'object' && value !== null && 'stateName' in value;
      if (isCluster && store.state !== before && ++changes % 3 === 0) setImmediate(() => store.replace(before));
      return value;
    }) as typeof store.commit;
    const report = await runSoak({ baseUrl: atlas.baseUrl, clients: 20, durationMs: 3000, seed: 3, tickMs: IN_PROCESS_TICK_MS, validator });

    expect(report.ok).toBe(false);
    expect(report.failures.inconsistencies).toBeGreaterThan(0);
    expect(report.failures).toMatchObject({ serverErrors: 0, connectionErrors: 0, contractViolations: 0, unexpectedRefusals: 0 });
  }, 60_000);

  it('counts a 500, a dropped connection and a refusal no race explains', async () => {
    atlas = await startSoakTarget();
    const groups = '/api/atlas/v2/groups/*';
    const control = new ControlApi(atlas.baseUrl);
    await control.call('POST', '/_mock/faults', { method: 'PATCH', path: groups, status: 500, errorCode: 'UNEXPECTED_ERROR', times: 2 });
    await control.call('POST', '/_mock/faults', { method: 'DELETE', path: groups, drop: true, times: 1 });
    await control.call('POST', '/_mock/faults', { method: 'POST', path: groups, status: 429, times: 1 });
    const report = await runSoak({ baseUrl: atlas.baseUrl, clients: 10, durationMs: 3000, seed: 5, tickMs: IN_PROCESS_TICK_MS, validator });

    expect(report.ok).toBe(false);
    expect(report.failures.serverErrors).toBe(2);
    // Seen by the client, or only by the mock when the client library retried on its own.
    expect(report.failures.connectionErrors).toBeGreaterThanOrEqual(1);
    expect(report.failures.unexpectedRefusals).toBe(1);
    expect(report.samples.unexpectedRefusals[0]).toContain('RATE_LIMITED');
    // Faults answer before authentication: the journal has no principal for them, and says so.
    expect(report.failures.journal).toBeGreaterThan(0);
  }, 60_000);
});
