// GitHub Actions workflow commands, which the runner turns into annotations on the diff:
// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
import type { Formatter } from './types';

/** Escapes a command's message, as the Actions toolkit does (`escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value, as the Actions toolkit does (`escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One `::error` / `::warning` line per finding, with file, start and end position and the
 * rule id as the annotation title; related locations are named in the message.
 * @example github(results, ctx) // → '::error file=a.yaml,line=3,col=5,endLine=3,endColumn=9,title=schema/type::…\n'
 */
export const github: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const f of result.findings) {
      const command = f.severity === 'error' ? 'error' : 'warning';
      const props = [
        `file=${escapeProperty(result.filePath)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      const related = (f.related ?? []).map((r) => ` (line ${r.line}: ${r.message})`).join('');
      lines.push(`::${command} ${props}::${escapeData(`${f.message}${related}`)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
