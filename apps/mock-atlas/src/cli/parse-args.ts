import { Command, InvalidArgumentError, Option } from 'commander';
import type { ClockMode } from '../server/virtual-clock';

export interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly configs: string[];
  readonly clock: ClockMode;
  readonly kms: 'lenient' | 'strict';
  readonly keyRotationDays: number;
  readonly logLevel: string;
  readonly tls: boolean;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly json: boolean;
  readonly stateFile?: string;
}

function positiveInt(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 0 || n > max) throw new InvalidArgumentError(`expected a whole number from 0 to ${max}`);
    return n;
  };
}

/**
 * The mock-atlas command line (PRODUCT.md "Startup").
 * @example parseArgs(['--port', '0', '--config', 'project.yaml'])
 */
export function parseArgs(argv: readonly string[], version: string): CliOptions {
  const program = new Command('mock-atlas')
    .description('A faithful local MongoDB Atlas Administration API for Encryption at Rest with customer-managed keys.')
    .version(version)
    .option('-p, --port <port>', 'port to listen on (0: any free port)', positiveInt(65535), 8080)
    .option('--host <host>', 'address to bind (anything but loopback exposes the unauthenticated control API)', '127.0.0.1')
    .option('-c, --config <file...>', 'project config(s) to load instead of the demo project', [])
    .option(
      '--state-file <file>',
      'keep the state in this file: loaded at start if it exists (instead of the configs), saved atomically after every change; it holds secrets, so it is created with mode 0600',
    )
    .addOption(new Option('--clock <mode>', 'real: time passes; manual: only POST /_mock/clock moves it').choices(['real', 'manual']).default('real'))
    .addOption(new Option('--kms <mode>', 'lenient: unseen key ids are registered as ENABLED; strict: they are not found').choices(['lenient', 'strict']).default('lenient'))
    .option('--key-rotation-days <days>', 'threshold of the key-rotation alert (S3:57: 90; S0:17: 365)', positiveInt(36500), 90)
    .addOption(new Option('--log-level <level>', 'request log level').choices(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'))
    .option('--tls', 'serve HTTPS with a self-signed certificate generated at start', false)
    .option('--tls-cert <file>', 'serve HTTPS with this certificate (PEM)')
    .option('--tls-key <file>', 'the private key of --tls-cert (PEM)')
    .option('--json', 'print one machine-readable JSON line at start-up instead of the banner', false)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program.parse(argv, { from: 'user' });
  const o = program.opts<Record<string, unknown>>();
  if (Boolean(o.tlsCert) !== Boolean(o.tlsKey)) throw new InvalidArgumentError('--tls-cert and --tls-key go together');
  return {
    port: o.port as number,
    host: o.host as string,
    configs: o.config as string[],
    clock: o.clock as ClockMode,
    kms: o.kms as 'lenient' | 'strict',
    keyRotationDays: o.keyRotationDays as number,
    logLevel: o.logLevel as string,
    tls: Boolean(o.tls),
    ...(o.tlsCert ? { tlsCert: o.tlsCert as string, tlsKey: o.tlsKey as string } : {}),
    json: Boolean(o.json),
    ...(o.stateFile ? { stateFile: o.stateFile as string } : {}),
  };
}
