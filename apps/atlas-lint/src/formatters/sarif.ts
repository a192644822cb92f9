// SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers. The driver lists
// every finding id the linter can report, with its docs link and default level, so that
// results refer to their rule by id and index.
import { pathToFileURL } from 'node:url';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { LintFinding, Span } from '../lint/types';
import type { Formatter } from './types';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/mock-atlas/mock-atlas/blob/main/docs/atlas-lint.md';

const level = (severity: LintFinding['severity']): 'error' | 'warning' => (severity === 'error' ? 'error' : 'warning');

/** A relative path as a URI reference: `/` separators, reserved characters escaped. */
function relativeUri(path: string): string {
  return encodeURI(path).replace(/[?#]/g, (ch) => (ch === '?' ? '%3F' : '%23'));
}

function physical(filePath: string, span: Span) {
  const absolute = filePath.startsWith('/') || /^[A-Za-z]:[\\/]/.test(filePath);
  return {
    artifactLocation: absolute ? { uri: pathToFileURL(filePath).href } : { uri: relativeUri(filePath), uriBaseId: '%SRCROOT%' },
    region: { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn },
  };
}

/**
 * A SARIF 2.1.0 log with one run: the catalog as the driver's rules, one result per finding.
 * @example JSON.parse(sarif(results, ctx)).runs[0].results[0].ruleId
 */
export const sarif: Formatter = (results, ctx) => {
  const rules: ReportingDescriptor[] = ctx.catalog.map((entry) => ({
    id: entry.id,
    shortDescription: { text: entry.description },
    helpUri: entry.docsUrl,
    help: { text: `${entry.description} See ${entry.docsUrl}` },
    defaultConfiguration: { level: level(entry.severity) },
    properties: {
      tags: [entry.kind],
      ...(entry.errorCode ? { atlasErrorCode: entry.errorCode, httpStatus: entry.httpStatus ?? 400 } : {}),
    },
  }));
  const ruleIndex = new Map(ctx.catalog.map((entry, index) => [entry.id, index]));

  const sarifResults: Result[] = [];
  for (const result of results) {
    for (const f of result.findings) {
      const index = ruleIndex.get(f.ruleId);
      const related: Location[] = (f.related ?? []).map((r, i) => ({ id: i + 1, physicalLocation: physical(result.filePath, r), message: { text: r.message } }));
      sarifResults.push({
        ruleId: f.ruleId,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: level(f.severity),
        message: { text: f.message },
        locations: [{ physicalLocation: physical(result.filePath, f), ...(f.path ? { logicalLocations: [{ fullyQualifiedName: f.path, kind: 'member' }] } : {}) }],
        ...(related.length > 0 ? { relatedLocations: related } : {}),
        ...(f.errorCode ? { properties: { atlasErrorCode: f.errorCode, httpStatus: f.httpStatus ?? 400 } } : {}),
      });
    }
  }

  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'atlas-lint', version: ctx.version, semanticVersion: ctx.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd.endsWith('/') ? ctx.cwd : `${ctx.cwd}/`).href } },
        // Columns are counted in UTF-16 code units, as the YAML parser counts them.
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
