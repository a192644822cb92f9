// Reading a project config named at start-up (--config) without trusting it: it must be a
// regular file (a named pipe would block the start for ever, /dev/zero would fill the memory),
// no larger than a control-API body may be, and UTF-8 text.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** The largest config file read: the control API's limit for a YAML body (routes/control.ts). */
export const MAX_CONFIG_FILE_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a config file, or throws an Error whose message says why it cannot be one.
 * @example readConfigFile('examples/demo-project.yaml') // → 'version: 1\n…'
 */
export function readConfigFile(path: string, maxBytes = MAX_CONFIG_FILE_BYTES): string {
  return readTextFile(path, maxBytes, 'a config', 'a YAML config');
}

/**
 * The UTF-8 text of a file the mock was pointed at, read without trusting it: a regular file
 * only (a named pipe would block for ever, /dev/zero fill the memory), at most `maxBytes`, and
 * valid UTF-8 (invalid bytes are refused, never replaced). `what` names the file in messages.
 * @example readTextFile('state.json', 1024 ** 3, 'a state file', 'a JSON state file')
 */
export function readTextFile(path: string, maxBytes: number, what: string, textKind: string): string {
  // O_NONBLOCK: opening a named pipe for reading otherwise waits for a writer.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  let bytes: Buffer;
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Error('not a regular file');
    if (stats.size > maxBytes) throw new Error(`the file is ${stats.size} bytes, more than the ${maxBytes} ${what} may be`);
    // Read what is there (a file may grow while it is read, a /proc file says 0), up to the limit.
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new Error(`the file grew past the ${maxBytes} bytes ${what} may be while it was read`);
        const bigger = Buffer.allocUnsafe(Math.min(length * 2, maxBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    bytes = buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
  // A UTF-16 byte order mark first: UTF-16 text is full of NUL bytes.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new Error('it is UTF-16 (or UTF-32) encoded, not UTF-8');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new Error(`it holds a NUL byte at offset ${nul}: it looks like a binary file, not ${textKind}`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new Error('it is not valid UTF-8 text');
  }
  return text;
}
