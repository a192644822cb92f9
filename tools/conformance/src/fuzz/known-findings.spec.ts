import { afterAll, describe, expect, it } from 'vitest';
import { startMockUnderTest, type MockUnderTest } from '../mock-under-test';
import { FuzzSession } from './fuzz-session';
import { KNOWN_FINDINGS, splitKnown, type KnownFinding } from './known-findings';

// The mock starts only when an entry needs it (none while the list is empty).
let mock: MockUnderTest | undefined;
afterAll(async () => {
  await mock?.close();
});

describe('pinning a known finding', () => {
  // The list is empty today; the split FuzzSession.send reports through is checked on a made-up
  // entry, so that pinning works the day the fuzzer finds something another part of the work must fix.
  const example = { body: {} } as unknown as KnownFinding['example'];
  const madeUp: KnownFinding = {
    id: 'made-up',
    summary: 'a 413 with a numeric parameter',
    owner: 'nobody',
    matches: (problem) => problem.startsWith('contract (ApiError 413'),
    example,
  };

  it('counts a problem an entry matches as that entry, and keeps every other problem a failure', () => {
    const problems = ['contract (ApiError 413 application/json): /parameters/0 must be string,object', '5xx: 500 UNEXPECTED_ERROR'];
    expect(splitKnown(problems, example, [madeUp])).toEqual({ problems: ['5xx: 500 UNEXPECTED_ERROR'], pinned: ['made-up'] });
    expect(splitKnown(problems, example, [])).toEqual({ problems, pinned: [] });
  });
});

// Characterisation, not endorsement: each entry is a reported problem that another part of the
// work owns. When one of these fails because the problem is fixed, delete the entry.
it.each(KNOWN_FINDINGS.map((k) => [k.id, k] as const))('%s: the example still shows it, and nothing else', async (id, known) => {
  mock ??= await startMockUnderTest();
  const outcome = await new FuzzSession(mock).send(known.example);
  expect(outcome.pinned).toEqual([id]);
  expect(outcome.problems).toEqual([]);
});
