import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CommanderError } from 'commander';
import packageJson from '../../package.json';
import { defaultLinterConfig, findConfigFile, parseLinterConfig, resolveConfig, type LinterConfig } from '../config/linter-config';
import { loadFormatter } from '../formatters/load-formatter';
import type { FormatterContext } from '../formatters/types';
import { displayPath, expandInputs } from '../inputs/expand-inputs';
import { CATALOG, whyNotConfigurable } from '../lint/catalog';
import { lintFiles, type FileTask, type SharedLintOptions } from '../lint/lint-files';
import { DEFAULT_MAX_FILE_BYTES, lintBytes, tooLargeFinding } from '../lint/lint-text';
import { fileResult, type FileResult } from '../lint/types';
import { EXIT, type ExitCode } from './exit-codes';
import { createProgram, type CliOptions } from './program';
import { listRules } from './list-rules';

/** The outside world of one run, so that tests can run the CLI in-process. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard input; reading may stop once more than `limit` bytes are in. */
  readonly readStdin: (limit: number) => Promise<Uint8Array>;
  /** Whether stylish output may be coloured (a terminal, NO_COLOR unset). */
  readonly color: boolean;
  /** The JSON Schema of the project config, as text. */
  readonly readSchema: () => string;
  /** The current instant, used when --now is not given. */
  readonly now: () => string;
  /** A module that runs lint workers (the bundle itself); without it, every file is linted on the main thread. */
  readonly workerUrl?: URL;
}

/** The version of atlas-lint, from its package.json. */
export const VERSION: string = packageJson.version;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function loadConfig(options: CliOptions, io: CliIo): LinterConfig | undefined {
  const file = options.config !== undefined ? resolve(io.cwd, options.config) : options.configLookup ? findConfigFile(io.cwd) : undefined;
  if (file === undefined) return defaultLinterConfig(io.cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr(`atlas-lint: cannot read the config file ${displayPath(file, io.cwd)}: ${errorMessage(error)}\n`);
    return undefined;
  }
  const baseDir = options.config !== undefined ? io.cwd : dirname(file);
  const { config, errors } = parseLinterConfig(text, file, whyNotConfigurable, baseDir);
  if (!config) {
    const shown = displayPath(file, io.cwd);
    io.stderr(`atlas-lint: the config file ${shown} is invalid:\n`);
    for (const e of errors) io.stderr(`  ${shown}:${e.line}:${e.column}  ${e.message}\n`);
    return undefined;
  }
  return config;
}

/**
 * Runs atlas-lint with the given arguments (without `node` and the script) and returns
 * the exit code: 0 clean, 1 findings at or above the threshold, 2 usage or internal error.
 * @example process.exitCode = await run(process.argv.slice(2), io) // io: see src/atlas-lint.ts
 */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let options: CliOptions | undefined;
  const program = createProgram(VERSION, { out: io.stdout, err: io.stderr }, (parsed) => {
    options = parsed;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.clean : EXIT.error;
    }
    throw error;
  }
  if (!options) return EXIT.error;
  return lint(options, io);
}

async function lint(options: CliOptions, io: CliIo): Promise<ExitCode> {
  const usage = (message: string): ExitCode => {
    io.stderr(`atlas-lint: ${message}\n(run atlas-lint --help for usage)\n`);
    return EXIT.error;
  };

  if (options.printSchema) {
    io.stdout(io.readSchema());
    return EXIT.clean;
  }
  if (options.listRules) {
    io.stdout(listRules(CATALOG, options.format === 'json' ? 'json' : 'text'));
    return EXIT.clean;
  }
  if (options.stdin && options.patterns.length > 0) return usage('--stdin lints standard input only: give no file arguments with it.');
  if (!options.stdin && options.stdinFilename !== undefined) return usage('--stdin-filename needs --stdin.');
  if (!options.stdin && options.patterns.length === 0) return usage('no files given: name files, directories or globs, or use --stdin.');

  const config = loadConfig(options, io);
  if (!config) return EXIT.error;
  const resolved = resolveConfig(config);
  const now = options.now ?? io.now();
  const keyRotationDays = options.keyRotationDays ?? config.keyRotationDays;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const shared: SharedLintOptions = { now, maxFileBytes, ...(keyRotationDays ? { keyRotationDays } : {}) };
  let failed = false;

  const results: FileResult[] = [];
  if (options.stdin) {
    const absolutePath = resolve(io.cwd, options.stdinFilename ?? 'stdin.yaml');
    const shown = options.stdinFilename !== undefined ? displayPath(absolutePath, io.cwd) : '<stdin>';
    let bytes: Uint8Array;
    try {
      bytes = await io.readStdin(maxFileBytes);
    } catch (error) {
      io.stderr(`atlas-lint: cannot read standard input: ${errorMessage(error)}\n`);
      return EXIT.error;
    }
    if (!resolved.isIgnored(absolutePath)) {
      try {
        // Standard input is read no further than the limit, so its real size is unknown.
        if (bytes.length > maxFileBytes) results.push(fileResult(shown, [tooLargeFinding(undefined, maxFileBytes)]));
        else results.push(lintBytes(bytes, { filePath: shown, ...shared, settings: resolved.settingsFor(absolutePath) }));
      } catch (error) {
        io.stderr(`atlas-lint: internal error while linting ${shown}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        return EXIT.error;
      }
    }
  } else {
    const { files, errors } = expandInputs(options.patterns, io.cwd);
    for (const message of errors) io.stderr(`atlas-lint: ${message}\n`);
    if (errors.length > 0) failed = true;
    // Files named on the command line are skipped quietly when ignored: a pre-commit hook
    // passes every staged YAML file, and ignores are how a project says which are not configs.
    const tasks: FileTask[] = files
      .filter((file) => !resolved.isIgnored(file))
      .map((file) => ({ absolutePath: file, shown: displayPath(file, io.cwd), settings: [...resolved.settingsFor(file)] }));
    for (const outcome of await lintFiles(tasks, shared, io.workerUrl)) {
      if ('result' in outcome) results.push(outcome.result);
      else {
        failed = true;
        io.stderr(`atlas-lint: ${outcome.problem}\n`);
      }
    }
  }

  const ctx: FormatterContext = { cwd: io.cwd, color: io.color, version: VERSION, catalog: CATALOG };
  const format = await loadFormatter(options.format);
  io.stdout(format(results, ctx));

  if (failed) return EXIT.error;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0 || (options.failSeverity === 'warn' && warnings > 0)) return EXIT.findings;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`atlas-lint found too many warnings: ${warnings} (maximum: ${options.maxWarnings}).\n`);
    return EXIT.findings;
  }
  return EXIT.clean;
}
