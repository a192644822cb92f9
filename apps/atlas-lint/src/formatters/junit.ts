// JUnit XML as Jenkins, GitLab and Azure DevOps read it: one <testsuite> per file, one
// failing <testcase> per finding, and one passing <testcase> for a clean file so that it
// shows up as checked.
import type { Formatter } from './types';

/** Escapes text for XML and drops characters XML 1.0 cannot hold at all. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A JUnit report of the results.
 * @example junit(results, ctx) // → '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites …'
 */
export const junit: Formatter = (results, ctx) => {
  const docs = new Map(ctx.catalog.map((entry) => [entry.id, entry.docsUrl]));
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const result of results) {
    const file = escapeXml(result.filePath);
    const cases: string[] = [];
    for (const f of result.findings) {
      const where = `${f.line}:${f.column}`;
      const body = [`${result.filePath}:${where} ${f.severity} ${f.message} (${f.ruleId})`];
      for (const r of f.related ?? []) body.push(`  related ${r.line}:${r.column} ${r.message}`);
      const docsUrl = docs.get(f.ruleId);
      if (docsUrl) body.push(`Docs: ${docsUrl}`);
      cases.push(
        `    <testcase classname="${file}" name="${escapeXml(`${f.ruleId} at ${where}`)}" file="${file}" line="${f.line}">\n` +
          `      <failure type="${f.severity}" message="${escapeXml(f.message)}">${escapeXml(body.join('\n'))}</failure>\n` +
          '    </testcase>',
      );
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${file}" name="atlas-lint" file="${file}"/>`);
    tests += cases.length;
    failures += result.findings.length;
    suites.push(
      `  <testsuite name="${file}" tests="${cases.length}" failures="${result.findings.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="atlas-lint" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
