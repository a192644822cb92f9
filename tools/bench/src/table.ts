// The results table: one row per figure, ours next to the baseline measured in the same run.

/**
 * What a reference server reaches on the same figure against the same baseline runs: no target,
 * a yardstick for how much of the gap to the baseline is the framework's own.
 */
export interface Reference {
  readonly name: string;
  readonly ratio: number;
  /** Why the reference runs are not trustworthy (failed requests), when they are not. */
  readonly invalid?: string;
}

/** One figure of the bench. */
export interface Row {
  readonly figure: string;
  readonly ours: number;
  readonly baseline?: number;
  /** The unit of `ours` and `baseline`: 'req/s', 'ms', 'MB', 's'. */
  readonly unit: string;
  /** What the target compares: ours / baseline, or ours − baseline (`difference`). */
  readonly ratio?: number;
  readonly difference?: number;
  readonly target: string;
  readonly pass: boolean;
  /** Why a figure is not trustworthy (failed requests, a refused input), when it is not. */
  readonly invalid?: string;
  /** For load figures: the servers' mean CPU time per response (µs), steadier than req/s on a shared machine. */
  readonly cpuUsPerRequest?: { readonly ours: number; readonly baseline: number };
  readonly reference?: Reference;
}

function num(value: number | undefined, unit = ''): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** A ratio with three decimals, so that 0.596 does not print as a passing 0.60. */
function times(value: number): string {
  return `${value.toFixed(3)}×`;
}

/** The table as aligned text. */
export function renderTable(rows: readonly Row[]): string {
  const header = ['figure', 'ours', 'baseline', 'ratio', 'target', 'result'];
  const body = rows.map((r) => [
    r.figure,
    num(r.ours, r.unit),
    num(r.baseline, r.unit),
    r.ratio !== undefined ? times(r.ratio) : r.difference !== undefined ? `+${num(r.difference, r.unit)}` : '—',
    r.target,
    r.invalid ? `FAIL (${r.invalid})` : r.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The servers' CPU per response for the load figures, as aligned text (empty when none was measured). */
export function renderCpuTable(rows: readonly Row[]): string {
  const measured = rows.filter((r) => r.cpuUsPerRequest);
  if (measured.length === 0) return '';
  const lines = measured.map((r) => {
    const cpu = r.cpuUsPerRequest!;
    return `${r.figure.padEnd(42)}  ${num(cpu.ours, 'µs').padStart(9)}  ${num(cpu.baseline, 'µs').padStart(9)}  ${times(cpu.ours / cpu.baseline).padStart(7)}`;
  });
  return ['server CPU per response (user + system)  ours        baseline   ratio', ...lines].join('\n');
}

function referenceLine(r: Row & { reference: Reference }): string {
  const ref = r.reference;
  return `${r.figure}: ${times(r.ratio ?? Number.NaN)}; ${ref.name}: ${times(ref.ratio)}${ref.invalid ? ` (invalid: ${ref.invalid})` : ''}`;
}

/** The reference ratios beside the figures that have one, as text (empty when none). */
export function renderReferences(rows: readonly Row[]): string {
  const lines = rows.filter((r): r is Row & { reference: Reference } => r.reference !== undefined).map(referenceLine);
  return lines.length === 0 ? '' : ['references (no target, same baseline runs):', ...lines.map((l) => `  ${l}`)].join('\n');
}

/** The table as Markdown, for docs/benchmarks.md. */
export function renderMarkdown(rows: readonly Row[]): string {
  const lines = ['| figure | ours | baseline | ratio | target | result |', '|---|---:|---:|---:|---|---|'];
  for (const r of rows) {
    const ratio = r.ratio !== undefined ? times(r.ratio) : r.difference !== undefined ? `+${num(r.difference, r.unit)}` : '—';
    lines.push(`| ${r.figure} | ${num(r.ours, r.unit)} | ${num(r.baseline, r.unit)} | ${ratio} | ${r.target} | ${r.invalid ? `FAIL (${r.invalid})` : r.pass ? 'pass' : 'FAIL'} |`);
  }
  const references = rows.filter((r): r is Row & { reference: Reference } => r.reference !== undefined);
  if (references.length > 0) lines.push('', ...references.map((r) => `Reference (no target): ${referenceLine(r)}.`));
  return lines.join('\n');
}
