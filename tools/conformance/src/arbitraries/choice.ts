// How the generators choose: the usual option first and most often, the unusual ones now and
// then, and shrinking that can move from an unusual option back to the usual one.
import fc from 'fast-check';

/**
 * fast-check shrinks within the option a value came from; with cross-shrinking it may also move
 * to the first option, so a counterexample drops every unusual choice it does not need.
 */
export const SHRINK_TO_FIRST = { withCrossShrink: true } as const;

/**
 * `usual` most of the time (`weight` to 1), else `rare`; shrinks towards `usual`.
 * @example mostly(fc.constant('ENABLED'), fc.constant('DISABLED'), 8)
 */
export function mostly<T, U>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<U>, weight = 20): fc.Arbitrary<T | U> {
  return fc.oneof(SHRINK_TO_FIRST, { arbitrary: usual, weight }, { arbitrary: rare, weight: 1 });
}

/**
 * A value mostly (`weight` to 1), nothing now and then; shrinks towards nothing, so that a
 * counterexample keeps only the entries it needs.
 */
export function present<T>(arb: fc.Arbitrary<T>, weight: number): fc.Arbitrary<T | undefined> {
  return fc.oneof(SHRINK_TO_FIRST, { arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: arb, weight });
}

/** A value, or now and then nothing: the field is left out; shrinks towards the value. */
export const maybe = <T>(arb: fc.Arbitrary<T>, weight = 20): fc.Arbitrary<T | undefined> => mostly(arb, fc.constant(undefined), weight);

/** The object without its undefined fields (YAML would write them as null). */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
