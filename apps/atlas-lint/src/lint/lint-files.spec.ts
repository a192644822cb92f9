import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintFileTask } from './lint-files';

const dir = mkdtempSync(join(tmpdir(), 'lint-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tooLargeMessage(absolutePath: string, maxFileBytes: number): string | undefined {
  const outcome = lintFileTask({ absolutePath, shown: 'x.yaml', settings: [] }, { now: '2026-11-22T00:00:00Z', maxFileBytes });
  if (!('result' in outcome)) throw new Error(`no result: ${outcome.problem}`);
  return outcome.result.findings.find((f) => f.ruleId === 'yaml/file-too-large')?.message;
}

describe('lintFileTask, a file over the size limit', () => {
  it('says how large a file is when its size was known before reading', () => {
    const path = join(dir, 'big.yaml');
    writeFileSync(path, '#'.repeat(3 * 1024 * 1024));
    expect(tooLargeMessage(path, 2 * 1024 * 1024)).toMatch(/^The file is 3(\.0+)? MiB, more than the 2(\.0+)? MiB/);
  });

  it('says only "larger than" for a file that grew past the limit while read (its size is unknown)', () => {
    // /proc files report size 0 and hold more than 64 bytes.
    expect(tooLargeMessage('/proc/self/status', 64)).toMatch(/^The file is larger than the /);
  });
});
