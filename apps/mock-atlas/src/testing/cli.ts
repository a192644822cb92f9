// Running the built `mock-atlas` bundle as a child process, the way a user or another tool
// runs it: read what it prints, wait for it to exit, stop it with a signal.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_SECRETS } from '../server/start';
import { CLI_BUNDLE, WORKSPACE_ROOT } from './workspace';

/**
 * Builds the bundle through Nx (cached when nothing changed), unless this run is Nx's own
 * `mock-atlas:test` task, whose `dependsOn: ["build"]` has just built it.
 */
export function ensureCliBuilt(): void {
  if (process.env['NX_TASK_TARGET_PROJECT'] === 'mock-atlas' && process.env['NX_TASK_TARGET_TARGET'] === 'test') return;
  const nx = join(WORKSPACE_ROOT, 'node_modules/nx/dist/bin/nx.js');
  const build = spawnSync(process.execPath, [nx, 'run', 'mock-atlas:build', '--outputStyle=static'], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.status !== 0) throw new Error(`npx nx run mock-atlas:build failed:\n${build.stdout}\n${build.stderr}`);
}

/** A started `mock-atlas` process. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout contains `text` (rejects if the process exits first or after `ms`). */
  waitForStdout(text: string, ms?: number): Promise<string>;
  /** The exit code (or the signal's name), once the process has ended. */
  readonly exited: Promise<number | string>;
  /** SIGTERM, then the exit; a no-op when it already ended. */
  stop(): Promise<number | string>;
}

/**
 * Starts the bundle with `args` from the workspace root.
 * @example const cli = startCli(['--port', '0', '--json']); const line = await cli.waitForStdout('\n'); … await cli.stop();
 */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env): CliProcess {
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd: WORKSPACE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const l of listeners) l();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  let ended = false;
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      ended = true;
      for (const l of listeners) l();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStdout(text, ms = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`no ${JSON.stringify(text)} on stdout after ${ms} ms; stdout: ${out}; stderr: ${err}`)), ms);
        const check = () => {
          if (out.includes(text)) done();
          else if (ended) done(new Error(`mock-atlas exited before printing ${JSON.stringify(text)}; stdout: ${out}; stderr: ${err}`));
        };
        const done = (error?: Error) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(out);
        };
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (!ended) child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Runs the bundle to its end, for arguments that make it refuse to start.
 * @example const { code, stderr } = await runCliToExit(['--port', 'abc']);
 */
export async function runCliToExit(
  args: readonly string[],
  ms = 15_000,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const cli = startCli(args, env);
  const timer = setTimeout(() => cli.child.kill('SIGKILL'), ms);
  const code = await cli.exited;
  clearTimeout(timer);
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

/**
 * The test runner's environment without MOCK_ATLAS_CONTROL_TOKEN (which would change what the
 * CLI prints), and with `withoutDemoSecrets`, without the variables the demo config names.
 */
export function cliEnv(extra: NodeJS.ProcessEnv = {}, options: { readonly withoutDemoSecrets?: boolean } = {}): NodeJS.ProcessEnv {
  const unset = new Set(['MOCK_ATLAS_CONTROL_TOKEN', ...(options.withoutDemoSecrets ? DEMO_SECRETS : [])]);
  return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !unset.has(name))), ...extra };
}

/** Starts the CLI, hands it to `use`, and stops it however `use` ends. */
export async function withCli(args: readonly string[], env: NodeJS.ProcessEnv, use: (cli: CliProcess) => Promise<void>): Promise<void> {
  const cli = startCli(args, env);
  try {
    await use(cli);
  } finally {
    await cli.stop();
  }
}
