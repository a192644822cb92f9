import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globToRegExp, isGlob } from './glob';

/** The files the command line names, and the arguments that named none. */
export interface ExpandedInputs {
  /** Absolute paths, in argument order, without duplicates. */
  readonly files: readonly string[];
  /** One message per argument that is missing or matches no file. */
  readonly errors: readonly string[];
}

const CONFIG_EXTENSIONS = /\.ya?ml$/i;
/** Never descended into when a directory or glob is expanded. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** Converts a native path to the `/`-separated form globs and messages use. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * A path as shown to the user: relative to the working directory when inside it.
 * @example displayPath('/repo/a/b.yaml', '/repo') // → 'a/b.yaml'
 */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? toPosix(absolute) : toPosix(rel);
}

function walk(dir: string, visit: (file: string) => void, skip: (name: string) => boolean, unreadable: (dir: string, error: Error) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    // A directory that may not be listed could hold configs: say so (exit code 2), never skip it quietly.
    unreadable(dir, error as Error);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Symbolic links to directories are not followed: they can loop.
    if (entry.isDirectory()) {
      if (!skip(entry.name)) walk(path, visit, skip, unreadable);
    } else if (entry.isFile() || entry.isSymbolicLink()) visit(path);
  }
}

function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments) {
    if (isGlob(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/') || '.';
}

/**
 * Expands command-line arguments: a file stays itself, a directory becomes every
 * `*.yaml`/`*.yml` below it, and a glob (quoted, so the shell left it alone) every file
 * it matches; `node_modules` and `.git` are skipped unless a glob names them.
 * @example expandInputs(['examples', 'configs/**\/*.yml'], process.cwd())
 */
export function expandInputs(patterns: readonly string[], cwd: string): ExpandedInputs {
  const files: string[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };

  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(absolute);
    } catch (error) {
      stats = undefined;
      // A path that exists but may not be looked at (a directory on the way without search
      // permission) is not "no such file".
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && !isGlob(pattern)) {
        errors.push(`Cannot read "${pattern}": ${(error as Error).message}.`);
        continue;
      }
    }

    // A named pipe or a device named on the command line is a file that cannot be linted:
    // reading it says so (exit code 2), rather than "no such file".
    if (stats && !stats.isDirectory()) {
      add(absolute);
      continue;
    }
    let matched = 0;
    const take = (file: string): void => {
      matched++;
      add(file);
    };
    let unreadableDirs = 0;
    const unreadable = (path: string, error: Error): void => {
      unreadableDirs++;
      errors.push(`Cannot read the directory "${toPosix(relative(cwd, path)) || '.'}": ${error.message}.`);
    };
    if (stats?.isDirectory()) {
      walk(absolute, (file) => CONFIG_EXTENSIONS.test(file) && take(file), (name) => SKIPPED_DIRECTORIES.has(name), unreadable);
      if (matched === 0 && unreadableDirs === 0) errors.push(`No *.yaml or *.yml files in the directory "${pattern}".`);
      continue;
    }
    if (!isGlob(pattern)) {
      errors.push(`No such file or directory: "${pattern}".`);
      continue;
    }

    const posixPattern = toPosix(pattern).replace(/^\.\//, '');
    const base = resolve(cwd, globBase(posixPattern));
    // Absolute patterns match absolute paths; relative ones match paths relative to the cwd,
    // so that glob characters in the cwd's own name mean nothing.
    const regexp = globToRegExp(posixPattern);
    const subject = isAbsolute(pattern) ? (file: string) => toPosix(file) : (file: string) => toPosix(relative(cwd, file));
    const namesSkipped = (name: string): boolean => SKIPPED_DIRECTORIES.has(name) && !posixPattern.includes(name);
    walk(base, (file) => regexp.test(subject(file)) && take(file), namesSkipped, (path, error) => {
      // The base of a glob that does not exist is "nothing matches", not an unreadable directory.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') unreadable(path, error);
    });
    if (matched === 0 && unreadableDirs === 0) errors.push(`No files matching the pattern "${pattern}".`);
  }
  return { files, errors };
}
