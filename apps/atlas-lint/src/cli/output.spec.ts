import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamWriter } from './output';

/** A stream that records what it is given and fails every write after the first with `code`. */
function failingAfterFirst(code: string): { stream: Writable; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (written.length === 0) {
        written.push(chunk.toString());
        done();
      } else done(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
  return { stream, written };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Writes before and after the stream's failure has been reported. */
async function writeAcrossTheFailure(write: (text: string) => void): Promise<void> {
  write('first\n');
  write('second\n');
  await settle();
  write('third\n');
  await settle();
}

describe('streamWriter', () => {
  it('drops the rest quietly once the reader has gone (EPIPE)', async () => {
    const { stream, written } = failingAfterFirst('EPIPE');
    const errors: Error[] = [];
    const write = streamWriter(stream, (e) => errors.push(e));
    await writeAcrossTheFailure(write);
    expect(written).toEqual(['first\n']);
    expect(errors).toEqual([]);
  });

  it('reports any other write error once, and writes nothing more', async () => {
    const { stream, written } = failingAfterFirst('ENOSPC');
    const errors: string[] = [];
    const write = streamWriter(stream, (e) => errors.push((e as NodeJS.ErrnoException).code ?? ''));
    await writeAcrossTheFailure(write);
    expect(written).toEqual(['first\n']);
    expect(errors).toEqual(['ENOSPC']);
  });
});
