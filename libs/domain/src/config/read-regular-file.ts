// Reading a file a user named without trusting it, for both tools: a regular file only (a named
// pipe can block for ever, /dev/zero never ends), and never more than a limit.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** What {@link readRegularFile} found. */
export type RegularFileRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: 'not-regular'; readonly kind: string }
  /** `size`: what the file said it was, or (`grew`) the bytes read when it grew past the limit while read. */
  | { readonly ok: false; readonly reason: 'too-large'; readonly size: number; readonly grew: boolean };

/**
 * What a path is when it is not a regular file, for the message that refuses it.
 * @example fileKind(statSync('/dev/zero')) // → 'a character device'
 */
function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * A regular file's bytes, at most `limit` of them, or why not. Anything but a regular file is
 * refused before a byte is read; a file over the limit is not read past it. Throws what the
 * file system throws (no such file, permission denied).
 * @example readRegularFile('a.yaml', 2 * 1024 * 1024)
 */
export function readRegularFile(path: string, limit: number): RegularFileRead {
  // O_NONBLOCK: opening a named pipe for reading otherwise waits for a writer.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: 'not-regular', kind: fileKind(stats) };
    if (stats.size > limit) return { ok: false, reason: 'too-large', size: stats.size, grew: false };
    // The size may change while reading (a file being written, a /proc file that says 0):
    // read what is there, up to limit + 1 bytes (one more tells that it is too large).
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return { ok: false, reason: 'too-large', size: length, grew: true };
        const bigger = Buffer.allocUnsafe(Math.min(length * 2, limit + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}
