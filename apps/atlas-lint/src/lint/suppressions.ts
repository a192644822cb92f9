// Inline suppressions, after ESLint's disable comments and eslint-comments/require-description:
//   # atlas-lint-disable-next-line <rule-id>[, <rule-id>…] -- <reason>
//   # atlas-lint-disable <rule-id>[, …] -- <reason>   …   # atlas-lint-enable <rule-id>[, …]
// A suppression with no reason still suppresses (so the user sees one finding, not two),
// but is itself reported; one that suppresses nothing is reported too.
import type { LintFinding, Span } from './types';

type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

/** One suppression comment, as written. */
export interface Directive extends Span {
  readonly kind: DirectiveKind;
  readonly ruleIds: readonly string[];
  readonly reason?: string;
  /** For `disable-next-line`: the line it applies to (the next line with content). */
  readonly targetLine?: number;
}

export interface SuppressionOptions {
  /** Why a rule id cannot be suppressed, or undefined when it can. */
  readonly whyNotSuppressible: (ruleId: string) => string | undefined;
  /** Whether a `#` at this offset is inside a scalar (a quoted string or block text), not a comment. */
  readonly isInsideScalar?: (offset: number) => boolean;
}

const DIRECTIVE = /(^|[ \t])#[ \t]*atlas-lint-([a-z-]+)(.*)$/;
const KINDS = new Set<string>(['disable-next-line', 'disable', 'enable']);

function finding(ruleId: string, severity: LintFinding['severity'], message: string, at: Span): LintFinding {
  return { ruleId, severity, message, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
}

function isContentLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

/**
 * Finds the suppression comments of a file. Malformed ones (an unknown directive, no rule
 * id, an id that cannot be suppressed) are returned as findings instead.
 * @example parseDirectives('# atlas-lint-disable-next-line kms/key-rotation-age -- rotated next week\nkey: 1\n', opts)
 */
export function parseDirectives(text: string, options: SuppressionOptions): { directives: Directive[]; problems: LintFinding[] } {
  const directives: Directive[] = [];
  const problems: LintFinding[] = [];
  // Most files have no directive at all; skip the line split for them.
  if (!text.includes('atlas-lint-')) return { directives, problems };

  const lines = text.split('\n');
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const match = DIRECTIVE.exec(line);
    if (!match) continue;
    const hashColumn = match.index + match[1]!.length;
    if (options.isInsideScalar?.(lineStart + hashColumn)) continue;

    const at: Span = { line: index + 1, column: hashColumn + 1, endLine: index + 1, endColumn: line.length + 1 };
    const kind = match[2]!;
    if (!KINDS.has(kind)) {
      problems.push(finding('lint/suppression-invalid', 'error', `Unknown directive "atlas-lint-${kind}": use atlas-lint-disable-next-line, atlas-lint-disable or atlas-lint-enable.`, at));
      continue;
    }
    const rest = match[3]!;
    const separator = /(?:^|\s)--(?:\s|$)/.exec(rest);
    const idsPart = separator ? rest.slice(0, separator.index) : rest;
    const reasonText = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
    const ruleIds = idsPart.split(/[\s,]+/).filter(Boolean);
    if (ruleIds.length === 0) {
      problems.push(finding('lint/suppression-invalid', 'error', `"atlas-lint-${kind}" names no rule: write the rule id it is for (atlas-lint never suppresses every rule at once).`, at));
      continue;
    }
    const valid: string[] = [];
    for (const id of ruleIds) {
      const why = options.whyNotSuppressible(id);
      if (why) problems.push(finding('lint/suppression-invalid', 'error', `"atlas-lint-${kind}" cannot suppress ${why}.`, at));
      else valid.push(id);
    }
    if (valid.length === 0) continue;

    let targetLine: number | undefined;
    if (kind === 'disable-next-line') {
      let next = index + 1;
      while (next < lines.length && !isContentLine(lines[next]!)) next++;
      targetLine = next + 1;
    }
    directives.push({
      ...at,
      kind: kind as DirectiveKind,
      ruleIds: valid,
      ...(reasonText ? { reason: reasonText } : {}),
      ...(targetLine !== undefined ? { targetLine } : {}),
    });
  }
  return { directives, problems };
}

interface Suppressor {
  readonly directive: Directive;
  readonly ruleId: string;
  readonly fromLine: number;
  /** Inclusive; an enable comment shortens it. */
  toLine: number;
  used: boolean;
}

/**
 * Drops the findings the directives suppress, and reports the directives without a
 * reason, the rule ids of a directive that suppressed nothing, and stray enables.
 * @example applySuppressions(findings, directives).findings // without the suppressed ones
 */
export function applySuppressions(
  findings: readonly LintFinding[],
  directives: readonly Directive[],
): { findings: LintFinding[]; problems: LintFinding[] } {
  const problems: LintFinding[] = [];
  const suppressors: Suppressor[] = [];
  const open = new Map<string, Suppressor[]>();

  for (const directive of directives) {
    if (directive.kind !== 'enable' && directive.reason === undefined) {
      problems.push(
        finding(
          'lint/suppression-reason',
          'error',
          `This suppression of ${directive.ruleIds.join(', ')} gives no reason: add " -- <why it is safe here>" after the rule id.`,
          directive,
        ),
      );
    }
    for (const ruleId of directive.ruleIds) {
      if (directive.kind === 'disable-next-line') {
        const line = directive.targetLine ?? directive.line + 1;
        suppressors.push({ directive, ruleId, fromLine: line, toLine: line, used: false });
      } else if (directive.kind === 'disable') {
        const suppressor: Suppressor = { directive, ruleId, fromLine: directive.line + 1, toLine: Number.MAX_SAFE_INTEGER, used: false };
        suppressors.push(suppressor);
        open.set(ruleId, [...(open.get(ruleId) ?? []), suppressor]);
      } else {
        const stack = open.get(ruleId) ?? [];
        const last = stack.pop();
        if (last) last.toLine = directive.line - 1;
        else {
          problems.push(
            finding('lint/suppression-invalid', 'error', `"atlas-lint-enable ${ruleId}" has no "atlas-lint-disable ${ruleId}" above it to end.`, directive),
          );
        }
      }
    }
  }

  const kept: LintFinding[] = [];
  for (const f of findings) {
    const matching = suppressors.filter((s) => s.ruleId === f.ruleId && f.line >= s.fromLine && f.line <= s.toLine);
    for (const s of matching) s.used = true;
    if (matching.length === 0) kept.push(f);
  }

  for (const s of suppressors) {
    if (s.used) continue;
    const where =
      s.directive.kind === 'disable-next-line'
        ? `on line ${s.fromLine}`
        : s.toLine === Number.MAX_SAFE_INTEGER
          ? `from line ${s.fromLine} to the end of the file`
          : `between lines ${s.fromLine} and ${s.toLine}`;
    problems.push(
      finding('lint/unused-suppression', 'warn', `This suppression of ${s.ruleId} suppresses nothing: ${s.ruleId} reports nothing ${where}. Remove it.`, s.directive),
    );
  }
  return { findings: kept, problems };
}
