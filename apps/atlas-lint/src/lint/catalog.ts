// Every finding id atlas-lint can print, with the metadata the formatters, --list-rules,
// the config validator and the suppression parser need. Rules and schema kinds come from
// the shared catalog; the YAML-level and suppression kinds belong to the linter itself.
import type { Severity } from '@mock-atlas/model';
import { allRules, DOCS_BASE_URL, ruleAnchor, ruleDocsUrl } from '@mock-atlas/rules';
import { SCHEMA_RULES } from '@mock-atlas/schemas';

/** Where a finding id comes from. */
export type CatalogKind = 'rule' | 'schema' | 'yaml' | 'lint';

/** The metadata of one finding id. */
export interface CatalogEntry {
  readonly id: string;
  readonly kind: CatalogKind;
  readonly severity: Severity;
  readonly description: string;
  readonly docsUrl: string;
  readonly errorCode?: string;
  readonly httpStatus?: number;
  /** Whether the config file may change its severity and a comment may suppress it. */
  readonly configurable: boolean;
}

/** The linter's reference page, beside the rule reference. */
export const LINTER_DOCS_URL = DOCS_BASE_URL.replace(/rules\.md$/, 'atlas-lint.md');

const linterDocsUrl = (id: string): string => `${LINTER_DOCS_URL}#${ruleAnchor(id)}`;

/** The finding kinds of the linter itself: broken YAML and misused suppression comments. */
export const LINTER_KINDS = [
  { id: 'yaml/syntax', severity: 'error', configurable: false, description: 'The file is not well-formed YAML (or not UTF-8 text), so no rule can look at it.' },
  { id: 'yaml/duplicate-key', severity: 'error', configurable: false, description: 'A mapping writes the same key twice; YAML keeps only one of the values.' },
  { id: 'yaml/tab-indent', severity: 'error', configurable: false, description: 'A line is indented with a tab; YAML indentation is spaces only.' },
  { id: 'yaml/multiple-documents', severity: 'error', configurable: false, description: 'The file holds more than one YAML document; a project config is one document per file.' },
  { id: 'yaml/alias-limit', severity: 'error', configurable: false, description: 'Aliases would expand the document past the alias budget (a "billion laughs" alias bomb); the file is refused, not expanded.' },
  { id: 'yaml/file-too-large', severity: 'error', configurable: false, description: 'The file is larger than --max-file-size (2 MiB by default); it is refused unread, so that no file can stall a commit hook.' },
  { id: 'yaml/warning', severity: 'warn', configurable: true, description: 'The YAML parser warns about something it ignored, such as an unknown directive.' },
  { id: 'lint/suppression-reason', severity: 'error', configurable: true, description: 'A suppression comment gives no reason after ` -- `; every suppression says why.' },
  { id: 'lint/unused-suppression', severity: 'warn', configurable: true, description: 'A suppression comment suppresses nothing: the rule does not report there (any more). Remove it.' },
  { id: 'lint/suppression-invalid', severity: 'error', configurable: true, description: 'A suppression comment is malformed: an unknown directive, no rule id, a rule id the linter does not run, or an enable with no matching disable.' },
] as const satisfies readonly { id: string; severity: Severity; configurable: boolean; description: string }[];

/** Ids of the linter's own finding kinds. */
export type LinterKindId = (typeof LINTER_KINDS)[number]['id'];

function buildCatalog(): readonly CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const kind of LINTER_KINDS.filter((k) => k.id.startsWith('yaml/'))) {
    entries.push({ ...kind, kind: 'yaml', docsUrl: linterDocsUrl(kind.id) });
  }
  for (const kind of Object.values(SCHEMA_RULES)) {
    entries.push({
      id: kind.id,
      kind: 'schema',
      severity: kind.severity,
      description: kind.description,
      docsUrl: ruleDocsUrl(kind.id),
      ...(kind.errorCode ? { errorCode: kind.errorCode } : {}),
      ...(kind.httpStatus ? { httpStatus: kind.httpStatus } : {}),
      configurable: true,
    });
  }
  for (const rule of allRules.filter((r) => r.scope.includes('lint'))) {
    entries.push({
      id: rule.id,
      kind: 'rule',
      severity: rule.severity,
      description: rule.description,
      docsUrl: rule.docsUrl,
      ...(rule.errorCode ? { errorCode: rule.errorCode } : {}),
      ...(rule.httpStatus ? { httpStatus: rule.httpStatus } : {}),
      configurable: true,
    });
  }
  for (const kind of LINTER_KINDS.filter((k) => k.id.startsWith('lint/'))) {
    entries.push({ ...kind, kind: 'lint', docsUrl: linterDocsUrl(kind.id) });
  }
  return entries;
}

/** Every finding id the linter can report, in reference order: YAML, schema, rules, suppressions. */
export const CATALOG: readonly CatalogEntry[] = buildCatalog();

const byId = new Map(CATALOG.map((entry) => [entry.id, entry]));

/**
 * The metadata of a finding id, if the linter knows it.
 * @example catalogEntry('kms/key-rotation-age')?.severity // → 'warn'
 */
export function catalogEntry(id: string): CatalogEntry | undefined {
  return byId.get(id);
}

/** Why an id cannot be configured or suppressed, or undefined when it can. */
export function whyNotConfigurable(id: string): string | undefined {
  const entry = byId.get(id);
  if (entry) return entry.configurable ? undefined : `"${id}" means the file could not be read as YAML; it cannot be turned off`;
  const rule = allRules.find((r) => r.id === id);
  if (rule) return `"${id}" is enforced by mock-atlas only; atlas-lint never reports it`;
  return `"${id}" is not a rule atlas-lint knows (see atlas-lint --list-rules)`;
}
