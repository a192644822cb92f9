// Child processes of the bench: every one is registered here so that the bench leaves nothing
// running, whether it ends normally, fails, or is interrupted.
import { fork, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import { msSince } from './stats';

const running = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Kills whatever children are still running (SIGKILL: called on the way out). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** Stops a child politely (SIGTERM), then forcibly after `graceMs`; resolves when it has exited. */
export async function stop(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A spawned process that announced itself with one JSON line on stdout. */
export interface Announced<T> {
  readonly child: ChildProcess;
  readonly info: T;
  /** Milliseconds from spawn to the line. */
  readonly ms: number;
}

/**
 * Spawns `command` and waits (at most `timeoutMs`) for the first line of stdout, parsed as JSON.
 * Standard error goes to /dev/null unless `stderr` says otherwise.
 */
export function spawnAnnounced<T>(command: string, args: readonly string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<Announced<T>> {
  const started = process.hrtime.bigint();
  const child = track(spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'], ...options }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')}: no start-up line within ${options.timeoutMs ?? 30_000} ms`));
    }, options.timeoutMs ?? 30_000);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.close();
      try {
        resolve({ child, info: JSON.parse(line) as T, ms: msSince(started) });
      } catch (error) {
        reject(new Error(`${args.join(' ')} printed ${line.slice(0, 200)}: ${(error as Error).message}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited with ${code} before it was ready`));
    });
  });
}

/** A forked bench child (src/children/*) that talks over IPC. */
export interface Worker<T> {
  readonly child: ChildProcess;
  /** The child's first message. */
  readonly ready: T;
  /** Sends a request and resolves with the next message. */
  ask<R>(message: unknown): Promise<R>;
}

/** Forks a bundled child script and waits (at most `timeoutMs`) for its first message. */
export function forkWorker<T>(script: string, args: readonly string[], options: { execArgv?: string[]; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Worker<T>> {
  const child = track(fork(script, [...args], { execArgv: options.execArgv ?? [], env: options.env ?? process.env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  const ask = <R>(message: unknown): Promise<R> =>
    new Promise((resolve, reject) => {
      child.once('message', (reply) => resolve(reply as R));
      child.send(message as object, (error) => error && reject(error));
    });
  return new Promise((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 600_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script}: not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('message', (ready) => {
      clearTimeout(timer);
      resolve({ child, ready: ready as T, ask });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready`));
    });
  });
}

/** Runs a command to completion and returns its wall time in milliseconds and its exit code. */
export function timeRun(command: string, args: readonly string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<{ ms: number; code: number | null }> {
  const started = process.hrtime.bigint();
  const child = track(spawn(command, args, { stdio: 'ignore', ...options }));
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')}: still running after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ ms: msSince(started), code });
    });
  });
}
