import type { Formatter } from './types';

/**
 * Machine-readable results: every file (clean ones too), each finding with its span,
 * rule id, severity, Atlas error code, document path, docs link and related spans.
 * @example JSON.parse(json(results, ctx)).results[0].findings[0].ruleId
 */
export const json: Formatter = (results, ctx) => {
  const docs = new Map(ctx.catalog.map((entry) => [entry.id, entry.docsUrl]));
  let errorCount = 0;
  let warningCount = 0;
  const out = results.map((result) => {
    errorCount += result.errorCount;
    warningCount += result.warningCount;
    return {
      filePath: result.filePath,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      findings: result.findings.map((f) => {
        const docsUrl = docs.get(f.ruleId);
        return { ...f, ...(docsUrl ? { docsUrl } : {}) };
      }),
    };
  });
  return `${JSON.stringify({ tool: { name: 'atlas-lint', version: ctx.version }, errorCount, warningCount, results: out }, null, 2)}\n`;
};
