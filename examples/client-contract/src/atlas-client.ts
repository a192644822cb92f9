// A small Atlas Administration API client, the kind the contract suite beside it tests: HTTP
// Digest with an API key pair (urllib's digestAuth), one versioned media type, retries that
// follow HTTP's rules (retry-policy.ts), and Atlas errors as typed exceptions.
import { request } from 'urllib';
import { AtlasApiError, AtlasNetworkError, isAtlasErrorBody } from './atlas-error';
import type { Cluster, EncryptionAtRest, RestoreJob, RestoreJobRequest, Snapshot } from './resources';
import { backoffMs, mayRetry, retryAfterMs, transportFailureOf, type Failure } from './retry-policy';

/** How to reach Atlas and how hard to try. */
export interface AtlasClientOptions {
  /** `https://cloud.mongodb.com`, or a mock's base URL. */
  readonly baseUrl: string;
  readonly publicKey: string;
  readonly privateKey: string;
  /** The API version the client is written against; Atlas serves each operation's newest version dated on or before it. */
  readonly apiVersion?: string;
  /** Retries of a failed call before giving up with its last error (default 3: four attempts at most). */
  readonly maxRetries?: number;
  /** The first back-off ceiling when the answer has no Retry-After, doubled each retry (default 1000 ms). */
  readonly backoffMs?: number;
  /** The longest back-off (default 30 s). */
  readonly maxBackoffMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails at once (default 60 s). */
  readonly maxRetryAfterMs?: number;
  /** Waiting for headers, then for the body, per attempt (default 30 s). */
  readonly timeoutMs?: number;
  /** How the client waits between retries (tests pass one that records instead of sleeping). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The jitter's source, in [0, 1) (default Math.random). */
  readonly random?: () => number;
  /** The time an HTTP-date Retry-After is measured from (default Date.now). */
  readonly now?: () => number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const DEFAULT_API_VERSION = '2025-03-12';

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The Atlas Administration API v2, for the calls around Encryption at Rest with customer keys.
 * @example const atlas = new AtlasClient({ baseUrl, publicKey, privateKey });
 *          await atlas.enableAwsKms(groupId, { customerMasterKeyID, region: 'US_EAST_1', roleId });
 */
export class AtlasClient {
  private readonly accept: string;

  constructor(private readonly options: AtlasClientOptions) {
    this.accept = `application/vnd.atlas.${options.apiVersion ?? DEFAULT_API_VERSION}+json`;
  }

  getEncryptionAtRest(groupId: string): Promise<EncryptionAtRest> {
    return this.call('GET', `/groups/${groupId}/encryptionAtRest`);
  }

  /** Turns on AWS KMS for the project with a customer master key Atlas reaches through an IAM role. */
  enableAwsKms(groupId: string, key: { customerMasterKeyID: string; region: string; roleId: string }): Promise<EncryptionAtRest> {
    return this.call('PATCH', `/groups/${groupId}/encryptionAtRest`, { awsKms: { enabled: true, ...key } });
  }

  createCluster(groupId: string, cluster: Omit<Cluster, 'stateName'>): Promise<Cluster> {
    return this.call('POST', `/groups/${groupId}/clusters`, cluster);
  }

  getCluster(groupId: string, name: string): Promise<Cluster> {
    return this.call('GET', `/groups/${groupId}/clusters/${encodeURIComponent(name)}`);
  }

  /** Starts deleting a cluster (202, no body). */
  deleteCluster(groupId: string, name: string): Promise<void> {
    return this.call('DELETE', `/groups/${groupId}/clusters/${encodeURIComponent(name)}`);
  }

  /** Takes an on-demand snapshot. */
  takeSnapshot(groupId: string, clusterName: string, snapshot: { description: string; retentionInDays: number }): Promise<Snapshot> {
    return this.call('POST', `/groups/${groupId}/clusters/${encodeURIComponent(clusterName)}/backup/snapshots`, snapshot);
  }

  getSnapshot(groupId: string, clusterName: string, snapshotId: string): Promise<Snapshot> {
    return this.call('GET', `/groups/${groupId}/clusters/${encodeURIComponent(clusterName)}/backup/snapshots/${snapshotId}`);
  }

  restoreSnapshot(groupId: string, clusterName: string, job: RestoreJobRequest): Promise<RestoreJob> {
    return this.call('POST', `/groups/${groupId}/clusters/${encodeURIComponent(clusterName)}/backup/restoreJobs`, job);
  }

  getRestoreJob(groupId: string, clusterName: string, jobId: string): Promise<RestoreJob> {
    return this.call('GET', `/groups/${groupId}/clusters/${encodeURIComponent(clusterName)}/backup/restoreJobs/${jobId}`);
  }

  /**
   * One API call under /api/atlas/v2, retried as retry-policy.ts allows: Retry-After honoured
   * (seconds or HTTP-date), else exponential back-off with jitter. Throws the last failure:
   * AtlasApiError for an Atlas error, AtlasNetworkError when no answer came.
   */
  async call<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const { maxRetries = 3, maxRetryAfterMs = 60_000, sleep = realSleep, now = Date.now } = this.options;
    const backoff = { baseMs: this.options.backoffMs ?? 1000, maxMs: this.options.maxBackoffMs ?? 30_000, random: this.options.random ?? Math.random };
    for (let attempt = 1; ; attempt++) {
      let failure: Failure;
      let error: Error;
      let waitMs: number | undefined;
      try {
        const res = await request(`${this.options.baseUrl}/api/atlas/v2${path}`, {
          method,
          digestAuth: `${this.options.publicKey}:${this.options.privateKey}`,
          headers: { Accept: this.accept, ...(body === undefined ? {} : { 'Content-Type': this.accept }) },
          ...(body === undefined ? {} : { content: JSON.stringify(body) }),
          dataType: 'text',
          timeout: this.options.timeoutMs ?? 30_000,
          // urllib resends once on a reset connection, POST and PATCH included; retries are decided here.
          socketErrorRetry: 0,
        });
        const text = String(res.data ?? '');
        const parsed = parseJson(text);
        if (res.status < 400) return parsed as T;
        failure = { kind: 'status', status: res.status };
        error = new AtlasApiError(method, path, isAtlasErrorBody(parsed) ? parsed : { error: res.status, errorCode: 'UNEXPECTED_ERROR', detail: text }, attempt);
        waitMs = retryAfterMs(res.headers['retry-after'], now());
      } catch (thrown) {
        const transport = transportFailureOf(thrown);
        if (!transport) throw thrown;
        failure = transport;
        error = new AtlasNetworkError(method, path, transport.code, transport.maybeProcessed, attempt, { cause: thrown });
      }
      if (attempt > maxRetries || !mayRetry(method, failure) || (waitMs ?? 0) > maxRetryAfterMs) throw error;
      await sleep(waitMs ?? backoffMs(attempt - 1, backoff));
    }
  }
}
