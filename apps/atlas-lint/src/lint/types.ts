import type { Severity } from '@mock-atlas/model';

/** A 1-based range in a file: where a finding starts and ends. */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A second place that explains a finding (the snapshot a restore job points at, the first of two duplicate keys). */
export interface RelatedSpan extends Span {
  readonly message: string;
}

/** One finding of the linter, positioned in its file. */
export interface LintFinding extends Span {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** The Atlas errorCode the mock answers the same input with; absent for lint-only findings. */
  readonly errorCode?: string;
  readonly httpStatus?: number;
  /** The document path of the offending node, as people write it (`clusters[0].name`); absent for YAML-level findings. */
  readonly path?: string;
  readonly related?: readonly RelatedSpan[];
}

/** The findings of one file. */
export interface FileResult {
  /** The file as shown to the user: relative to the working directory, with `/` separators. */
  readonly filePath: string;
  readonly findings: readonly LintFinding[];
  readonly errorCount: number;
  readonly warningCount: number;
}

/** A rule setting in the linter config: a severity, or off. */
export type RuleSetting = Severity | 'off';

/**
 * Builds a file result, counting its findings.
 * @example fileResult('a.yaml', []) // → { filePath: 'a.yaml', findings: [], errorCount: 0, warningCount: 0 }
 */
export function fileResult(filePath: string, findings: readonly LintFinding[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  for (const f of findings) {
    if (f.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { filePath, findings, errorCount, warningCount };
}

/** Orders findings as a reader scans a file: by start line, then column, then rule id. */
export function byPosition(a: LintFinding, b: LintFinding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}
