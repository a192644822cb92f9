import { formatPath, type Finding } from '@mock-atlas/model';
import { allRules } from '@mock-atlas/rules';
import { checkProjectConfig, parseYamlSource, type Position, type YamlSource } from '@mock-atlas/domain';
import { whyNotConfigurable } from './catalog';
import { decodeConfig } from './decode';
import { applySuppressions, parseDirectives } from './suppressions';
import { byPosition, fileResult, type FileResult, type LintFinding, type RuleSetting } from './types';

/** What linting one file needs besides its text. */
export interface LintOptions {
  /** The file as shown to the user. */
  readonly filePath: string;
  /** ISO-8601 instant the rules compare dates with (key age). */
  readonly now: string;
  readonly keyRotationDays?: number;
  /** Rule settings from the linter config; ids not in it keep their catalog severity. */
  readonly settings?: ReadonlyMap<string, RuleSetting>;
  /** Larger files are refused unread (see DEFAULT_MAX_FILE_BYTES). */
  readonly maxFileBytes?: number;
}

/**
 * The default size limit. A real project config is a few kilobytes (Atlas allows 25
 * clusters per project by default); the YAML parser reads dense YAML at about 1 MB/s, so
 * the limit keeps the worst case of a commit hook at a couple of seconds.
 */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(2).replace(/\.?0+$/, '')} MiB`;

/**
 * The finding for a file over the size limit (of unknown size: standard input).
 * @example tooLargeFinding(20 * 1024 * 1024, DEFAULT_MAX_FILE_BYTES).ruleId // → 'yaml/file-too-large'
 */
export function tooLargeFinding(size: number | undefined, limit: number): LintFinding {
  // Standard input is not read past the limit, so its size is unknown.
  const is = size === undefined ? 'is larger than' : `is ${mib(size)}, more than`;
  return {
    ruleId: 'yaml/file-too-large',
    severity: 'error',
    message: `The file ${is} the ${mib(limit)} a project config may be; it was not read. Split it, or raise the limit with --max-file-size.`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
}

const spanOf = (p: Position) => ({ line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn });

function withSetting(finding: LintFinding, settings: ReadonlyMap<string, RuleSetting> | undefined): LintFinding | undefined {
  const setting = settings?.get(finding.ruleId);
  if (setting === undefined || setting === finding.severity) return finding;
  if (setting === 'off') return undefined;
  return { ...finding, severity: setting };
}

/**
 * Findings about an attribute that must not be written at all, whatever its value: the key is
 * the node that must change (docs/atlas-lint.md), so they span it rather than the value.
 */
const AT_THE_KEY: ReadonlySet<string> = new Set(['schema/unknown-field', 'ear/valid-is-read-only']);

function positioned(finding: Finding, source: YamlSource): LintFinding {
  const at = AT_THE_KEY.has(finding.ruleId) ? source.locateKey(finding.path) : source.locate(finding.path);
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...spanOf(at),
    ...(finding.errorCode ? { errorCode: finding.errorCode } : {}),
    ...(finding.httpStatus ? { httpStatus: finding.httpStatus } : {}),
    path: formatPath(finding.path),
    ...(finding.related?.length
      ? { related: finding.related.map((r) => ({ message: r.message, ...spanOf(source.locate(r.path)) })) }
      : {}),
  };
}

function whyNotSuppressible(id: string): string | undefined {
  if (id.startsWith('lint/')) return `"${id}": a finding about suppressions cannot itself be suppressed`;
  return whyNotConfigurable(id);
}

/** Whether an offset falls inside a scalar that holds a `#` (so a `#` there is text, not a comment). */
function scalarsWithHash(source: YamlSource, text: string): (offset: number) => boolean {
  let ranges: (readonly [number, number])[] | undefined;
  return (offset) => {
    ranges ??= source.scalarRanges().filter(([start, end]) => text.slice(start, end).includes('#'));
    return ranges.some(([start, end]) => offset > start && offset < end);
  };
}

/**
 * Lints one config's text: YAML problems first (a broken file gets no rule findings), then
 * the schema and every lint rule through the shared domain check, then suppressions.
 * @example lintText('version: 1\n', { filePath: 'a.yaml', now: '2026-01-01T00:00:00Z' }).findings
 */
export function lintText(text: string, options: LintOptions): FileResult {
  const { settings } = options;
  let source: YamlSource;
  try {
    source = parseYamlSource(text);
  } catch (error) {
    // The parser recurses per nesting level; a pathological file can exhaust the stack.
    const reason = error instanceof RangeError ? 'it is nested too deeply' : String(error);
    return fileResult(options.filePath, [
      { ruleId: 'yaml/syntax', severity: 'error', message: `The file could not be parsed as YAML: ${reason}.`, line: 1, column: 1, endLine: 1, endColumn: 1 },
    ]);
  }

  const yamlFindings: LintFinding[] = [];
  for (const problem of source.problems) {
    const finding = withSetting(
      {
        ruleId: problem.id,
        severity: problem.severity,
        message: problem.message,
        ...spanOf(problem.position),
        ...(problem.related ? { related: problem.related.map((r) => ({ message: r.message, ...spanOf(r.position) })) } : {}),
      },
      settings,
    );
    if (finding) yamlFindings.push(finding);
  }
  if (source.problems.some((p) => p.severity === 'error')) return fileResult(options.filePath, yamlFindings.sort(byPosition));

  const rules = settings ? allRules.filter((r) => settings.get(r.id) !== 'off') : allRules;
  const checked = checkProjectConfig(source.value, {
    scope: 'lint',
    now: options.now,
    rules,
    ...(options.keyRotationDays ? { keyRotationDays: options.keyRotationDays } : {}),
  });
  const ruleFindings: LintFinding[] = [];
  for (const finding of checked.findings) {
    const lintFinding = withSetting(positioned(finding, source), settings);
    if (lintFinding) ruleFindings.push(lintFinding);
  }

  const { directives, problems: directiveProblems } = parseDirectives(text, {
    whyNotSuppressible,
    isInsideScalar: scalarsWithHash(source, text),
  });
  const suppressed = applySuppressions([...yamlFindings, ...ruleFindings], directives);
  const suppressionFindings = [...directiveProblems, ...suppressed.problems]
    .map((f) => withSetting(f, settings))
    .filter((f): f is LintFinding => f !== undefined);

  return fileResult(options.filePath, [...suppressed.findings, ...suppressionFindings].sort(byPosition));
}

/**
 * Lints one config's bytes: a file over the size limit or not UTF-8 text is a finding, not a crash.
 * @example lintBytes(readFileSync('project.yaml'), { filePath: 'project.yaml', now })
 */
export function lintBytes(bytes: Uint8Array, options: LintOptions): FileResult {
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length > limit) return fileResult(options.filePath, [tooLargeFinding(bytes.length, limit)]);
  const decoded = decodeConfig(bytes);
  if ('finding' in decoded) return fileResult(options.filePath, [decoded.finding]);
  return lintText(decoded.text, options);
}
