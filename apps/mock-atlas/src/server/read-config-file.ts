// Reading a project config named at start-up (--config) without trusting it: it must be a
// regular file (a named pipe would block the start for ever, /dev/zero would fill the memory),
// no larger than a control-API body may be, and UTF-8 text.
import { readRegularFile } from '@mock-atlas/domain';

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
  const read = readRegularFile(path, maxBytes);
  if (!read.ok && read.reason === 'not-regular') throw new Error(`it is ${read.kind}, not a regular file`);
  if (!read.ok && read.grew) throw new Error(`the file grew past the ${maxBytes} bytes ${what} may be while it was read`);
  if (!read.ok) throw new Error(`the file is ${read.size} bytes, more than the ${maxBytes} ${what} may be`);
  const bytes = read.bytes;
  // A UTF-16 byte order mark first: UTF-16 text is full of NUL bytes.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new Error('it is UTF-16 (or UTF-32) encoded, not UTF-8');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new Error(`it holds a NUL byte at offset ${nul}: it looks like a binary file, not ${textKind}`);
  try {
    return utf8.decode(bytes);
  } catch (error) {
    // Only a decoding error says the bytes are not UTF-8 (a string too long for V8 is not that).
    if ((error as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw new Error('it is not valid UTF-8 text');
    throw error;
  }
}
