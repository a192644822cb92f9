import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deterministicObjectId, deterministicUuid } from './ids';

describe('deterministic ids', () => {
  it('spec pattern ^([a-f0-9]{24})$: any text gives an ObjectId-shaped id, the same each time', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const id = deterministicObjectId(text);
        expect(id).toMatch(/^[a-f0-9]{24}$/);
        expect(deterministicObjectId(text)).toBe(id);
      }),
    );
  });

  it('gives the same ids after its memory of recent ones has filled and been cleared', () => {
    const texts = Array.from({ length: 10_000 }, (_, i) => `cluster:${i}`);
    const first = texts.map(deterministicObjectId);
    expect(new Set(first).size).toBe(texts.length);
    expect(texts.map(deterministicObjectId)).toEqual(first);
    expect(deterministicObjectId('cluster:0')).toBe(first[0]);
  });

  it('spec format uuid: masterKeyUUID-shaped ids', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(deterministicUuid(text)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
      }),
    );
  });

  it('different names give different ids (no collisions among 2,000 project names)', () => {
    const ids = new Set(Array.from({ length: 2000 }, (_, i) => deterministicObjectId(`project-${i}`)));
    expect(ids.size).toBe(2000);
  });
});
