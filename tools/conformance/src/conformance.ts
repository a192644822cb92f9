// Both checks on one config text: (a) through POST /_mock/projects, (b) through the Atlas API.
import { parseYamlSource } from '@mock-atlas/domain';
import { checkApi } from './check-api';
import { checkLoad } from './check-load';
import { isRecord } from './config-steps';
import { lintConfig, type LintFinding } from './lint-config';
import type { MockUnderTest } from './mock-under-test';

/** The verdict of the suite on one config. */
export interface ConformanceReport {
  readonly lint: readonly LintFinding[];
  /** Check (a): the linter and POST /_mock/projects. */
  readonly load: readonly string[];
  /** Check (b): the linter and the Atlas API, or why (b) does not apply to this config. */
  readonly api: readonly string[] | { readonly notApplicable: string };
}

/** True when neither check found a disagreement. */
export function agrees(report: ConformanceReport): boolean {
  return report.load.length === 0 && (!Array.isArray(report.api) || report.api.length === 0);
}

/**
 * The disagreements of a report, one per line, with what the linter said, for a failure message.
 * @example formatReport(await checkConformance(mock, text))
 */
export function formatReport(report: ConformanceReport): string {
  const lines = [
    ...report.load.map((d) => `(a) load: ${d}`),
    ...(Array.isArray(report.api) ? report.api.map((d) => `(b) api: ${d}`) : []),
    'atlas-lint said:',
    ...(report.lint.length === 0
      ? ['  (nothing)']
      : report.lint.map((f) => `  ${f.ruleId} ${f.severity} ${f.errorCode ?? ''} at ${f.path ?? `line ${f.line}`}`)),
  ];
  return lines.join('\n');
}

/**
 * Lints a config text in-process and checks the mock's two verdicts on the same text against it.
 * @example const report = await checkConformance(mock, readFileSync('examples/demo-project.yaml', 'utf8'));
 */
export async function checkConformance(mock: MockUnderTest, text: string): Promise<ConformanceReport> {
  const lint = lintConfig(text);
  const load = await checkLoad(mock, text, lint);
  const source = parseYamlSource(text);
  const value: unknown = source.value;
  const api = isRecord(value) ? await checkApi(mock, value, lint) : { notApplicable: 'the file is not a mapping' };
  return { lint, load, api };
}
