import { Command, InvalidArgumentError, Option } from 'commander';
import { FORMAT_NAMES, type FormatName } from '../formatters/types';

/** The parsed command line. */
export interface CliOptions {
  readonly patterns: readonly string[];
  readonly format: FormatName;
  readonly failSeverity: 'error' | 'warn';
  /** -1: no limit. */
  readonly maxWarnings: number;
  readonly config?: string;
  readonly configLookup: boolean;
  readonly stdin: boolean;
  readonly stdinFilename?: string;
  readonly printSchema: boolean;
  readonly listRules: boolean;
  readonly now?: string;
  readonly keyRotationDays?: number;
  /** Bytes; undefined for the default. */
  readonly maxFileBytes?: number;
}

function wholeNumber(min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`expected a whole number of at least ${min}.`);
    return Number(value);
  };
}

function isoInstant(value: string): string {
  // Date-only values are accepted and mean midnight UTC.
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('expected an ISO-8601 date or date-time, such as 2026-11-22 or 2026-11-22T12:00:00Z.');
  }
  return new Date(value).toISOString();
}

const EXIT_CODES_HELP = `
Exit codes:
  0  no finding at or above the threshold
  1  findings at or above --fail-severity, or more warnings than --max-warnings
  2  bad usage, an invalid config file, an unreadable file, or an internal error

Examples:
  atlas-lint examples/demo-project.yaml
  atlas-lint configs/ --format sarif > atlas-lint.sarif
  atlas-lint 'configs/**/*.yaml' --fail-severity warn
  cat project.yaml | atlas-lint --stdin --stdin-filename configs/project.yaml

Suppress a finding with a reason:  # atlas-lint-disable-next-line <rule-id> -- <reason>
Docs: https://github.com/mock-atlas/mock-atlas/blob/main/docs/atlas-lint.md`;

/**
 * The atlas-lint command line. `onParsed` receives the options; commander's own output
 * (help, version, usage errors) goes through `write`.
 * @example createProgram('0.1.0', io, (o) => { options = o }).parseAsync(argv, { from: 'user' })
 */
export function createProgram(
  version: string,
  write: { readonly out: (text: string) => void; readonly err: (text: string) => void },
  onParsed: (options: CliOptions) => void,
): Command {
  const program = new Command('atlas-lint')
    .description('Lint Atlas project configs (YAML) with the mock-atlas rule catalog.')
    .argument('[patterns...]', 'files, directories (every *.yaml / *.yml below) or quoted globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .addOption(new Option('--fail-severity <severity>', 'lowest severity that fails the run').choices(['error', 'warn']).default('error'))
    .option('--max-warnings <n>', 'fail when there are more than n warnings', wholeNumber(0))
    .option('-c, --config <file>', 'linter config file (default: atlas-lint.config.yaml found upward from the working directory)')
    .option('--no-config-lookup', 'do not look for atlas-lint.config.yaml')
    .option('--stdin', 'lint the text on standard input')
    .option('--stdin-filename <path>', 'the file name to report (and match config globs) for --stdin')
    .option('--print-schema', "print the project config's JSON Schema and exit")
    .option('--list-rules', 'list every rule and finding id with its severity and docs link, and exit')
    .option('--now <iso-date>', 'the date rules compare with (default: the current time); for reproducible runs', isoInstant)
    .option('--key-rotation-days <days>', 'age after which a key should be rotated (default 90)', wholeNumber(1))
    .option('--max-file-size <MiB>', 'refuse larger files unread (default 2)', wholeNumber(1))
    .version(version, '-v, --version', 'print the version and exit')
    .helpOption('-h, --help', 'print this help and exit')
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run atlas-lint --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: write.out, writeErr: write.err })
    .action((patterns: string[], opts: Record<string, unknown>) => {
      onParsed({
        patterns,
        format: opts.format as FormatName,
        failSeverity: opts.failSeverity as 'error' | 'warn',
        maxWarnings: (opts.maxWarnings as number | undefined) ?? -1,
        ...(opts.config !== undefined ? { config: opts.config as string } : {}),
        configLookup: opts.configLookup !== false,
        stdin: opts.stdin === true,
        ...(opts.stdinFilename !== undefined ? { stdinFilename: opts.stdinFilename as string } : {}),
        printSchema: opts.printSchema === true,
        listRules: opts.listRules === true,
        ...(opts.now !== undefined ? { now: opts.now as string } : {}),
        ...(opts.keyRotationDays !== undefined ? { keyRotationDays: opts.keyRotationDays as number } : {}),
        ...(opts.maxFileSize !== undefined ? { maxFileBytes: (opts.maxFileSize as number) * 1024 * 1024 } : {}),
      });
    });
  return program;
}
