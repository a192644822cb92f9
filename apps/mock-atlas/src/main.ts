#!/usr/bin/env node
// The mock-atlas command: parse, start, print how to connect, stop cleanly on a signal.
import { isIP } from 'node:net';
import { CommanderError, InvalidArgumentError } from 'commander';
import { pino, type LevelWithSilent } from 'pino';
import { createLogger } from './http/logging';
import { bannerExtras, exposureWarning, renderBanner, startupInfo } from './cli/banner';
import { parseArgs } from './cli/parse-args';
import { startFailureMessage } from './cli/start-failure';
import { StateFileError } from './server/persistence';
import { ConfigLoadError, startServer } from './server/start';
import { readTls, selfSignedTls } from './server/tls';

const VERSION = '0.1.0';

function isLoopback(host: string): boolean {
  return host === 'localhost' || (isIP(host) === 4 && host.startsWith('127.')) || host === '::1';
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2), VERSION, process.env);
  } catch (error) {
    // Commander printed its own errors; an InvalidArgumentError thrown after parsing (two options
    // that exclude each other, a bad MOCK_ATLAS_CONTROL_TOKEN) has not been printed yet.
    if (error instanceof CommanderError && !(error instanceof InvalidArgumentError)) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`mock-atlas: ${(error as Error).message}\n`);
    return 2;
  }
  if (!isLoopback(options.host)) process.stderr.write(`${exposureWarning(options.host, options.control.status)}\n`);
  // Request logs go to stderr: stdout carries only the banner or the --json start-up line.
  const logger = createLogger({ level: options.logLevel as LevelWithSilent, destination: pino.destination(2) });
  const tls = options.tlsCert && options.tlsKey ? readTls(options.tlsCert, options.tlsKey) : options.tls ? await selfSignedTls() : undefined;
  try {
    const atlas = await startServer({
      port: options.port,
      host: options.host,
      configs: options.configs,
      clock: options.clock,
      options: { kms: options.kms, keyRotationDays: options.keyRotationDays },
      logger,
      controlApi: options.control.status !== 'off',
      ...(options.control.status === 'protected' ? { controlToken: options.control.token } : {}),
      ...(tls ? { tls } : {}),
      ...(options.stateFile ? { stateFile: options.stateFile } : {}),
    });
    if (atlas.stateFile?.loaded && options.configs.length > 0) {
      process.stderr.write(`mock-atlas: warning: --config ignored: the state was loaded from ${atlas.stateFile.path}.\n`);
    }
    // The token is printed only when the mock made it up; one the user gave stays theirs.
    const info = startupInfo(atlas, options.control.status === 'protected' && options.control.tokenFrom === 'generated' ? { controlToken: options.control.token } : {});
    process.stdout.write(options.json ? `${JSON.stringify(info)}\n` : `${renderBanner(info, bannerExtras(atlas))}\n`);
    const stop = () => {
      // A generated certificate's temp directory goes with the process that made it.
      void atlas.close().then(() => {
        tls?.dispose?.();
        process.exit(0);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  } catch (error) {
    tls?.dispose?.();
    const usage = error instanceof ConfigLoadError || error instanceof StateFileError;
    if (usage) process.stderr.write(`mock-atlas: ${error.message}\n`);
    else process.stderr.write(startFailureMessage(error));
    return usage ? 2 : 1;
  }
}

void main().then((code) => {
  if (code >= 0) process.exit(code);
});
