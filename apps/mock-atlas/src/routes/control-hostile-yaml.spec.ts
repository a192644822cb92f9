// Hostile YAML given to the mock, which reads configs with the linter's parseYamlSource: over
// the control API (POST /_mock/projects) and as a --config file. Each is refused with a clear
// message naming the line, in bounded time, and the mock keeps serving with its state unchanged.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withAtlas } from '../testing/atlas';
import { startServer } from '../server/start';

const dir = mkdtempSync(join(tmpdir(), 'mock-hostile-yaml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Nine levels of nine aliases each: 9^9 nodes if expanded. */
function billionLaughs(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** 5,000 anchors each used once: no bomb, but the library resolves aliases in quadratic time. */
function manyAliases(): string {
  const anchors = Array.from({ length: 5000 }, (_, i) => `  - &a${i} ${i}`).join('\n');
  return `version: 1\nproject: { name: p }\nx:\n${anchors}\ny: [${Array.from({ length: 5000 }, (_, i) => `*a${i}`).join(', ')}]\n`;
}

const HOSTILE: readonly { name: string; yaml: string | Buffer; detail: RegExp }[] = [
  { name: 'a billion-laughs alias bomb', yaml: billionLaughs(), detail: /line 2: Refused to expand the aliases .*billion laughs/ },
  { name: 'more aliases than the limit', yaml: manyAliases(), detail: /line 5004: Refused to expand the aliases of this file: it has more than 1000/ },
  { name: '10,000 levels of flow nesting', yaml: `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, detail: /line 1: The file nests mappings and lists more than 256 levels deep/ },
  { name: '10,000 levels of block nesting', yaml: `${'- '.repeat(10_000)}x\n`, detail: /line 1: The file nests mappings and lists more than 256 levels deep/ },
  { name: 'a duplicate key', yaml: 'version: 1\nproject: { name: p }\nproject: { name: q }\n', detail: /line 3: Duplicate key "project" \(first written at line 2\)/ },
  { name: 'two documents', yaml: 'version: 1\n---\nversion: 1\n', detail: /line 2: A second YAML document starts here/ },
  { name: 'random bytes', yaml: randomBytes(200_000), detail: /line \d+: / },
  { name: 'a 3 MB file that is not plain YAML', yaml: `version: 1\nbase: &b { x: 1 }\n${'# padding padding padding padding padding padding\n'.repeat(60_000)}`, detail: /line 2: The file is [\d.]+ MiB and is not plain YAML from here on/ },
];

describe('POST /_mock/projects with hostile YAML', () => {
  it('refuses each with a 400 that names the line and the problem, and keeps its state', { timeout: 120_000 }, async () => {
    await withAtlas({}, async (atlas) => {
      const before = await (await fetch(`${atlas.baseUrl}/_mock/state`)).text();
      for (const hostile of HOSTILE) {
        const res = await fetch(`${atlas.baseUrl}/_mock/projects`, { method: 'POST', body: hostile.yaml, headers: { 'Content-Type': 'application/yaml' } });
        const body = (await res.json()) as { errorCode?: string; detail?: string };
        expect(res.status, hostile.name).toBe(400);
        expect(body.errorCode, hostile.name).toBe('MALFORMED_JSON');
        expect(body.detail, hostile.name).toMatch(hostile.detail);
      }
      expect(await (await fetch(`${atlas.baseUrl}/_mock/state`)).text()).toBe(before);
    });
  });
});

describe('mock-atlas --config with a hostile file', () => {
  const refusal = async (path: string): Promise<string> => {
    try {
      const atlas = await startServer({ configs: [path], host: '127.0.0.1', port: 0 });
      await atlas.close();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${path} was loaded`);
  };

  it('refuses a named pipe and /dev/zero without reading them (a read would block, or never end)', { timeout: 60_000 }, async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(await refusal(fifo)).toBe(`cannot read ${fifo}: it is a named pipe, not a regular file`);
    expect(await refusal('/dev/zero')).toBe('cannot read /dev/zero: it is a character device, not a regular file');
  });

  it('refuses binary, UTF-16, oversized and alias-bomb files with what is wrong', { timeout: 60_000 }, async () => {
    const write = (name: string, content: string | Buffer): string => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const png = write('logo.yaml', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    expect(await refusal(png)).toBe(`cannot read ${png}: it holds a NUL byte at offset 8: it looks like a binary file, not a YAML config`);
    const utf16 = write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\n', 'utf16le')]));
    expect(await refusal(utf16)).toBe(`cannot read ${utf16}: it is UTF-16 (or UTF-32) encoded, not UTF-8`);
    const latin1 = write('latin1.yaml', Buffer.from('version: 1\nproject: { name: caf\xe9 }\n', 'latin1'));
    expect(await refusal(latin1)).toBe(`cannot read ${latin1}: it is not valid UTF-8 text`);
    const huge = write('huge.yaml', `version: 1\n${'# comment\n'.repeat(600_000)}`);
    expect(await refusal(huge)).toMatch(/^cannot read .*huge\.yaml: the file is 6000011 bytes, more than the 5242880 a config may be$/);
    const bomb = write('bomb.yaml', billionLaughs());
    expect(await refusal(bomb)).toMatch(/^.*bomb\.yaml:2: Refused to expand the aliases .* \[yaml\/alias-limit\]$/);
  });
});
