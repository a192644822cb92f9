import { describe, expect, it } from 'vitest';
import { parseYamlSource } from './yaml-source';

describe('parseYamlSource: positions', () => {
  const text = ['project:', '  name: payments', 'clusters:', '  - name: orders', '    tier: M30', ''].join('\n');
  const source = parseYamlSource(text);

  it('locates a scalar value, start and end', () => {
    expect(source.locate(['clusters', 0, 'tier'])).toEqual({ line: 5, column: 11, endLine: 5, endColumn: 14 });
  });

  it('locates a missing attribute at its nearest written ancestor', () => {
    expect(source.locate(['clusters', 0, 'providerSettings'])).toMatchObject({ line: 4, column: 5 });
    expect(source.locate(['nope', 'deeper'])).toMatchObject({ line: 1, column: 1 });
  });

  it('locates the key of a mapping entry', () => {
    expect(source.locateKey(['project', 'name'])).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 7 });
    expect(source.locateKey(['clusters', 0])).toMatchObject({ line: 4, column: 5 });
  });

  it('reports no problem for a well-formed file', () => {
    expect(source.problems).toEqual([]);
    expect(source.value).toEqual({ project: { name: 'payments' }, clusters: [{ name: 'orders', tier: 'M30' }] });
  });
});

describe('parseYamlSource: problems', () => {
  it('yaml spec 1.2.2 §3.2.1.1: reports both places of a duplicate key', () => {
    const { problems } = parseYamlSource('a: 1\nb:\n  c: 2\n  c: 3\n');
    expect(problems).toEqual([
      {
        id: 'yaml/duplicate-key',
        severity: 'error',
        message: expect.stringContaining('Duplicate key "c" (first written at line 3)'),
        position: { line: 4, column: 3, endLine: 4, endColumn: 4 },
        related: [{ message: '"c" is first written here.', position: { line: 3, column: 3, endLine: 3, endColumn: 4 } }],
      },
    ]);
  });

  it('yaml spec 1.2.2 §6.1: reports tab indentation', () => {
    expect(parseYamlSource('a:\n\tb: 1\n').problems).toEqual([
      expect.objectContaining({ id: 'yaml/tab-indent', severity: 'error', position: { line: 2, column: 1, endLine: 2, endColumn: 2 } }),
    ]);
  });

  it('allows a tab as separation (not indentation)', () => {
    expect(parseYamlSource('a:\t1\n').problems).toEqual([]);
  });

  it('reports a second document at its --- line', () => {
    expect(parseYamlSource('a: 1\n---\nb: 2\n').problems).toEqual([
      expect.objectContaining({ id: 'yaml/multiple-documents', position: { line: 2, column: 1, endLine: 2, endColumn: 4 } }),
    ]);
  });

  it('accepts one explicit document start', () => {
    expect(parseYamlSource('---\na: 1\n').problems).toEqual([]);
  });

  it('reports a syntax error with its position', () => {
    expect(parseYamlSource('a: [1, 2\nb: 3\n').problems).toEqual([
      expect.objectContaining({ id: 'yaml/syntax', severity: 'error', position: expect.objectContaining({ line: 2, column: 1 }) }),
    ]);
  });

  it('refuses a billion-laughs alias bomb without expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const started = performance.now();
    const source = parseYamlSource(bomb.join('\n'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(source.value).toBeUndefined();
    expect(source.problems).toEqual([
      expect.objectContaining({ id: 'yaml/alias-limit', severity: 'error', message: expect.stringContaining('billion laughs'), position: expect.objectContaining({ line: 2, column: 8 }) }),
    ]);
  });

  it('expands a few ordinary aliases', () => {
    const source = parseYamlSource('base: &key { provider: AWS }\ncopy: *key\n');
    expect(source.problems).toEqual([]);
    expect(source.value).toEqual({ base: { provider: 'AWS' }, copy: { provider: 'AWS' } });
  });

  it('refuses an alias to an anchor that does not exist, at the alias', () => {
    expect(parseYamlSource('x: &y 1\na: *nope\n').problems).toEqual([
      expect.objectContaining({ id: 'yaml/syntax', position: { line: 2, column: 4, endLine: 2, endColumn: 9 } }),
    ]);
  });

  it('reports parser warnings separately, as warnings', () => {
    expect(parseYamlSource('%FOO bar\n---\na: 1\n').problems).toEqual([expect.objectContaining({ id: 'yaml/warning', severity: 'warn' })]);
  });

  it('refuses a nesting too deep for the parser before parsing, at the line it goes too deep', () => {
    for (const text of [
      `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
      `a: ${'{b: '.repeat(300)}1${'}'.repeat(300)}\n`,
      Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
      `${'- '.repeat(300)}x\n`,
    ]) {
      const started = performance.now();
      const source = parseYamlSource(text);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(source.problems).toEqual([expect.objectContaining({ id: 'yaml/syntax', message: expect.stringContaining('more than 256 levels deep') })]);
    }
    expect(parseYamlSource(Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')).problems[0]!.position.line).toBe(258);
  });

  it('does not count brackets in quotes, comments or block scalars as nesting', () => {
    const brackets = '['.repeat(300);
    const text = [`a: "${brackets}"`, `b: '${brackets}'`, `# ${brackets}`, 'c: |', `  ${brackets}`, `  ${'{'.repeat(300)}`, 'd: 1', ''].join('\n');
    const source = parseYamlSource(text);
    expect(source.problems).toEqual([]);
    expect(source.value).toMatchObject({ d: 1 });
  });

  it('lets a caller lower the alias budget', () => {
    const text = 'a: &a [1, 2, 3]\nb: [*a, *a, *a]\n';
    expect(parseYamlSource(text).problems).toEqual([]);
    expect(parseYamlSource(text, { maxAliasCount: 2 }).problems.map((p) => p.id)).toEqual(['yaml/alias-limit']);
  });
});
