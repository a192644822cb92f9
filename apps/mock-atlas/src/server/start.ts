import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { DEFAULT_MOCK_OPTIONS, formatPath, loadProjectConfig, parseYamlSource, type MockOptions, type Path, type Project } from '@mock-atlas/domain';
import { createApp } from '../app';
import { CONTROL_TOKEN_SHAPE } from '../http/control-token';
import { answerClientErrors } from './client-errors';
import { MockStore } from './mock-store';
import { readConfigFile } from './read-config-file';
import { openKeyring, persistStore, readStateFile, type PersistedStore } from './persistence';
import type { TlsMaterial } from './tls';
import { VirtualClock, type ClockMode } from './virtual-clock';

/**
 * The demo project loaded when no --config is given: examples/demo-project.yaml, found by
 * walking up from this module, which runs from src/ in tests and from dist/ when bundled.
 */
export function demoConfigPath(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = resolve(dir, 'examples/demo-project.yaml');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('examples/demo-project.yaml not found above ' + from);
  }
}

/** Secrets the demo config references; generated per start unless the environment sets them. */
export const DEMO_SECRETS: readonly string[] = ['AZURE_CLIENT_SECRET', 'MOCK_ATLAS_OWNER_PRIVATE_KEY', 'MOCK_ATLAS_READER_PRIVATE_KEY', 'MOCK_ATLAS_SA_SECRET'];

/**
 * A project config given in memory instead of as a file (the test harness's `config` option):
 * YAML text, located by line in messages, or the value YAML would parse to, located by path.
 * `name` stands for the file name in messages.
 */
export type ConfigSource = { readonly name: string; readonly yaml: string } | { readonly name: string; readonly value: unknown };

export interface StartOptions {
  readonly port?: number;
  readonly host?: string;
  /** Config files (paths) or in-memory configs to load; none: the demo project. */
  readonly configs?: readonly (string | ConfigSource)[];
  readonly clock?: ClockMode;
  readonly options?: Partial<MockOptions>;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly tls?: TlsMaterial;
  readonly logger?: Logger;
  /** Serve the /_mock control API (default true); false: /_mock/* answers 404 like any unknown path. */
  readonly controlApi?: boolean;
  /**
   * Protect the control API: every /_mock call then needs `Authorization: Bearer <controlToken>`
   * (16 to 512 visible ASCII characters). In-process control (the store) needs nothing.
   */
  readonly controlToken?: string;
  /**
   * Keep the state in this file (server/persistence.ts): loaded at start when it exists
   * (configs are then not loaded), else created from the configs; saved after every change.
   * Its secrets are encrypted under MOCK_ATLAS_STATE_KEY from `env` (default process.env), else
   * under the key file `<stateFile>.key` (server/state-key.ts).
   */
  readonly stateFile?: string;
}

export interface RunningMockAtlas {
  readonly baseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly store: MockStore;
  readonly projects: readonly Project[];
  /** The environment configs were resolved against (includes generated demo secrets). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly tls?: TlsMaterial;
  /** The --state-file binding, when there is one. */
  readonly stateFile?: PersistedStore;
  /** The /_mock control API: served to anyone who can connect, only with the token, or not at all. */
  readonly controlApi: ControlApiStatus;
  /** The token /_mock calls must send, when `controlApi` is `protected`. */
  readonly controlToken?: string;
  /** Stops listening, then waits for the last state save. */
  close(): Promise<void>;
}

/** Whether the /_mock control API is served, and to whom. */
export type ControlApiStatus = 'open' | 'protected' | 'off';

/** Thrown when a config given at start-up cannot be read or breaks a rule; the message lists why. */
export class ConfigLoadError extends Error {}

/** A config's parsed value, and how to name the place of a finding in it. */
interface ReadConfig {
  readonly name: string;
  readonly value: unknown;
  where(path: Path): string;
  /** Line and column of a path in YAML text; none for a config given as a value. */
  at(path: Path): { readonly line: number; readonly column: number } | undefined;
}

function readConfig(config: string | ConfigSource): ReadConfig {
  if (typeof config === 'object' && 'value' in config) {
    return { name: config.name, value: config.value, where: (path) => `${config.name}: ${formatPath(path) || '(the config)'}`, at: () => undefined };
  }
  const name = typeof config === 'string' ? config : config.name;
  let text: string;
  if (typeof config === 'string') {
    try {
      text = readConfigFile(config);
    } catch (error) {
      throw new ConfigLoadError(`cannot read ${config}: ${(error as Error).message}`);
    }
  } else {
    text = config.yaml;
  }
  const source = parseYamlSource(text);
  const broken = source.problems.find((problem) => problem.severity === 'error');
  if (broken) throw new ConfigLoadError(`${name}:${broken.position.line}: ${broken.message} [${broken.id}]`);
  return { name, value: source.value, where: (path) => `${name}:${source.locate(path).line}`, at: (path) => source.locate(path) };
}

