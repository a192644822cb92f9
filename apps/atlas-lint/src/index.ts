// The programmatic API of atlas-lint, for editors and tools that lint in-process.
export { run, VERSION, type CliIo } from './cli/run';
export { EXIT, type ExitCode } from './cli/exit-codes';
export { lintBytes, lintText, type LintOptions } from './lint/lint-text';
export { CATALOG, LINTER_KINDS, catalogEntry, type CatalogEntry } from './lint/catalog';
export { loadFormatter } from './formatters/load-formatter';
export { FORMAT_NAMES, type FormatName, type Formatter, type FormatterContext } from './formatters/types';
export { parseLinterConfig, resolveConfig, findConfigFile, type LinterConfig } from './config/linter-config';
export type { FileResult, LintFinding, Span, RelatedSpan, RuleSetting } from './lint/types';
