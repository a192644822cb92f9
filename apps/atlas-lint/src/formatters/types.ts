import type { CatalogEntry } from '../lint/catalog';
import type { FileResult } from '../lint/types';

/** What a formatter may know besides the results; formatters read nothing else. */
export interface FormatterContext {
  /** The working directory, which result paths are relative to. */
  readonly cwd: string;
  /** Whether to colour the output (stylish only; true only on a terminal). */
  readonly color: boolean;
  readonly version: string;
  /** Every finding id the linter can report, for rule metadata (SARIF) and docs links. */
  readonly catalog: readonly CatalogEntry[];
}

/** A pure function from results to the text printed on stdout. */
export type Formatter = (results: readonly FileResult[], ctx: FormatterContext) => string;

/** The output formats of --format. */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