/**
 * Orders findings as the file reads, by line then column, keeping the loader's order on a tie.
 * The loader lists them in the order its passes make them (an unset `apiKeys` secret before an
 * unset Azure secret written above it), which sends a reader up and down the file.
 */
function inFileOrder<F extends { readonly path: Path }>(findings: readonly F[], at: ReadConfig['at']): F[] {
  const placed = findings.map((finding) => ({ finding, place: at(finding.path) }));
  placed.sort((a, b) => (a.place && b.place ? a.place.line - b.place.line || a.place.column - b.place.column : 0));
  return placed.map((p) => p.finding);
}

function loadConfigs(store: MockStore, configs: readonly (string | ConfigSource)[], env: Readonly<Record<string, string | undefined>>): Project[] {
  const loaded: Project[] = [];
  for (const config of configs) {
    const { name, value, where, at } = readConfig(config);
    const result = loadProjectConfig(store.state, value, store.context(), { env });
    if (!result.ok) {
      const lines = inFileOrder(
        result.findings.filter((f) => f.severity === 'error'),
        at,
      ).map((f) => `  ${where(f.path)}: ${f.message} [${f.ruleId}${f.errorCode ? ` ${f.errorCode}` : ''}]`);
      throw new ConfigLoadError(`${name} was refused:\n${lines.join('\n')}`);
    }
    loaded.push(store.commit(result));
  }
  return loaded;
}

/**
 * Starts mock-atlas: loads the configs (or the demo project), then listens.
 * @example const atlas = await startServer({ port: 0 }); … await atlas.close();
 */
export async function startServer(options: StartOptions = {}): Promise<RunningMockAtlas> {
  const controlApi: ControlApiStatus = options.controlApi === false ? 'off' : options.controlToken !== undefined ? 'protected' : 'open';
  if (controlApi === 'protected' && !CONTROL_TOKEN_SHAPE.test(options.controlToken ?? '')) {
    throw new TypeError('controlToken must be 16 to 512 visible ASCII characters (no spaces)');
  }
  const configs = options.configs?.length ? options.configs : [demoConfigPath()];
  const env: Record<string, string | undefined> = { ...(options.env ?? process.env) };
  if (!options.configs?.length) {
    for (const name of DEMO_SECRETS) env[name] ??= randomBytes(18).toString('base64url');
  }
  const clock = new VirtualClock(options.clock ?? 'real');
  const mockOptions = { ...DEFAULT_MOCK_OPTIONS, ...options.options };
  // A state file that exists replaces the configs; a corrupt one (or one whose secrets the key
  // does not open) throws before anything is written.
  const keyring = options.stateFile ? openKeyring(options.stateFile, options.env ?? process.env) : undefined;
  const saved = options.stateFile ? readStateFile(options.stateFile, keyring) : undefined;
  let store: MockStore;
  let projects: Project[];
  if (saved) {
    // Virtual time resumes where the file left it, so nothing in the state lies in the future.
    clock.set(new Date(saved.savedAt));
    store = new MockStore(saved.state, clock, mockOptions);
    projects = Object.values(saved.state.projects);
  } else {
    store = new MockStore(undefined, clock, mockOptions);
    projects = loadConfigs(store, configs, env);
    store.markInitial();
  }
  const onSaveError = (error: unknown): void => {
    if (options.logger) options.logger.error({ err: error, stateFile: options.stateFile }, 'cannot save the state file');
    else process.stderr.write(`mock-atlas: cannot save state file ${options.stateFile}: ${(error as Error).message}\n`);
  };
  const persisted =
    options.stateFile && keyring ? await persistStore(store, options.stateFile, { loaded: saved !== undefined, onError: onSaveError, keyring }) : undefined;

  const app = createApp({
    store,
    env,
    ...(options.logger ? { logger: options.logger } : {}),
    controlApi: controlApi !== 'off',
    ...(controlApi === 'protected' ? { controlToken: options.controlToken } : {}),
  });
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, app) : createHttpServer(app);
  answerClientErrors(server);
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8080, host, () => resolveListen());
    });
  } catch (error) {
    await persisted?.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    baseUrl: `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    port,
    host,
    store,
    projects,
    env,
    ...(options.tls ? { tls: options.tls } : {}),
    ...(persisted ? { stateFile: persisted } : {}),
    controlApi,
    ...(controlApi === 'protected' ? { controlToken: options.controlToken } : {}),
    close: async () => {
      await new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      });
      await persisted?.close();
    },
  };
}
