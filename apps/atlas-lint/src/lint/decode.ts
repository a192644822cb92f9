import { isUtf8 } from 'node:buffer';
import type { LintFinding } from './types';

/** The text of a file, or the finding that says why it is not text. */
export type Decoded = { readonly text: string } | { readonly finding: LintFinding };

const decoder = new TextDecoder('utf-8');

function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters, so count the UTF-8 lead bytes (not continuation bytes) before the offset.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if (((bytes[i] ?? 0) & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** The offset of the first byte that breaks UTF-8, scanning from the start. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (need > 0) {
      // The valid ranges of the second byte exclude overlong forms and surrogates (RFC 3629).
      const second = bytes[i + 1];
      const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      if (second === undefined || second < lo || second > hi) return i;
      for (let k = 2; k <= need; k++) {
        const next = bytes[i + k];
        if (next === undefined || (next & 0xc0) !== 0x80) return i;
      }
    }
    i += need + 1;
  }
  return -1;
}

function encodingFinding(bytes: Uint8Array, offset: number, message: string): { finding: LintFinding } {
  const { line, column } = lineAndColumn(bytes, offset);
  return { finding: { ruleId: 'yaml/syntax', severity: 'error', message, line, column, endLine: line, endColumn: column + 1 } };
}

/**
 * Decodes a config file's bytes as UTF-8 text (a UTF-8 byte order mark is dropped).
 * Binary files, UTF-16/32 files and invalid UTF-8 become a positioned `yaml/syntax` finding.
 * @example decodeConfig(Buffer.from('a: 1\n')) // → { text: 'a: 1\n' }
 */
export function decodeConfig(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return encodingFinding(bytes, 0, 'The file is UTF-16 (or UTF-32) encoded: save it as UTF-8 to lint it.');
  }
  // A NUL byte never occurs in YAML text (it is not a printable character), so it means binary.
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return encodingFinding(bytes, nul, 'The file holds a NUL byte: it looks like a binary file, not a YAML config.');
  }
  if (!isUtf8(bytes)) {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return encodingFinding(bytes, offset, `The file is not valid UTF-8 (byte 0x${byte} here): YAML configs must be UTF-8 text.`);
  }
  return { text: decoder.decode(bytes) };
}
