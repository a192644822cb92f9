import { describe, expect, it } from 'vitest';
import { createPathMatcher, globToRegExp, isGlob } from './glob';

describe('globToRegExp', () => {
  const cases: [string, string, boolean][] = [
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', 'dir/a.yaml', false],
    ['**/*.yaml', 'a.yaml', true],
    ['**/*.yaml', 'x/y/a.yaml', true],
    ['configs/**/*.y{a,}ml', 'configs/a/b.yml', true],
    ['configs/**/*.y{a,}ml', 'configs/a/b.yaml', true],
    ['configs/**/*.y{a,}ml', 'other/b.yaml', false],
    ['config?.yaml', 'config1.yaml', true],
    ['config?.yaml', 'config12.yaml', false],
    ['[ab].yaml', 'b.yaml', true],
    ['[!ab].yaml', 'b.yaml', false],
    ['a.b+c(d).yaml', 'a.b+c(d).yaml', true],
    ['a.yaml', 'axyaml', false],
    ['dir/**', 'dir/x/y', true],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      expect(globToRegExp(pattern).test(path)).toBe(expected);
    });
  }

  it('tells globs from paths', () => {
    expect(isGlob('configs/*.yaml')).toBe(true);
    expect(isGlob('configs/a.yaml')).toBe(false);
  });
});

describe('createPathMatcher (config ignores and overrides)', () => {
  it('matches a name without a slash at any depth', () => {
    const m = createPathMatcher(['*.generated.yaml']);
    expect(m('a.generated.yaml')).toBe(true);
    expect(m('x/y/a.generated.yaml')).toBe(true);
    expect(m('x/a.yaml')).toBe(false);
  });

  it('anchors a pattern with a slash to the config directory', () => {
    const m = createPathMatcher(['/fixtures/*.yaml', 'examples/invalid/*']);
    expect(m('fixtures/a.yaml')).toBe(true);
    expect(m('nested/fixtures/a.yaml')).toBe(false);
    expect(m('examples/invalid/x.yaml')).toBe(true);
  });

  it('matches everything in a matched directory', () => {
    const m = createPathMatcher(['vendor/', 'legacy']);
    expect(m('vendor/a/b.yaml')).toBe(true);
    expect(m('vendor')).toBe(false);
    expect(m('x/legacy/a.yaml')).toBe(true);
  });

  it('never matches outside the config directory', () => {
    expect(createPathMatcher(['**'])('../elsewhere/a.yaml')).toBe(false);
  });
});
