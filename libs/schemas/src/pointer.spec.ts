import { describe, expect, it } from 'vitest';
import { decodeInstancePath, valueAt } from './pointer';

describe('decodeInstancePath', () => {
  it('is empty for the root', () => {
    expect(decodeInstancePath('')).toEqual([]);
  });

  it('unescapes ~1 and ~0 (in that order) and turns indexes into numbers without a document', () => {
    expect(decodeInstancePath('/clusters/0/tags~1x/~01')).toEqual(['clusters', 0, 'tags/x', '~1']);
  });

  it('with the document, turns only array indexes into numbers', () => {
    const doc = { regions: { '7': { list: ['a', 'b'] } } };
    expect(decodeInstancePath('/regions/7/list/1', doc)).toEqual(['regions', '7', 'list', 1]);
  });

  it('keeps leading-zero segments as strings', () => {
    expect(decodeInstancePath('/a/01')).toEqual(['a', '01']);
  });
});

describe('valueAt', () => {
  it('walks objects and arrays and stops at nothing', () => {
    const doc = { a: [{ b: 1 }] };
    expect(valueAt(doc, ['a', 0, 'b'])).toBe(1);
    expect(valueAt(doc, ['a', 1, 'b'])).toBeUndefined();
    expect(valueAt(doc, ['a', 0, 'b', 'c'])).toBeUndefined();
  });
});
