import type { CatalogEntry } from '../lint/catalog';

/**
 * The --list-rules output: an aligned table for people, or a JSON array for tools.
 * @example listRules(CATALOG, 'text').split('\n')[0] // → 'id  severity  …'
 */
export function listRules(catalog: readonly CatalogEntry[], as: 'text' | 'json'): string {
  if (as === 'json') {
    return `${JSON.stringify(
      catalog.map(({ id, kind, severity, errorCode, httpStatus, description, docsUrl }) => ({ id, kind, severity, errorCode, httpStatus, description, docsUrl })),
      null,
      2,
    )}\n`;
  }
  const idWidth = Math.max(...catalog.map((e) => e.id.length));
  const lines = catalog.map((e) => {
    const code = e.errorCode ? `${e.httpStatus ?? 400} ${e.errorCode}` : 'lint only';
    return `${e.id.padEnd(idWidth)}  ${e.severity.padEnd(5)}  ${code}\n${' '.repeat(idWidth + 2)}${e.description}\n${' '.repeat(idWidth + 2)}${e.docsUrl}`;
  });
  return `${lines.join('\n')}\n`;
}
