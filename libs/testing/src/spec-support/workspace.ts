// Running the recipes under examples/ the way their readers run them: as child processes from
// the workspace root, against the built bundles.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKSPACE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Vitest's own variables, which would make a nested vitest think it is a worker of this run. */
const cleanEnv = (extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv =>
  Object.fromEntries([...Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')), ...Object.entries(extra)]);

/**
 * Builds the CLI bundle (apps/mock-atlas/dist) and this library's bundle (libs/testing/dist,
 * what Jest and node:test import), through Nx so it is cached when nothing changed, unless this
 * run is Nx's own test task, whose `dependsOn: ["build", "^build"]` has just built both.
 */
export function ensureBundlesBuilt(): void {
  if (process.env['NX_TASK_TARGET_PROJECT'] === '@mock-atlas/testing' && process.env['NX_TASK_TARGET_TARGET'] === 'test') return;
  const nx = join(WORKSPACE_ROOT, 'node_modules/nx/dist/bin/nx.js');
  const build = spawnSync(process.execPath, [nx, 'run-many', '-t', 'build', '-p', 'mock-atlas,@mock-atlas/testing', '--outputStyle=static'], {
    cwd: WORKSPACE_ROOT,
    env: cleanEnv({ NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' }),
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (build.status !== 0) throw new Error(`building the bundles failed:\n${build.stdout}\n${build.stderr}`);
}

/** What a finished child process printed, and how it ended. */
export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `command` from the workspace root to its end (killed after `timeoutMs`).
 * @example await run('node', ['--test', 'examples/recipes/node-test/lost-key.test.mjs'])
 */
export function run(command: string, args: readonly string[], options: { env?: Readonly<Record<string, string>>; timeoutMs?: number } = {}): Promise<Finished> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: WORKSPACE_ROOT, env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}
