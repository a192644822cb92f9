// Linting files by path, on the main thread or spread over worker threads. A task is
// plain data (it crosses the thread boundary by structured clone), and so is its outcome.
import { readRegularFile } from '@mock-atlas/domain';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lintBytes, tooLargeFinding } from './lint-text';
import { fileResult, type FileResult, type RuleSetting } from './types';

/** One file to lint. */
export interface FileTask {
  readonly absolutePath: string;
  /** The path shown to the user. */
  readonly shown: string;
  /** The config's rule settings for this file. */
  readonly settings: readonly (readonly [string, RuleSetting])[];
}

/** What every task of a run shares. */
export interface SharedLintOptions {
  readonly now: string;
  readonly keyRotationDays?: number;
  readonly maxFileBytes: number;
}

/** A file's result, or why there is none (exit code 2). */
export type FileOutcome = { readonly result: FileResult } | { readonly problem: string };

function errorText(error: unknown, withStack: boolean): string {
  if (!(error instanceof Error)) return String(error);
  return withStack ? (error.stack ?? error.message) : error.message;
}

/**
 * Reads and lints one file; a file over the size limit is not read past the limit.
 * @example lintFileTask({ absolutePath: '/repo/a.yaml', shown: 'a.yaml', settings: [] }, { now, maxFileBytes })
 */
export function lintFileTask(task: FileTask, shared: SharedLintOptions): FileOutcome {
  let bytes: Uint8Array;
  try {
    const read = readRegularFile(task.absolutePath, shared.maxFileBytes);
    if (!read.ok && read.reason === 'not-regular') return { problem: `cannot read ${task.shown}: it is ${read.kind}, not a regular file` };
    // A file that grew past the limit while it was read has no size worth printing.
    if (!read.ok) return { result: fileResult(task.shown, [tooLargeFinding(read.grew ? undefined : read.size, shared.maxFileBytes)]) };
    bytes = read.bytes;
  } catch (error) {
    return { problem: `cannot read ${task.shown}: ${errorText(error, false)}` };
  }
  try {
    return {
      result: lintBytes(bytes, {
        filePath: task.shown,
        now: shared.now,
        maxFileBytes: shared.maxFileBytes,
        settings: new Map(task.settings),
        ...(shared.keyRotationDays ? { keyRotationDays: shared.keyRotationDays } : {}),
      }),
    };
  } catch (error) {
    return { problem: `internal error while linting ${task.shown}: ${errorText(error, true)}` };
  }
}

/** Below this many files, starting a worker (loading the bundle again) costs more than it saves. */
const FILES_PER_WORKER = 150;
const MAX_LANES = 4;

/** The data a lint worker thread starts with. */
export interface LintWorkerData {
  readonly atlasLintWorker: true;
  readonly tasks: readonly FileTask[];
  readonly shared: SharedLintOptions;
}

function runLane(workerUrl: URL, tasks: readonly FileTask[], shared: SharedLintOptions): Promise<FileOutcome[]> {
  return new Promise((resolve) => {
    const data: LintWorkerData = { atlasLintWorker: true, tasks, shared };
    let settled = false;
    const fallBack = (): void => {
      // A worker that cannot start or dies: lint its files here instead.
      if (!settled) {
        settled = true;
        resolve(tasks.map((t) => lintFileTask(t, shared)));
      }
    };
    const worker = new Worker(workerUrl, { workerData: data });
    worker.once('message', (outcomes: FileOutcome[]) => {
      settled = true;
      resolve(outcomes);
      void worker.terminate();
    });
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  });
}

/**
 * Lints files, in order. With a worker URL (the bundle itself) and enough files, the files
 * are dealt out round-robin to worker threads and the main thread.
 * @example await lintFiles(tasks, { now, maxFileBytes }, new URL(import.meta.url))
 */
export async function lintFiles(tasks: readonly FileTask[], shared: SharedLintOptions, workerUrl?: URL): Promise<FileOutcome[]> {
  const lanes = workerUrl ? Math.min(MAX_LANES, availableParallelism(), Math.floor(tasks.length / FILES_PER_WORKER) + 1) : 1;
  if (lanes <= 1 || !workerUrl) return tasks.map((t) => lintFileTask(t, shared));

  const dealt: FileTask[][] = Array.from({ length: lanes }, () => []);
  tasks.forEach((task, i) => dealt[i % lanes]!.push(task));
  const workers = dealt.slice(1).map((laneTasks) => runLane(workerUrl, laneTasks, shared));
  const mine = dealt[0]!.map((t) => lintFileTask(t, shared));
  const theirs = await Promise.all(workers);
  const lanesOutcomes = [mine, ...theirs];
  return tasks.map((_, i) => lanesOutcomes[i % lanes]![Math.floor(i / lanes)]!);
}

/**
 * The body of a lint worker thread: lint the tasks it was given and post the outcomes.
 * @example if (isLintWorkerData(workerData)) runLintWorker(workerData, parentPort!)
 */
export function runLintWorker(data: LintWorkerData, port: { postMessage(value: unknown): void }): void {
  port.postMessage(data.tasks.map((t) => lintFileTask(t, data.shared)));
}

/** Whether a thread was started as a lint worker. */
export function isLintWorkerData(data: unknown): data is LintWorkerData {
  return typeof data === 'object' && data !== null && (data as { atlasLintWorker?: unknown }).atlasLintWorker === true;
}
