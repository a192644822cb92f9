#!/usr/bin/env node
// The atlas-lint executable: wires the real process into the CLI.
import { fstatSync, readFileSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { EXIT } from './cli/exit-codes';
import { streamWriter } from './cli/output';
import { run } from './cli/run';
import { isLintWorkerData, runLintWorker } from './lint/lint-files';

function wantsColor(): boolean {
  const env = process.env;
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return process.stdout.isTTY === true && env.TERM !== 'dumb';
}

/** Standard input, but no more than `limit` bytes (`cat /dev/zero | atlas-lint --stdin` must end). */
async function readStdin(limit: number): Promise<Uint8Array> {
  // `atlas-lint --stdin < some-dir`: Node's stdin stream ends quietly on EISDIR, which would lint
  // an empty document; it is an input that cannot be read (exit 2).
  if (fstatSync(0).isDirectory()) throw new Error('it is a directory');
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length > limit) break;
  }
  return Buffer.concat(chunks);
}

async function main(): Promise<void> {
  // A write that fails for another reason than a reader gone makes the run an error, whenever
  // it fails: writes may finish after run() has returned.
  let writeFailed = false;
  const failWrites = (): void => {
    writeFailed = true;
    process.exitCode = EXIT.error;
  };
  const err = streamWriter(process.stderr, failWrites);
  // Only exitCode is set, never process.exit(): Node then exits once stdout has drained, so a
  // large SARIF report piped to a file is never cut short.
  const out = streamWriter(process.stdout, (error) => {
    err(`atlas-lint: cannot write standard output: ${error.message}\n`);
    failWrites();
  });
  try {
    const code = await run(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: out,
      stderr: err,
      readStdin,
      color: wantsColor(),
      // Built next to the bundle from libs/schemas (see scripts/build.mjs).
      readSchema: () => readFileSync(new URL('./atlas-project-config.schema.json', import.meta.url), 'utf8'),
      now: () => new Date().toISOString(),
      // Many files are linted on worker threads running this same bundle.
      workerUrl: new URL(import.meta.url),
    });
    process.exitCode = writeFailed ? EXIT.error : code;
  } catch (error) {
    err(`atlas-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.error;
  }
}

if (!isMainThread && isLintWorkerData(workerData) && parentPort) runLintWorker(workerData, parentPort);
else await main();
