// The bounds parseYamlSource keeps on hostile text: how many problems, how many aliases, how
// long a text the full parser reads; and duplicate keys as the plain value sees them.
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from './yaml-source';

describe('parseYamlSource: limits', () => {
  it('reports at most maxProblems problems, then one that counts the rest, at the first left out', () => {
    const text = '  - ]\n'.repeat(30);
    const { problems } = parseYamlSource(text, { maxProblems: 5 });
    expect(problems).toHaveLength(6);
    const all = parseYamlSource(text, { maxProblems: 1000 }).problems;
    expect(problems.slice(0, 5)).toEqual(all.slice(0, 5));
    expect(problems[5]).toEqual({
      id: 'yaml/syntax',
      severity: 'error',
      message: `${all.length - 5} more YAML problems from here on are not reported: fix the ones above first (is this file YAML at all?).`,
      position: all[5]!.position,
    });
  });

  it('caps duplicate keys found by the fast path the same way', () => {
    const problems = parseYamlSource('a: 1\n'.repeat(10), { maxProblems: 3 }).problems;
    expect(problems.map((p) => [p.id, p.position.line])).toEqual([
      ['yaml/duplicate-key', 2],
      ['yaml/duplicate-key', 3],
      ['yaml/duplicate-key', 4],
      ['yaml/syntax', 5],
    ]);
  });

  it('refuses more aliases than maxAliases, at the first one too many, without expanding any', () => {
    const text = `x: &x 1\ny: [${Array(5).fill('*x').join(', ')}]\n`;
    expect(parseYamlSource(text, { maxAliases: 5 }).problems).toEqual([]);
    const refused = parseYamlSource(text, { maxAliases: 4 });
    expect(refused.value).toBeUndefined();
    expect(refused.problems).toEqual([
      expect.objectContaining({ id: 'yaml/alias-limit', position: { line: 2, column: 21, endLine: 2, endColumn: 23 }, message: expect.stringContaining('more than 4 of them') }),
    ]);
  });

  it('reads only plain YAML beyond maxFullYamlLength, and says where the text stops being plain', () => {
    const plain = `a: 1\nb: [x, y]\n${'# pad\n'.repeat(20)}`;
    expect(parseYamlSource(plain, { maxFullYamlLength: 50 }).problems).toEqual([]);
    const anchored = `a: 1\nb: &b [x, y]\n${'# pad\n'.repeat(20)}`;
    expect(parseYamlSource(anchored, { maxFullYamlLength: 1000 }).problems).toEqual([]);
    expect(parseYamlSource(anchored, { maxFullYamlLength: 50 }).problems).toEqual([
      expect.objectContaining({ id: 'yaml/file-too-large', position: { line: 2, column: 1, endLine: 2, endColumn: 2 }, message: expect.stringContaining('is not plain YAML from here on') }),
    ]);
  });

  it('reports keys that the plain value merges as duplicates (1 and "1" are both the key "1")', () => {
    expect(parseYamlSource('1: a\n"1": b\n').problems).toEqual([
      expect.objectContaining({ id: 'yaml/duplicate-key', position: { line: 2, column: 1, endLine: 2, endColumn: 4 }, message: expect.stringContaining('Duplicate key "1" (first written at line 1)') }),
    ]);
  });

  it('leaves Error.stackTraceLimit as it was after reading a broken file', () => {
    const before = Error.stackTraceLimit;
    parseYamlSource('a: [1\n');
    expect(Error.stackTraceLimit).toBe(before);
  });
});
