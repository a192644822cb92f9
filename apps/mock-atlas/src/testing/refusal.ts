/**
 * The error a call throws, for tests that look into it further (message, type, fields);
 * fails the test when the call does not throw.
 * @example expect(refusal(() => parseStateKey('short')).message).toMatch(/32 bytes/);
 */
export function refusal(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}
