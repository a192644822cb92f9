import { Command, InvalidArgumentError, Option } from 'commander';
import { CONTROL_TOKEN_ENV, CONTROL_TOKEN_SHAPE, GENERATED_CONTROL_TOKEN, generateControlToken } from '../http/control-token';
import type { ControlApiStatus } from '../server/start';
import type { ClockMode } from '../server/virtual-clock';

/**
 * How the /_mock control API is served: open, protected by a token (and where the token came
 * from: it is printed at start only when the mock generated it), or off.
 */
export type ControlApiChoice =
  | { readonly status: Exclude<ControlApiStatus, 'protected'> }
  | { readonly status: 'protected'; readonly token: string; readonly tokenFrom: 'flag' | 'env' | 'generated' };

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
  readonly control: ControlApiChoice;
}

function positiveInt(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 0 || n > max) throw new InvalidArgumentError(`expected a whole number from 0 to ${max}`);
    return n;
  };
}

const TOKEN_RULE = `16 to 512 visible ASCII characters (no spaces), or "${GENERATED_CONTROL_TOKEN}"`;

/** --no-control-api, else --control-token, else MOCK_ATLAS_CONTROL_TOKEN from `env`, else open. */
function controlChoice(o: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>): ControlApiChoice {
  const flag = o.controlToken as string | undefined;
  if (o.controlApi === false) {
    if (flag !== undefined) throw new InvalidArgumentError('--no-control-api and --control-token exclude each other');
    return { status: 'off' };
  }
  const fromEnv = env[CONTROL_TOKEN_ENV];
  const given = flag ?? (fromEnv === '' ? undefined : fromEnv);
  if (given === undefined) return { status: 'open' };
  if (given !== GENERATED_CONTROL_TOKEN && !CONTROL_TOKEN_SHAPE.test(given)) {
    // The value is a secret: the message says what is wrong with it, never what it is (which is
    // why the option has no commander argument parser: commander quotes a refused value).
    throw new InvalidArgumentError(`${flag === undefined ? CONTROL_TOKEN_ENV : '--control-token'} must be ${TOKEN_RULE}`);
  }
  if (given === GENERATED_CONTROL_TOKEN) return { status: 'protected', token: generateControlToken(), tokenFrom: 'generated' };
  return { status: 'protected', token: given, tokenFrom: flag === undefined ? 'env' : 'flag' };
}

/**
 * The mock-atlas command line (PRODUCT.md "Startup"); `env` supplies MOCK_ATLAS_CONTROL_TOKEN.
 * @example parseArgs(['--port', '0', '--config', 'project.yaml'], '0.1.0', process.env)
 */
export function parseArgs(argv: readonly string[], version: string, env: Readonly<Record<string, string | undefined>> = {}): CliOptions {
  const program = new Command('mock-atlas')
    .description('A faithful local MongoDB Atlas Administration API for Encryption at Rest with customer-managed keys.')
    .version(version)
    .option('-p, --port <port>', 'port to listen on (0: any free port)', positiveInt(65535), 8080)
    .option('--host <host>', 'address to bind (anything but loopback exposes the mock, and its control API unless protected or off)', '127.0.0.1')
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
    .option(
      '--control-token <token>',
      `every /_mock call must send "Authorization: Bearer <token>" (${TOKEN_RULE}: generate one, printed once at start; default: $${CONTROL_TOKEN_ENV}, which unlike a literal token on the command line other local users cannot read with ps)`,
    )
    .option('--no-control-api', 'do not serve the /_mock control API at all (its paths answer 404)')
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
    control: controlChoice(o, env),
  };
}
