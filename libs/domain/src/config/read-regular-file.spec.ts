import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegularFile } from './read-regular-file';

const dir = mkdtempSync(join(tmpdir(), 'read-regular-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRegularFile', () => {
  it('reads a regular file up to and including the limit', () => {
    const path = join(dir, 'ten.yaml');
    writeFileSync(path, '0123456789');
    const read = readRegularFile(path, 10);
    expect(read.ok && Buffer.from(read.bytes).toString()).toBe('0123456789');
  });

  it('refuses a file its size says is over the limit, without reading it', () => {
    const path = join(dir, 'eleven.yaml');
    writeFileSync(path, '0123456789a');
    expect(readRegularFile(path, 10)).toEqual({ ok: false, reason: 'too-large', size: 11, grew: false });
  });

  it('stops at limit + 1 bytes of a file whose size said less (a /proc file says 0)', () => {
    expect(readRegularFile('/proc/self/status', 16)).toEqual({ ok: false, reason: 'too-large', size: 17, grew: true });
  });

  it.each([
    ['a directory', () => dir],
    ['a character device', () => '/dev/zero'],
    [
      'a named pipe',
      () => {
        const fifo = join(dir, 'pipe');
        execFileSync('mkfifo', [fifo]);
        return fifo;
      },
    ],
  ])('refuses %s before reading a byte', (kind, pathOf) => {
    expect(readRegularFile(pathOf(), 1024)).toEqual({ ok: false, reason: 'not-regular', kind });
  });

  it('throws what the file system throws for a missing file', () => {
    expect(() => readRegularFile(join(dir, 'missing.yaml'), 10)).toThrow(/ENOENT/);
  });
});
