import { describe, expect, it } from 'vitest';
import { closest, quote } from './messages';

describe('quote', () => {
  it('quotes a value as short JSON', () => {
    expect(quote('AWS')).toBe('"AWS"');
    expect(quote({ a: 'x'.repeat(100) })).toBe(`{"a":"${'x'.repeat(33)}…`);
  });

  it('names a value nested too deeply for JSON.stringify instead of throwing (a hostile request body)', () => {
    expect(quote(JSON.parse(`${'['.repeat(10_000)}1${']'.repeat(10_000)}`))).toBe('[…]');
    expect(quote(JSON.parse(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`))).toBe('{…}');
  });
});

describe('closest', () => {
  it('finds the name a typo meant', () => {
    expect(closest('regionNam', ['regionName', 'priority'])).toBe('regionName');
    expect(closest('REGIONNAME', ['regionName', 'priority'])).toBe('regionName');
    expect(closest('zzzz', ['regionName', 'priority'])).toBeUndefined();
  });

  it('answers at once for a key of a million characters, which no name is within reach of', () => {
    // Without the length bound this built a million-row table per candidate.
    const names = Array.from({ length: 40 }, (_, i) => `attributeName${i}`);
    expect(closest('k'.repeat(1_000_000), names)).toBeUndefined();
  });
});
