import { describe, expect, it } from 'vitest';
import { decodeConfig } from './decode';

describe('decodeConfig', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    expect(decodeConfig(Buffer.from('\uFEFFname: café\n', 'utf8'))).toEqual({ text: 'name: café\n' });
  });

  it('reports invalid UTF-8 at the offending byte, counting columns in characters', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\nné: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(decodeConfig(bytes)).toEqual({
      finding: expect.objectContaining({ ruleId: 'yaml/syntax', severity: 'error', line: 2, column: 5, endLine: 2, endColumn: 6 }),
    });
  });

  it('rejects overlong encodings and surrogates, which isUtf8 also rejects', () => {
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      const result = decodeConfig(Buffer.from([0x61, ...bad]));
      expect(result).toEqual({ finding: expect.objectContaining({ line: 1, column: 2 }) });
    }
  });

  it('reports a binary file', () => {
    const result = decodeConfig(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect('finding' in result && result.finding.message).toContain('binary');
  });

  it('reports UTF-16 by its byte order mark', () => {
    const result = decodeConfig(Buffer.from('\uFEFFa: 1', 'utf16le'));
    expect('finding' in result && result.finding.message).toContain('UTF-16');
  });
});
