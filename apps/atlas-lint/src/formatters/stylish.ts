// Human output after ESLint's and Spectral's stylish: one block per file, aligned columns,
// related locations under their finding, a summary, and each reported rule's docs link.
import picocolors from 'picocolors';
import type { Formatter } from './types';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The default, human-readable format; prints nothing when there is nothing to report.
 * @example stylish(results, { cwd, color: false, version, catalog })
 */
export const stylish: Formatter = (results, ctx) => {
  const c = picocolors.createColors(ctx.color);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  const reported = new Set<string>();

  for (const result of results) {
    if (result.findings.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    const positions = result.findings.map((f) => `${f.line}:${f.column}`);
    const posWidth = Math.max(...positions.map((p) => p.length));
    lines.push(c.underline(result.filePath));
    result.findings.forEach((f, i) => {
      reported.add(f.ruleId);
      const severity = f.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      const code = f.errorCode ? c.dim(` (${f.httpStatus ?? 400} ${f.errorCode})`) : '';
      lines.push(`  ${c.dim(positions[i]!.padEnd(posWidth))}  ${severity}  ${f.message}  ${c.dim(f.ruleId)}${code}`);
      for (const r of f.related ?? []) {
        lines.push(`  ${' '.repeat(posWidth)}  ${c.dim(`↳ ${r.line}:${r.column}`)}  ${r.message}`);
      }
    });
    lines.push('');
  }
  if (errors + warnings === 0) return '';

  const summary = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  lines.push(errors > 0 ? c.bold(c.red(summary)) : c.bold(c.yellow(summary)));
  const docs = ctx.catalog.filter((entry) => reported.has(entry.id));
  if (docs.length > 0) {
    lines.push('', c.dim('Rule docs:'));
    for (const entry of docs) lines.push(c.dim(`  ${entry.id}  ${entry.docsUrl}`));
  }
  return `${lines.join('\n')}\n`;
};
