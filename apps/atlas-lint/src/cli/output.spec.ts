import { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamWriter } from './output';

/**
 * A stand-in for a pipe that records every write it is given and lets the test say when its
 * 'error' comes, and how often. A real Writable destroys itself on its first error, so it would
 * hide a writer that kept writing or reported twice.
 */
function fakeStream(): { stream: Writable; writes: string[]; fail: (code: string) => void } {
  const emitter = new EventEmitter();
  const writes: string[] = [];
  const stream = Object.assign(emitter, { write: (text: string) => writes.push(text) }) as unknown as Writable;
  const fail = (code: string): void => {
    emitter.emit('error', Object.assign(new Error(`write ${code}`), { code }));
  };
  return { stream, writes, fail };
}

describe('streamWriter', () => {
  it('drops the rest quietly once the reader has gone (EPIPE)', () => {
    const { stream, writes, fail } = fakeStream();
    const errors: Error[] = [];
    const write = streamWriter(stream, (e) => errors.push(e));
    write('first\n');
    fail('EPIPE');
    write('second\n');
    expect(writes).toEqual(['first\n']);
    expect(errors).toEqual([]);
  });

  it('reports any other write error once, and writes nothing more', () => {
    const { stream, writes, fail } = fakeStream();
    const errors: string[] = [];
    const write = streamWriter(stream, (e) => errors.push((e as NodeJS.ErrnoException).code ?? ''));
    write('first\n');
    fail('ENOSPC');
    fail('ENOSPC');
    write('second\n');
    expect(writes).toEqual(['first\n']);
    expect(errors).toEqual(['ENOSPC']);
  });

  it('writes nothing for an empty text', () => {
    const { stream, writes } = fakeStream();
    streamWriter(stream, () => undefined)('');
    expect(writes).toEqual([]);
  });
});
