// A project config as the sequence of Atlas API requests it stands for: the order in which
// checkProjectConfig replays it, and in which the suite sends it to the mock.
import { CLOUD_PROVIDERS, EAR_DOCUMENT, SECRET_FIELDS, clusterLayoutOf, envReferenceOf } from '@mock-atlas/domain';
import { ENV } from './fixed-inputs';

/** A config as YAML reads it. */
export type Config = Readonly<Record<string, unknown>>;

/** One request of a config: which resource of the file it carries, and what is sent where. */
export interface Step {
  /** The resource as a finding path names it: `encryptionAtRest.awsKms`, `clusters[0]`, `restoreJobs[1]`, … */
  readonly id: string;
  readonly method: 'PATCH' | 'POST';
  /** Relative to `/api/atlas/<version>/groups/{groupId}`. */
  readonly path: string;
  /** `v1.0`, or the v2 media-type date sent in Accept. */
  readonly version: 'v1.0' | `20${string}`;
  readonly body: unknown;
  /** The status the operation answers on success (versions.generated.ts). */
  readonly successStatus: number;
}

const PROVIDER_DOCUMENTS: readonly string[] = CLOUD_PROVIDERS.map((p) => EAR_DOCUMENT[p]);

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function listOf(config: Config, key: string): readonly unknown[] {
  const value = config[key];
  return Array.isArray(value) ? value : [];
}

/** The entry without its config-only `cluster` field, which the API takes from the path instead. */
function withoutCluster(entry: unknown): unknown {
  if (!isRecord(entry)) return entry;
  const { cluster: _cluster, ...body } = entry;
  return body;
}

function clusterSegment(entry: unknown): string {
  const name = isRecord(entry) ? entry['cluster'] : undefined;
  return encodeURIComponent(typeof name === 'string' ? name : '');
}

/**
 * A provider document as a client sends it: `${env:NAME}` secrets replaced by their value, as
 * the mock's config loader replaces them (only whole-value references in secret fields).
 */
function resolvedDocument(provider: (typeof CLOUD_PROVIDERS)[number], doc: unknown): unknown {
  if (!isRecord(doc)) return doc;
  const resolved: Record<string, unknown> = { ...doc };
  for (const field of SECRET_FIELDS[provider]) {
    const name = envReferenceOf(doc[field]);
    if (name !== undefined && ENV[name] !== undefined) resolved[field] = ENV[name];
  }
  return resolved;
}

function earSteps(config: Config): Step[] {
  const ear = config['encryptionAtRest'];
  if (ear === undefined) return [];
  const patch = (id: string, body: unknown): Step => ({ id, method: 'PATCH', path: '/encryptionAtRest', version: '2023-01-01', body, successStatus: 200 });
  if (!isRecord(ear)) return [patch('encryptionAtRest', ear)];
  const steps: Step[] = [];
  // Fields beside the provider documents (enabledForSearchNodes) go first, in a PATCH of their own.
  const extras = Object.fromEntries(Object.entries(ear).filter(([key]) => !PROVIDER_DOCUMENTS.includes(key)));
  if (Object.keys(extras).length > 0) steps.push(patch('encryptionAtRest', extras));
  // One PATCH per provider document, as the replay makes one operation per document: a refused
  // document then leaves the others to be judged on their own, in the replay and in Atlas alike.
  for (const provider of CLOUD_PROVIDERS) {
    const doc = EAR_DOCUMENT[provider];
    if (doc in ear) steps.push(patch(`encryptionAtRest.${doc}`, { [doc]: resolvedDocument(provider, ear[doc]) }));
  }
  return steps;
}

/**
 * Each cluster is created in the layout it is written in, on a version that takes that layout:
 * v1.0 bodies alternately on v1.0 and on v2 2023-01-01 (both `LegacyAtlasCluster`), 2024-08-05
 * bodies alternately on 2024-08-05 and 2024-10-23 (both `ClusterDescription20240805`), so that
 * both versions of each layout are exercised.
 */
function clusterSteps(config: Config): Step[] {
  return listOf(config, 'clusters').map((cluster, i): Step => {
    const layout = isRecord(cluster) ? clusterLayoutOf(cluster) : 'legacy';
    const version = layout === 'legacy' ? (i % 2 === 0 ? 'v1.0' : '2023-01-01') : i % 2 === 0 ? '2024-08-05' : '2024-10-23';
    return { id: `clusters[${i}]`, method: 'POST', path: '/clusters', version, body: cluster, successStatus: 201 };
  });
}

function scheduleSteps(config: Config): Step[] {
  return listOf(config, 'backupSchedules').map((entry, i): Step => ({
    id: `backupSchedules[${i}]`,
    method: 'PATCH',
    path: `/clusters/${clusterSegment(entry)}/backup/schedule`,
    version: '2024-08-05',
    body: withoutCluster(entry),
    successStatus: 200,
  }));
}

function restoreSteps(config: Config): Step[] {
  return listOf(config, 'restoreJobs').map((entry, i): Step => ({
    id: `restoreJobs[${i}]`,
    method: 'POST',
    path: `/clusters/${clusterSegment(entry)}/backup/restoreJobs`,
    version: '2023-01-01',
    body: withoutCluster(entry),
    successStatus: 200,
  }));
}

/**
 * The requests a config stands for, in checkProjectConfig's replay order: Encryption at Rest
 * (one PATCH per provider document, AWS, Azure, GCP), each cluster's POST, each backup
 * schedule's PATCH, each planned restore job's POST. Snapshots are fixtures, not requests;
 * kms.keys, credentials and the project itself are what the requests run against.
 * @example configSteps({ version: 1, project: { name: 'p' }, clusters: [c] }).map((s) => s.id) // → ['clusters[0]']
 */
export function configSteps(config: Config): { readonly beforeSnapshots: readonly Step[]; readonly restores: readonly Step[] } {
  return { beforeSnapshots: [...earSteps(config), ...clusterSteps(config), ...scheduleSteps(config)], restores: restoreSteps(config) };
}

/**
 * The API step a finding path belongs to, or undefined for a path outside every request
 * (project, kms, snapshots, credentials, the file itself).
 * @example stepOfPath('clusters[2].backupEnabled') // → 'clusters[2]'
 */
export function stepOfPath(path: string): string | undefined {
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z]+))?/.exec(path);
  if (!m) return undefined;
  const [, top, index, next] = m;
  if (top === 'encryptionAtRest') {
    if (index !== undefined) return undefined;
    return next !== undefined && PROVIDER_DOCUMENTS.includes(next) ? `encryptionAtRest.${next}` : 'encryptionAtRest';
  }
  if ((top === 'clusters' || top === 'backupSchedules' || top === 'restoreJobs') && index !== undefined) return `${top}[${index}]`;
  return undefined;
}
