// A small Atlas Administration API client, the kind the contract suite beside it tests: HTTP
// Digest with an API key pair (urllib's digestAuth), one versioned media type, retries of 429
// and 503 that honour Retry-After, and Atlas errors as typed exceptions.
import { request } from 'urllib';
import { AtlasApiError, isAtlasErrorBody } from './atlas-error';
import type { Cluster, EncryptionAtRest, RestoreJob, RestoreJobRequest, Snapshot } from './resources';

/** How to reach Atlas and how hard to try. */
export interface AtlasClientOptions {
  /** `https://cloud.mongodb.com`, or a mock's base URL. */
  readonly baseUrl: string;
  readonly publicKey: string;
  readonly privateKey: string;
  /** The API version the client is written against; Atlas serves each operation's newest version dated on or before it. */
  readonly apiVersion?: string;
  /** Retries of a 429 or 503 answer before giving up (default 3). */
  readonly maxRetries?: number;
  /** Wait before a retry when the answer has no Retry-After, doubled each time (default 1000 ms). */
  readonly backoffMs?: number;
  /** How the client waits between retries (tests pass one that records instead of sleeping). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly timeoutMs?: number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const RETRIED_STATUSES = new Set([429, 503]);
const DEFAULT_API_VERSION = '2025-03-12';

/**
 * Milliseconds a Retry-After header asks for: delay-seconds or an HTTP-date (RFC 9110 §10.2.3);
 * undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
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

  /** One API call under /api/atlas/v2: retried on 429 and 503, an Atlas error thrown as AtlasApiError. */
  async call<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const maxRetries = this.options.maxRetries ?? 3;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (let attempt = 0; ; attempt++) {
      const res = await request(`${this.options.baseUrl}/api/atlas/v2${path}`, {
        method,
        digestAuth: `${this.options.publicKey}:${this.options.privateKey}`,
        headers: { Accept: this.accept, ...(body === undefined ? {} : { 'Content-Type': this.accept }) },
        ...(body === undefined ? {} : { content: JSON.stringify(body) }),
        dataType: 'text',
        timeout: this.options.timeoutMs ?? 30_000,
      });
      const text = String(res.data ?? '');
      const parsed: unknown = text === '' ? undefined : JSON.parse(text);
      if (res.status < 400) return parsed as T;
      if (RETRIED_STATUSES.has(res.status) && attempt < maxRetries) {
        await sleep(retryAfterMs(res.headers['retry-after']) ?? (this.options.backoffMs ?? 1000) * 2 ** attempt);
        continue;
      }
      throw new AtlasApiError(method, path, isAtlasErrorBody(parsed) ? parsed : { error: res.status, errorCode: 'UNEXPECTED_ERROR', detail: text });
    }
  }
}
