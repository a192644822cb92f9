// Check (a): the linter's findings and the mock's answer to loading the same text through
// POST /_mock/projects agree: clean ⇔ 201, a refusal answers with one of the linter's errors, and every finding the mock shares with the linter
// appears on both sides with the same rule id, severity, Atlas errorCode, HTTP status and path.
import { formatPath, type Path } from '@mock-atlas/model';
import { isRecord } from './config-steps';
import { expectedAnswerOf, isYamlFinding, sharedFindings, type LintFinding } from './lint-config';
import type { MockUnderTest } from './mock-under-test';

/** One finding as both sides can state it. */
function describe(f: { ruleId: string; severity: string; errorCode?: string; httpStatus?: number }, path: string): string {
  return `${f.ruleId} (${f.severity}) ${f.httpStatus ?? '-'} ${f.errorCode ?? '-'} at ${path || '(the file)'}`;
}

function mockFindingsOf(body: unknown): string[] {
  const findings = isRecord(body) && Array.isArray(body['findings']) ? body['findings'] : [];
  return findings.map((f) => {
    const finding = f as { ruleId: string; severity: string; errorCode?: string; httpStatus?: number; path?: Path };
    return describe(finding, formatPath(finding.path ?? []));
  });
}

/** What differs between two lists, as multisets. */
function difference(left: readonly string[], right: readonly string[]): string[] {
  const rest = [...right];
  return left.filter((item) => {
    const i = rest.indexOf(item);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

/**
 * Loads `text` into the emptied mock and compares its answer with the linter's findings.
 * Returns the disagreements, none when the tools agree.
 * @example await checkLoad(mock, text, lintConfig(text)) // → []
 */
export async function checkLoad(mock: MockUnderTest, text: string, lint: readonly LintFinding[]): Promise<string[]> {
  await mock.send({ method: 'POST', path: '/_mock/reset?empty=true' });
  const reply = await mock.send({ method: 'POST', path: '/_mock/projects', body: text, contentType: 'application/yaml' });
  const body = isRecord(reply.body) ? reply.body : {};

  // A file that is not well-formed YAML reaches no rule: the linter names the YAML problem, the mock refuses it unread.
  if (lint.some((f) => isYamlFinding(f) && f.severity === 'error')) {
    return reply.status === 400 && body['errorCode'] === 'MALFORMED_JSON'
      ? []
      : [`atlas-lint found broken YAML, but POST /_mock/projects answered ${reply.status} ${String(body['errorCode'] ?? '')} instead of 400 MALFORMED_JSON`];
  }

  const shared = sharedFindings(lint);
  const linted = shared.map((f) => describe(f, f.path ?? ''));
  const loaded = mockFindingsOf(reply.body);
  const problems: string[] = [];
  const lintErrors = shared.filter((f) => f.severity === 'error');
  if (lintErrors.length === 0 && reply.status !== 201) {
    problems.push(`atlas-lint reports no error, but POST /_mock/projects answered ${reply.status} ${String(body['errorCode'] ?? '')}`);
  }
  // A refusal answers with the replay's first error: one of the linter's errors, status and code alike.
  const answered = `${reply.status} ${String(body['errorCode'] ?? '-')}`;
  if (lintErrors.length > 0 && !lintErrors.some((f) => expectedAnswerOf(f) === answered)) {
    problems.push(`atlas-lint reports ${lintErrors.length} error(s), but POST /_mock/projects answered ${answered}, which is none of them`);
  }
  for (const missing of difference(linted, loaded)) problems.push(`only atlas-lint reports: ${missing}`);
  for (const extra of difference(loaded, linted)) problems.push(`only mock-atlas reports: ${extra}`);
  return problems;
}
