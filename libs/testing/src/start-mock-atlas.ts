import {
  getMockClusterStatus,
  validateProject,
  type MockClusterStatus,
  type Notification,
  type ValidityReport,
} from '@mock-atlas/domain';
import { clockHelpers, type ClockHelpers } from './clock-helpers';
import { configSources, type ConfigInput } from './config-input';
import { connectionOf, type ApiKeyPair, type ServiceAccountCredentials } from './credentials';
import { startServer, type JournalEntry } from './embedded-app';
import { faultHelpers, injectFault, type FaultHelpers, type FaultInput } from './fault-helpers';
import { kmsHelpers, type KmsHelpers } from './kms-helpers';

/** How `startMockAtlas` starts the mock. Every option is optional. */
export interface MockAtlasOptions {
  /**
   * The project(s) to load: a file path or `file:` URL, YAML text (a string with a line break),
   * the config object, or a list of them. The first project is `groupId`. Default: the demo
   * project (examples/demo-project.yaml) with fresh random secrets.
   */
  readonly config?: ConfigInput | readonly ConfigInput[];
  /** `manual` (default): virtual time moves only through `clock`; tests never race real time. */
  readonly clock?: 'manual' | 'real';
  /** `lenient` (default): an unseen key id is registered ENABLED on first use; `strict`: it is not found. */
  readonly kms?: 'lenient' | 'strict';
  /** Days after which the rotation alert opens (default 90). */
  readonly keyRotationDays?: number;
  /** Faults in place from the start, and again after each `reset()`. */
  readonly faults?: readonly FaultInput[];
  /** Where the config's `${env:NAME}` references are read from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** What a request journal query may filter on (GET /_mock/requests `?method=&path=`). */
export interface RequestFilter {
  readonly method?: string;
  /** Keeps requests whose path starts with this. */
  readonly path?: string;
}

/** A running mock-atlas: where it listens, credentials for it, and the control API as functions. */
export interface MockAtlas {
  /** `http://127.0.0.1:<port>`; the Atlas API is under `/api/atlas/v2` and `/api/atlas/v1.0`. */
  readonly baseUrl: string;
  /** The first project's id. */
  readonly groupId: string;
  /** A digest API key of that project (an owner when the config has one). */
  readonly apiKey: ApiKeyPair;
  /** An OAuth service account of that project. */
  readonly serviceAccount: ServiceAccountCredentials;
  readonly kms: KmsHelpers;
  readonly clock: ClockHelpers;
  readonly faults: FaultHelpers;
  /** Runs the project's KMS validity check now (POST /_mock/groups/{id}/encryptionAtRest/validate). */
  validate(groupId?: string): Promise<ValidityReport>;
  /** Whether a cluster is disabled by an invalid key, and its held changes (GET /_mock/groups/{id}/clusters/{name}). */
  clusterStatus(clusterName: string, groupId?: string): Promise<MockClusterStatus>;
  /** The e-mails Atlas would have sent, oldest first (GET /_mock/outbox). */
  outbox(groupId?: string): Promise<readonly Notification[]>;
  /** The requests made to the Atlas API, oldest first, secrets redacted (GET /_mock/requests). */
  requests(filter?: RequestFilter): Promise<readonly JournalEntry[]>;
  /** Forgets the recorded requests (DELETE /_mock/requests). */
  clearRequests(): Promise<void>;
  /**
   * Back to how it started: the loaded state, the clock at its start instant, no recorded
   * requests, the initial faults. Bearer tokens already issued stay valid.
   */
  reset(): Promise<void>;
  /** Stops listening and frees the port; calling it again does nothing. */
  close(): Promise<void>;
}

/**
 * Starts mock-atlas in this process on 127.0.0.1, on a free port, and resolves once it listens.
 * Instances share nothing: start as many as you like, in parallel.
 * @example
 * const atlas = await startMockAtlas();
 * // … point your client at atlas.baseUrl with atlas.apiKey …
 * await atlas.close();
 */
export async function startMockAtlas(options: MockAtlasOptions = {}): Promise<MockAtlas> {
  const running = await startServer({
    host: '127.0.0.1',
    port: 0,
    clock: options.clock ?? 'manual',
    controlApi: true,
    ...(options.config !== undefined ? { configs: configSources(options.config) } : {}),
    ...(options.env ? { env: options.env } : {}),
    options: {
      ...(options.kms ? { kms: options.kms } : {}),
      ...(options.keyRotationDays !== undefined ? { keyRotationDays: options.keyRotationDays } : {}),
    },
  });
  const { store } = running;
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= running.close());
  try {
    const connection = connectionOf(running);
    const initialFaults = options.faults ?? [];
    for (const fault of initialFaults) injectFault(store, fault);
    const { groupId } = connection;
    return {
      baseUrl: running.baseUrl,
      ...connection,
      kms: kmsHelpers(store, groupId),
      clock: clockHelpers(store),
      faults: faultHelpers(store),
      validate: async (forGroup = groupId) => {
        store.catchUp();
        return store.commit(validateProject(store.state, forGroup, store.context()));
      },
      clusterStatus: async (clusterName, forGroup = groupId) => {
        store.catchUp();
        return store.commit(getMockClusterStatus(store.state, forGroup, clusterName));
      },
      outbox: async (forGroup) => {
        store.catchUp();
        return store.state.outbox.filter((n) => forGroup === undefined || n.groupId === forGroup);
      },
      requests: async (filter = {}) =>
        store.journal.list({ ...(filter.method ? { method: filter.method } : {}), ...(filter.path ? { pathPrefix: filter.path } : {}) }),
      clearRequests: async () => {
        store.journal.clear();
      },
      reset: async () => {
        store.clock.restart();
        store.reset();
        store.journal.clear();
        store.faults.clear();
        for (const fault of initialFaults) injectFault(store, fault);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
