// The fast path must read exactly what the `yaml` library reads, or leave the text to it.
// The library is the oracle: every text the fast path accepts is also read by the library,
// and the two readings must give the same value, node ranges, problems and positions.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Path } from '@mock-atlas/model';
import { librarySource } from './library-source';
import { readPlainYaml } from './plain-yaml';
import { disagreement } from './plain-yaml-oracle';
import { DEFAULT_MAX_ALIAS_COUNT, DEFAULT_MAX_ALIASES, DEFAULT_MAX_PROBLEMS, parseYamlSource } from './yaml-source';
import { configLikeYaml, mutatedYaml } from './yaml-text-arbitrary';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const exampleFiles = [
  ...readdirSync(examples).filter((f) => f.endsWith('.yaml')).map((f) => join(examples, f)),
  ...readdirSync(join(examples, 'invalid')).filter((f) => f.endsWith('.yaml')).map((f) => join(examples, 'invalid', f)),
];
const LIMITS = { maxAliasCount: DEFAULT_MAX_ALIAS_COUNT, maxAliases: DEFAULT_MAX_ALIASES, maxProblems: DEFAULT_MAX_PROBLEMS };

/** Every path of a plain value, and under each mapping one that does not exist. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
    paths.push([...prefix, 'no-such-key'], [...prefix, 0]);
  }
  return paths;
}

/** Undefined when parseYamlSource (fast path) and the library reading agree on everything a caller sees. */
function apiDisagreement(text: string): string | undefined {
  const fast = parseYamlSource(text);
  const full = librarySource(text, LIMITS);
  if (JSON.stringify(fast.problems) !== JSON.stringify(full.problems)) return `problems ${JSON.stringify(fast.problems)} vs ${JSON.stringify(full.problems)}`;
  for (const path of pathsOf(full.value)) {
    for (const how of ['locate', 'locateKey'] as const) {
      const a = JSON.stringify(fast[how](path));
      const b = JSON.stringify(full[how](path));
      if (a !== b) return `${how}(${JSON.stringify(path)}): ${a} vs ${b}`;
    }
  }
  if (JSON.stringify(fast.scalarRanges()) !== JSON.stringify(full.scalarRanges())) return 'scalar ranges differ';
  return undefined;
}

describe('readPlainYaml', () => {
  it('reads every example config, as the library does', () => {
    expect(exampleFiles.length).toBeGreaterThan(20);
    for (const file of exampleFiles) {
      const text = readFileSync(file, 'utf8');
      const plain = readPlainYaml(text);
      expect(plain, file).toBeDefined();
      expect(disagreement(text, plain!), file).toBeUndefined();
      expect(apiDisagreement(text), file).toBeUndefined();
    }
  });

  it('reads the scalar forms of the core schema as the library does', () => {
    const text = [
      'a: 0x1F', 'b: 0o17', 'c: .inf', 'd: -.INF', 'e: .NaN', 'f: 1e3', 'g: 1.50', 'h: ~', 'i: Null', 'j: TRUE', 'k: 012', 'l: +5', 'm: -0',
      'n: 2024-01-01', 'o: http://h:1/p', 'p: a#b', 'q: "\\u00e9\\x41\\U0001F600\\t"', "r: 'it''s'", 's: [a, "b", {c: d}, [], {}]', 't: yes', 'u: 0o8', '',
    ].join('\n');
    const plain = readPlainYaml(text);
    expect(plain).toBeDefined();
    expect(disagreement(text, plain!)).toBeUndefined();
    expect(plain!.value).toMatchObject({ a: 31, b: 15, c: Infinity, h: null, j: true, k: 12, m: -0, n: '2024-01-01', p: 'a#b', q: 'éA😀\t', r: "it's", t: 'yes', u: '0o8' });
  });

  it('reports a duplicate key itself, at both places, as the library reading does', () => {
    const text = 'a: 1\nb: { x: 1, x: 2 }\na: 3\n';
    expect(readPlainYaml(text)?.duplicates).toHaveLength(2);
    expect(apiDisagreement(text)).toBeUndefined();
    expect(parseYamlSource(text).problems.map((p) => [p.id, p.position.line, p.position.column, p.related?.[0]?.position.line])).toEqual([
      ['yaml/duplicate-key', 2, 12, 2],
      ['yaml/duplicate-key', 3, 1, 1],
    ]);
  });

  it('reads CRLF line breaks as the library does', () => {
    const text = 'version: 1\r\nproject:\r\n  name: p   # c\r\nclusters:\r\n- { name: a }\r\n-\r\n';
    const plain = readPlainYaml(text);
    expect(plain).toBeDefined();
    expect(disagreement(text, plain!)).toBeUndefined();
  });

  it('leaves everything outside the plain subset to the library', () => {
    for (const text of [
      'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: |\n  text\n', '---\na: 1\n', 'a: 1\n---\nb: 2\n', '%YAML 1.2\n---\na: 1\n', 'a:\n\tb: 1\n',
      'a: 1\rb: 2\n', 'a: b: c\n', 'a: [1,\n  2]\n', 'a: b\n  c\n', '? a\n: b\n', '1: x\n', 'a: "x\n  y"\n', '__proto__: 1\n', '\ufeffa: 1\n',
      'a: 1\n  # a comment deeper than the mapping, after its last entry\n', 'just a scalar\n', '[1, 2]\n', '',
    ]) {
      expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  // The reader gives up on what it is unsure of; each family must be accepted often enough that
  // its property compares something.
  describe.each([
    ['config-like', configLikeYaml, 100],
    ['broken (mutated)', mutatedYaml, 25],
  ] as const)('%s texts', (_family, texts, atLeast) => {
    it(`accepts more than ${atLeast} of 500 sampled, so that the property below tests something`, () => {
      const sample = fc.sample(texts, { numRuns: 500, seed: 42 });
      expect(sample.filter((text) => readPlainYaml(text) !== undefined).length).toBeGreaterThan(atLeast);
    });

    it('property: on a text it accepts, it agrees with the library on everything', () => {
      fc.assert(
        fc.property(texts, (text) => {
          const plain = readPlainYaml(text);
          if (!plain) return;
          expect(disagreement(text, plain)).toBeUndefined();
          expect(apiDisagreement(text)).toBeUndefined();
        }),
        { numRuns: 400 },
      );
    });
  });
});
