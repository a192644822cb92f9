// atlas-lint's verdict, through its real lint entry (the function its CLI and workers call).
import { ATLAS_ERRORS, isAtlasErrorCode } from '@mock-atlas/atlas-http';
import { allRules } from '@mock-atlas/rules';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the suite's subject is the linter itself: its programmatic entry, src/index.ts
import { lintText, type LintFinding } from 'atlas-lint';
import { NOW } from './fixed-inputs';

export type { LintFinding };

/** Rules only the linter runs (advice with no Atlas errorCode): the mock is not expected to report them. */
export const LINT_ONLY_RULE_IDS: ReadonlySet<string> = new Set(allRules.filter((r) => !r.scope.includes('mock')).map((r) => r.id));

/**
 * Lints a config's text as `atlas-lint --now NOW` would, with the catalog's severities.
 * @example lintConfig('version: 1\nproject: { name: p }\n') // → []
 */
export function lintConfig(text: string): readonly LintFinding[] {
  return lintText(text, { filePath: 'conformance.yaml', now: NOW }).findings;
}

/** True for a finding of the YAML reader (broken YAML), which no rule ever sees. */
export function isYamlFinding(finding: LintFinding): boolean {
  return finding.ruleId.startsWith('yaml/');
}

/**
 * The findings the mock must report as well: every rule and schema finding except the lint-only
 * rules, and except the linter's own kinds (YAML reading, suppression comments).
 */
export function sharedFindings(findings: readonly LintFinding[]): LintFinding[] {
  return findings.filter((f) => !LINT_ONLY_RULE_IDS.has(f.ruleId) && !isYamlFinding(f) && !f.ruleId.startsWith('lint/'));
}

/**
 * The answer the mock gives for a lint finding, as `<status> <errorCode>`: the finding's own
 * status, else its code's status in the catalogue (as atlasErrorFromFinding picks it), else 400.
 * @example expectedAnswerOf({ ruleId: 'backup/no-legacy-with-cmk', errorCode: 'CANNOT_ENABLE_LEGACY_BACKUP…', … }) // → '400 …'
 */
export function expectedAnswerOf(finding: LintFinding): string {
  const code = finding.errorCode;
  const status = finding.httpStatus ?? (code !== undefined && isAtlasErrorCode(code) ? ATLAS_ERRORS[code].httpStatus : 400);
  return `${status} ${code ?? '-'}`;
}
