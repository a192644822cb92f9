import { describe, expect, it } from 'vitest';
import { applySuppressions, parseDirectives } from './suppressions';
import type { LintFinding } from './types';

const KNOWN = new Set(['kms/key-rotation-age', 'schema/type', 'security/no-plaintext-secrets']);
const options = { whyNotSuppressible: (id: string) => (KNOWN.has(id) ? undefined : `"${id}" is not a rule atlas-lint knows`) };

function at(line: number, ruleId = 'kms/key-rotation-age'): LintFinding {
  return { ruleId, severity: 'warn', message: `finding on ${line}`, line, column: 5, endLine: line, endColumn: 9 };
}

function suppress(text: string, findings: LintFinding[]) {
  const parsed = parseDirectives(text, options);
  const applied = applySuppressions(findings, parsed.directives);
  return { kept: applied.findings, problems: [...parsed.problems, ...applied.problems] };
}

describe('disable-next-line', () => {
  const text = ['a: 1', '# atlas-lint-disable-next-line kms/key-rotation-age -- rotated in the next release', 'b: 2', 'c: 3', ''].join('\n');

  it('spec: suppresses the rule on the next line only', () => {
    const { kept, problems } = suppress(text, [at(3), at(4)]);
    expect(kept.map((f) => f.line)).toEqual([4]);
    expect(problems).toEqual([]);
  });

  it('spec: leaves other rules on that line alone', () => {
    expect(suppress(text, [at(3, 'schema/type')]).kept).toHaveLength(1);
  });

  it('applies to the next line with content, so stacked comments and blank lines work', () => {
    const stacked = [
      '# atlas-lint-disable-next-line kms/key-rotation-age -- old key kept for the audit',
      '# atlas-lint-disable-next-line schema/type -- value written by a generator',
      '',
      'key: 1',
    ].join('\n');
    const { kept, problems } = suppress(stacked, [at(4), at(4, 'schema/type')]);
    expect(kept).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('takes several rule ids separated by commas', () => {
    const several = '# atlas-lint-disable-next-line kms/key-rotation-age, schema/type -- both known\nkey: 1\n';
    expect(suppress(several, [at(2), at(2, 'schema/type')]).kept).toEqual([]);
  });

  it('spec: a suppression without a reason still suppresses but is reported at the comment', () => {
    const noReason = 'a: 1\n  # atlas-lint-disable-next-line kms/key-rotation-age\nb: 2\n';
    const { kept, problems } = suppress(noReason, [at(3)]);
    expect(kept).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ ruleId: 'lint/suppression-reason', severity: 'error', line: 2, column: 3, endLine: 2, endColumn: 54 }),
    ]);
  });

  it('spec: an empty reason after -- is no reason', () => {
    const { problems } = suppress('# atlas-lint-disable-next-line kms/key-rotation-age --  \nb: 2\n', [at(2)]);
    expect(problems.map((p) => p.ruleId)).toEqual(['lint/suppression-reason']);
  });

  it('spec: a suppression that suppresses nothing is reported', () => {
    const { kept, problems } = suppress(text, [at(4)]);
    expect(kept).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'lint/unused-suppression', severity: 'warn', line: 2, column: 1 })]);
    expect(problems[0]!.message).toContain('on line 3');
  });

  it('works as a trailing comment too', () => {
    const trailing = 'a: 1 # atlas-lint-disable-next-line kms/key-rotation-age -- because\nb: 2\n';
    expect(suppress(trailing, [at(2)]).kept).toEqual([]);
  });
});

describe('disable … enable blocks', () => {
  const text = [
    'a: 1', // 1
    '# atlas-lint-disable kms/key-rotation-age -- legacy keys, rotation tracked in JIRA-12', // 2
    'b: 2', // 3
    'c: 3', // 4
    '# atlas-lint-enable kms/key-rotation-age', // 5
    'd: 4', // 6
  ].join('\n');

  it('spec: suppresses between disable and enable, not after', () => {
    const { kept, problems } = suppress(text, [at(1), at(3), at(4), at(6)]);
    expect(kept.map((f) => f.line)).toEqual([1, 6]);
    expect(problems).toEqual([]);
  });

  it('without an enable, suppresses to the end of the file', () => {
    const open = 'a: 1\n# atlas-lint-disable kms/key-rotation-age -- everything below is legacy\nb: 2\nc: 3\n';
    expect(suppress(open, [at(3), at(4)]).kept).toEqual([]);
  });

  it('spec: reports an unused block with its range', () => {
    const { problems } = suppress(text, [at(6)]);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'lint/unused-suppression', line: 2 })]);
    expect(problems[0]!.message).toContain('between lines 3 and 4');
  });

  it('reports an enable with no disable to end', () => {
    const { problems } = suppress('# atlas-lint-enable kms/key-rotation-age\na: 1\n', []);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'lint/suppression-invalid', line: 1 })]);
  });

  it('spec: a block without a reason is reported', () => {
    const { problems } = suppress('# atlas-lint-disable kms/key-rotation-age\na: 1\n', [at(2)]);
    expect(problems.map((p) => p.ruleId)).toEqual(['lint/suppression-reason']);
  });
});

describe('malformed directives', () => {
  it('reports an unknown directive name', () => {
    const { directives, problems } = parseDirectives('a: 1 # atlas-lint-disable-line kms/key-rotation-age -- x\n', options);
    expect(directives).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'lint/suppression-invalid', line: 1, column: 6 })]);
    expect(problems[0]!.message).toContain('atlas-lint-disable-line');
  });

  it('reports a directive with no rule id', () => {
    const { problems } = parseDirectives('# atlas-lint-disable-next-line -- just because\na: 1\n', options);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'lint/suppression-invalid' })]);
    expect(problems[0]!.message).toContain('names no rule');
  });

  it('reports an unknown rule id and keeps the known ones', () => {
    const { directives, problems } = parseDirectives('# atlas-lint-disable-next-line nope/rule, schema/type -- x\na: 1\n', options);
    expect(directives[0]!.ruleIds).toEqual(['schema/type']);
    expect(problems[0]!.message).toContain('"nope/rule" is not a rule atlas-lint knows');
  });

  it('ignores directive-looking text inside a scalar', () => {
    const text = 'a: "x # atlas-lint-disable-next-line schema/type -- no"\nb: 1\n';
    const inside = (offset: number) => offset > 3 && offset < 55;
    expect(parseDirectives(text, { ...options, isInsideScalar: inside }).directives).toEqual([]);
  });

  it('needs a space before # (YAML comments need one)', () => {
    expect(parseDirectives('a: b#atlas-lint-disable-next-line schema/type -- x\n', options).directives).toEqual([]);
  });

  it('handles CRLF line endings', () => {
    const { directives } = parseDirectives('# atlas-lint-disable-next-line schema/type -- windows file\r\na: 1\r\n', options);
    expect(directives[0]).toMatchObject({ reason: 'windows file', targetLine: 2, endColumn: 59 });
  });
});
