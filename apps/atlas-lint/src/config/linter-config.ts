// atlas-lint.config.yaml: rule severities, per-file overrides and ignores, after ESLint's
// flat config. Validated by hand (it is small) so that every error has a position.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Path } from '@mock-atlas/model';
import { parseYamlSource } from '@mock-atlas/domain';
import { createPathMatcher } from '../inputs/glob';
import { toPosix } from '../inputs/expand-inputs';
import type { RuleSetting } from '../lint/types';

/** The file name looked for upward from the working directory. */
export const CONFIG_FILE_NAMES = ['atlas-lint.config.yaml', 'atlas-lint.config.yml'] as const;

/** Files never linted when a directory or glob expands to them: the linter's own config. */
const ALWAYS_IGNORED = CONFIG_FILE_NAMES.map((name) => `**/${name}`);

type RuleSettings = Readonly<Record<string, RuleSetting>>;

/** A validated linter config. */
export interface LinterConfig {
  /** The config file, or undefined for the defaults. */
  readonly filePath?: string;
  /** Patterns are relative to this directory. */
  readonly baseDir: string;
  readonly rules: RuleSettings;
  readonly overrides: readonly { readonly files: readonly string[]; readonly rules: RuleSettings }[];
  readonly ignores: readonly string[];
  readonly keyRotationDays?: number;
}

/** One problem of a config file, positioned. */
export interface ConfigError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const SETTINGS = new Set<string>(['off', 'warn', 'error']);
const TOP_LEVEL = new Set(['rules', 'overrides', 'ignores', 'keyRotationDays']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses and validates a linter config's text.
 * `whyNotConfigurable` says why a rule id may not be set (unknown, mock-only, a YAML error).
 * Globs are relative to `baseDir`: the config's directory when it was found by looking
 * upward, the working directory when it was named with --config (as ESLint does).
 * @example parseLinterConfig('rules:\n  kms/key-rotation-age: off\n', '/repo/atlas-lint.config.yaml', () => undefined)
 */
export function parseLinterConfig(
  text: string,
  filePath: string,
  whyNotConfigurable: (id: string) => string | undefined,
  baseDir: string = dirname(filePath),
): { config?: LinterConfig; errors: ConfigError[] } {
  const source = parseYamlSource(text);
  const errors: ConfigError[] = source.problems
    .filter((p) => p.severity === 'error')
    .map((p) => ({ line: p.position.line, column: p.position.column, message: p.message }));
  if (errors.length > 0) return { errors };

  const fail = (path: Path, message: string): void => {
    const at = source.locate(path);
    errors.push({ line: at.line, column: at.column, message });
  };
  const failKey = (path: Path, message: string): void => {
    const at = source.locateKey(path);
    errors.push({ line: at.line, column: at.column, message });
  };
  const value = source.value ?? {};
  if (!isRecord(value)) {
    fail([], 'The config must be a mapping with any of: rules, overrides, ignores, keyRotationDays.');
    return { errors };
  }
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL.has(key)) failKey([key], `Unknown setting "${key}": the config may have rules, overrides, ignores and keyRotationDays.`);
  }

  const readRules = (raw: unknown, at: Path): RuleSettings => {
    if (raw === undefined || raw === null) return {};
    if (!isRecord(raw)) {
      fail(at, '"rules" must map rule ids to off, warn or error.');
      return {};
    }
    const out: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(raw)) {
      const why = whyNotConfigurable(id);
      if (why) failKey([...at, id], `${why.charAt(0).toUpperCase()}${why.slice(1)}.`);
      else if (typeof setting !== 'string' || !SETTINGS.has(setting)) fail([...at, id], `The setting of "${id}" must be off, warn or error, not ${JSON.stringify(setting)}.`);
      else out[id] = setting as RuleSetting;
    }
    return out;
  };
  const readPatterns = (raw: unknown, at: Path, what: string): string[] => {
    const list = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(list) || list.length === 0 || !list.every((p) => typeof p === 'string' && p !== '')) {
      fail(at, `${what} must be a glob or a non-empty list of globs.`);
      return [];
    }
    return list as string[];
  };

  const rules = readRules(value.rules, ['rules']);
  const ignores = value.ignores === undefined ? [] : readPatterns(value.ignores, ['ignores'], '"ignores"');
  const overrides: { files: string[]; rules: RuleSettings }[] = [];
  if (value.overrides !== undefined) {
    if (!Array.isArray(value.overrides)) fail(['overrides'], '"overrides" must be a list of {files, rules}.');
    else {
      value.overrides.forEach((item: unknown, index) => {
        if (!isRecord(item)) {
          fail(['overrides', index], 'Each override must be a mapping with "files" and "rules".');
          return;
        }
        for (const key of Object.keys(item)) {
          if (key !== 'files' && key !== 'rules') failKey(['overrides', index, key], `Unknown override setting "${key}": an override has files and rules.`);
        }
        const files = readPatterns(item.files, ['overrides', index, 'files'], `"overrides[${index}].files"`);
        overrides.push({ files, rules: readRules(item.rules, ['overrides', index, 'rules']) });
      });
    }
  }
  let keyRotationDays: number | undefined;
  if (value.keyRotationDays !== undefined) {
    if (typeof value.keyRotationDays !== 'number' || !Number.isInteger(value.keyRotationDays) || value.keyRotationDays < 1) {
      fail(['keyRotationDays'], '"keyRotationDays" must be a whole number of days, 1 or more.');
    } else keyRotationDays = value.keyRotationDays;
  }

  if (errors.length > 0) return { errors };
  return {
    config: { filePath, baseDir, rules, overrides, ignores, ...(keyRotationDays ? { keyRotationDays } : {}) },
    errors,
  };
}

/** The config used when there is no config file. */
export function defaultLinterConfig(cwd: string): LinterConfig {
  return { baseDir: cwd, rules: {}, overrides: [], ignores: [] };
}

/**
 * Finds atlas-lint.config.yaml (or .yml) in `startDir` or the nearest directory above it.
 * @example findConfigFile('/repo/configs') // → '/repo/atlas-lint.config.yaml'
 */
export function findConfigFile(startDir: string): string | undefined {
  let dir = startDir;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The per-file view of a config: whether a file is ignored, and its rule settings. */
export interface ResolvedConfig {
  isIgnored(absolutePath: string): boolean;
  /** The rule settings for a file: the top-level rules, then every matching override in order. */
  settingsFor(absolutePath: string): ReadonlyMap<string, RuleSetting>;
}

/**
 * Compiles a config's globs once for all files.
 * @example resolveConfig(config).settingsFor('/repo/fixtures/a.yaml').get('kms/key-rotation-age')
 */
export function resolveConfig(config: LinterConfig): ResolvedConfig {
  const rel = (absolutePath: string): string => toPosix(relative(config.baseDir, absolutePath));
  const ignored = createPathMatcher(config.ignores);
  const alwaysIgnored = createPathMatcher(ALWAYS_IGNORED);
  const overrides = config.overrides.map((o) => ({ matches: createPathMatcher(o.files), rules: o.rules }));
  const base = new Map(Object.entries(config.rules));
  return {
    isIgnored(absolutePath) {
      const path = rel(absolutePath);
      return alwaysIgnored(toPosix(absolutePath).replace(/^\/+/, '')) || ignored(path);
    },
    settingsFor(absolutePath) {
      const path = rel(absolutePath);
      const matching = overrides.filter((o) => o.matches(path));
      if (matching.length === 0) return base;
      const settings = new Map(base);
      for (const o of matching) for (const [id, setting] of Object.entries(o.rules)) settings.set(id, setting);
      return settings;
    },
  };
}
