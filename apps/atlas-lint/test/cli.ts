// Runs the built bundle as a user would: a child process with its own cwd, stdin and env.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WORKSPACE_ROOT = resolve(APP_ROOT, '../..');
export const BUNDLE = resolve(APP_ROOT, 'dist/atlas-lint.mjs');
export const BUILD_SCRIPT = resolve(APP_ROOT, 'scripts/build.mjs');
export const EXAMPLES = resolve(WORKSPACE_ROOT, 'examples');

/** The fixed "now" of every test, so that no result depends on the wall clock. */
export const NOW = '2026-11-22T12:00:00Z';

/** The environment of the child: no colour forcing inherited from the test runner. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!('FORCE_COLOR' in extra)) delete env.FORCE_COLOR;
  if (!('NO_COLOR' in extra)) delete env.NO_COLOR;
  return env;
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node dist/atlas-lint.mjs ...args`.
 * @example runCli(['examples/demo-project.yaml', '--now', NOW], { cwd: WORKSPACE_ROOT })
 */
export function runCli(args: readonly string[], options: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): CliRun {
  const child = spawnSync(process.execPath, [BUNDLE, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: childEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}
