import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUnderTest, type MockUnderTest } from '../mock-under-test';
import { FuzzSession } from './fuzz-session';
import { KNOWN_FINDINGS } from './known-findings';

let mock: MockUnderTest;
beforeAll(async () => {
  mock = await startMockUnderTest();
});
afterAll(async () => {
  await mock.close();
});

// Characterisation, not endorsement: each entry is a reported problem that another part of the
// work owns. When one of these fails because the problem is fixed, delete the entry.
describe('known findings of the request fuzzer (reported, not yet fixed)', () => {
  it('have distinct ids', () => {
    expect(new Set(KNOWN_FINDINGS.map((k) => k.id)).size).toBe(KNOWN_FINDINGS.length);
  });

  it.each(KNOWN_FINDINGS.map((k) => [k.id, k] as const))('%s: the example still shows it, and nothing else', async (id, known) => {
    const outcome = await new FuzzSession(mock).send(known.example);
    expect(outcome.pinned).toEqual([id]);
    expect(outcome.problems).toEqual([]);
  });
});
