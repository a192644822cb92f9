// Writing to standard output and error when they may be pipes whose reader stops early
// (`atlas-lint --print-schema | head -3`).
import type { Writable } from 'node:stream';

/**
 * A write function for `stream` that survives its reader going away. Node reports a closed
 * pipe as an 'error' event (EPIPE) on the stream, which, unheard, kills the process with a
 * stack trace once the output outgrows the pipe's buffer. A reader that has gone wants no
 * more, so the rest is dropped quietly and the exit code stays the run's own, as for output
 * that fits the buffer; any other write error goes to `onError`. Nothing is written after
 * the first error: the stream is destroyed by then.
 * @example const out = streamWriter(process.stdout, (e) => reportOnStderr(e)); out('text\n')
 */
export function streamWriter(stream: Writable, onError: (error: Error) => void): (text: string) => void {
  let broken = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (broken) return;
    broken = true;
    if (error.code !== 'EPIPE') onError(error);
  });
  return (text) => {
    if (text && !broken) stream.write(text);
  };
}
