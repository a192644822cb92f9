import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUnderTest, type MockUnderTest } from '../mock-under-test';
import { FuzzSession } from './fuzz-session';
import { KNOWN_FINDINGS, knownFindingOf, type KnownFinding } from './known-findings';

let mock: MockUnderTest;
beforeAll(async () => {
  mock = await startMockUnderTest();
});
afterAll(async () => {
  await mock.close();
});

// Characterisation, not endorsement: each entry is a reported problem that another part of the
// work owns. When one of these fails because the problem is fixed, delete the entry.
describe('pinning a known finding', () => {
  // The list is empty today; the mechanism is checked on a made-up entry, so that pinning works
  // the day the fuzzer finds something another part of the work must fix.
  const example = KNOWN_FINDINGS[0]?.example ?? ({ body: {} } as unknown as KnownFinding['example']);
  const madeUp: KnownFinding = {
    id: 'made-up',
    summary: 'a 413 with a numeric parameter',
    owner: 'nobody',
    matches: (problem) => problem.startsWith('contract (ApiError 413'),
    example,
  };

  it('names the entry a problem matches, and only that one', () => {
    expect(knownFindingOf('contract (ApiError 413 application/json): /parameters/0 must be string,object', example, [madeUp])?.id).toBe('made-up');
    expect(knownFindingOf('5xx: 500 UNEXPECTED_ERROR', example, [madeUp])).toBeUndefined();
  });
});

// One test per entry (none while the list is empty): the example must still show the finding.
it.each(KNOWN_FINDINGS.map((k) => [k.id, k] as const))('%s: the example still shows it, and nothing else', async (id, known) => {
  const outcome = await new FuzzSession(mock).send(known.example);
  expect(outcome.pinned).toEqual([id]);
  expect(outcome.problems).toEqual([]);
});
