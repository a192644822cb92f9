// A small glob matcher (Node 20 has no fs.glob): `**`, `*`, `?`, `[...]`, `{a,b}`, with
// .gitignore-like anchoring for config patterns. Paths are relative, with `/` separators.

/** Whether a CLI argument is a glob rather than a path. */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      const body = pattern.slice(open + 1, i);
      const parts: string[] = [];
      let partDepth = 0;
      let start = 0;
      for (let k = 0; k < body.length; k++) {
        if (body[k] === '{') partDepth++;
        else if (body[k] === '}') partDepth--;
        else if (body[k] === ',' && partDepth === 0) {
          parts.push(body.slice(start, k));
          start = k + 1;
        }
      }
      parts.push(body.slice(start));
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      return parts.flatMap((part) => expandBraces(`${head}${part}${tail}`));
    }
  }
  return [pattern];
}

function segmentToRegExp(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        let body = segment.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '\\' && i + 1 < segment.length) out += `\\${segment[++i]}`;
    else out += ch.replace(/[.+^$()|{}\]\\]/g, '\\$&');
  }
  return out;
}

/**
 * Compiles a glob to a regular expression over whole relative paths.
 * @example globToRegExp('examples/**\/*.yaml').test('examples/invalid/a.yaml') // → true
 */
export function globToRegExp(pattern: string): RegExp {
  const alternatives = expandBraces(pattern).map((alt) => {
    const segments = alt.split('/').filter((s, i, all) => s !== '' || i === 0 || i === all.length - 1);
    let out = '';
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      if (segment === '**') out += last ? '.*' : '(?:[^/]*/)*';
      else out += segmentToRegExp(segment) + (last ? '' : '/');
    });
    return out;
  });
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}

/**
 * A matcher for config patterns (`ignores`, `overrides[].files`), relative to the config
 * file's directory: a pattern with no `/` matches a name at any depth, a leading `/`
 * anchors it, a trailing `/` matches a directory, and a pattern that matches a directory
 * matches everything in it (as in .gitignore).
 * @example createPathMatcher(['fixtures/'])('fixtures/old/a.yaml') // → true
 */
export function createPathMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const regexps = patterns.map((raw) => {
    let pattern = raw.replace(/^\.\//, '');
    const directoryOnly = pattern.endsWith('/');
    if (directoryOnly) pattern = pattern.slice(0, -1);
    const anchored = pattern.startsWith('/') || pattern.includes('/');
    pattern = pattern.replace(/^\//, '');
    return { regexp: globToRegExp(anchored ? pattern : `**/${pattern}`), directoryOnly };
  });
  return (relativePath) => {
    if (relativePath.startsWith('../')) return false;
    const parts = relativePath.split('/');
    for (const { regexp, directoryOnly } of regexps) {
      // The path itself, then each directory above it.
      for (let n = parts.length; n >= 1; n--) {
        if (directoryOnly && n === parts.length) continue;
        if (regexp.test(parts.slice(0, n).join('/'))) return true;
      }
    }
    return false;
  };
}
