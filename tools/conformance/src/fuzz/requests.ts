// Fuzzed Atlas API requests: every operation of the mock that takes a JSON body, on every version
// that serves it, with a body drawn from that version's request schema (libs/schemas), valid or
// broken on purpose, and path parameters drawn mostly from what the project has.
import fc from 'fast-check';
import { OPERATION_VERSIONS, type OperationKey } from '@mock-atlas/atlas-http';
import { SCHEMAS, type SchemaName } from '@mock-atlas/schemas';
import { KEY_IDS, ROLE_ID, SNAPSHOT_IDS } from '../arbitraries/pools';
import { NOW } from '../fixed-inputs';
import { BASES, PROJECT, type Base } from './bases';
import { schemaArbitrary, type ArbitraryOptions } from './schema/schema-arbitrary';
import { mutatedArbitrary } from './schema/schema-mutations';
import { SchemaSet } from './schema/schema-set';

/** `v1.0`, or the v2 media-type date. */
export type ApiVersion = 'v1.0' | '2023-01-01' | '2024-08-05' | '2024-10-23';

/** The config list (or document) a request's resource belongs to, when a config can express it. */
export type ConfigResource = 'encryptionAtRest' | 'clusters' | 'restoreJobs' | 'backupSchedules';

/** One operation that takes a body. */
export interface FuzzOperation {
  readonly key: OperationKey;
  readonly base: Base;
  /** The body schema of each version that serves the operation. */
  readonly versions: Readonly<Partial<Record<ApiVersion, SchemaName>>>;
  /** How often it is drawn, relative to the others. */
  readonly weight: number;
  /** Set when the linter judges the same resource in a config (a create, or EAR on a project without it). */
  readonly resource?: ConfigResource;
  /** Clusters the path names, repeated to weigh them (default: the base's, evenly). */
  readonly pathClusters?: readonly string[];
}

/** Where the base's snapshots are: a restore or a retention change needs one of the path's cluster. */
const SNAPSHOT_CLUSTERS = ['orders', 'orders', 'orders', 'scratch', 'scratch', 'reporting', 'frozen'];

const LEGACY = { 'v1.0': 'cluster.legacy', '2023-01-01': 'cluster.legacy', '2024-08-05': 'cluster.20240805', '2024-10-23': 'cluster.20240805' } as const;

export const OPERATIONS: readonly FuzzOperation[] = [
  {
    key: 'PATCH /groups/{groupId}/encryptionAtRest',
    base: BASES.ear,
    versions: { 'v1.0': 'encryption-at-rest.request', '2023-01-01': 'encryption-at-rest.request' },
    weight: 4,
    resource: 'encryptionAtRest',
  },
  { key: 'POST /groups/{groupId}/clusters', base: BASES.full, versions: LEGACY, weight: 6, resource: 'clusters' },
  { key: 'PATCH /groups/{groupId}/clusters/{clusterName}', base: BASES.full, versions: LEGACY, weight: 3 },
  {
    key: 'POST /groups/{groupId}/clusters/{clusterName}/backup/snapshots',
    base: BASES.full,
    versions: { 'v1.0': 'snapshot.request', '2023-01-01': 'snapshot.request' },
    weight: 1,
  },
  {
    key: 'PATCH /groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}',
    base: BASES.full,
    versions: { 'v1.0': 'snapshot.retention', '2023-01-01': 'snapshot.retention' },
    weight: 1,
    pathClusters: SNAPSHOT_CLUSTERS,
  },
  {
    key: 'POST /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs',
    base: BASES.full,
    versions: { 'v1.0': 'restore-job.request', '2023-01-01': 'restore-job.request' },
    weight: 5,
    resource: 'restoreJobs',
    pathClusters: SNAPSHOT_CLUSTERS,
  },
  {
    key: 'PATCH /groups/{groupId}/clusters/{clusterName}/backup/schedule',
    base: BASES.full,
    versions: { 'v1.0': 'backup-schedule.request', '2023-01-01': 'backup-schedule.request', '2024-08-05': 'backup-schedule.request' },
    weight: 3,
    resource: 'backupSchedules',
  },
];

/** One fuzzed request. */
export interface FuzzRequest {
  readonly operation: FuzzOperation;
  readonly version: ApiVersion;
  readonly groupId: string;
  readonly clusterName: string;
  readonly snapshotId: string;
  /** The schema the body was drawn from (the version's, or now and then the other cluster layout's). */
  readonly schema: SchemaName;
  readonly body: unknown;
  /** How the valid body was broken; empty for a valid body. */
  readonly mutations: readonly string[];
}

/** Method of a request. */
export function methodOf(request: FuzzRequest): string {
  return request.operation.key.split(' ')[0]!;
}

/**
 * The request's path from the host: `/api/atlas/<v1.0|v2>/groups/…`, parameters URL-encoded.
 * @example pathOf(request) // → '/api/atlas/v2/groups/5e2211c17a3e5a48f5497de3/clusters/orders'
 */
export function pathOf(request: FuzzRequest): string {
  const template = request.operation.key.split(' ')[1]!;
  const params: Record<string, string> = { groupId: request.groupId, clusterName: request.clusterName, snapshotId: request.snapshotId };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return `/api/atlas/${request.version === 'v1.0' ? 'v1.0' : 'v2'}${path}`;
}

export { mediaTypeOf } from '../media-type';

/** The status the operation answers on success. */
export function successStatusOf(request: FuzzRequest): number {
  return OPERATION_VERSIONS[request.operation.key].successStatus;
}

/** A one-line account of a request, for failure messages. */
export function describeRequest(request: FuzzRequest): string {
  const mutated = request.mutations.length > 0 ? `, ${request.schema} body broken by: ${request.mutations.join('; ')}` : `, valid ${request.schema} body`;
  return `${methodOf(request)} ${pathOf(request)} (${request.version}${mutated})\n  body: ${JSON.stringify(request.body)}`;
}

const NOW_SECONDS = Math.floor(Date.parse(NOW) / 1000);

/**
 * Values drawn, most of the time, for properties of these names, so that requests name what the
 * project has (its clusters, snapshots, keys, role) and restores aim at times it can reach.
 */
const HINTS: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  name: fc.constantFrom('fresh', 'fresh-2', 'orders', 'reporting', 'Orders'),
  customerMasterKeyID: fc.constantFrom(...KEY_IDS.AWS),
  keyIdentifier: fc.constantFrom(...KEY_IDS.AZURE),
  keyVersionResourceID: fc.constantFrom(...KEY_IDS.GCP),
  roleId: fc.constant(ROLE_ID),
  region: fc.constantFrom('US_EAST_1', 'EU_WEST_1'),
  snapshotId: fc.constantFrom(...SNAPSHOT_IDS),
  targetClusterName: fc.constantFrom(...BASES.full.clusters, 'ghost'),
  targetGroupId: fc.constant(PROJECT.id),
  pointInTimeUTCSeconds: fc.integer({ min: NOW_SECONDS - 10 * 86_400, max: NOW_SECONDS + 3600 }),
  oplogTs: fc.integer({ min: NOW_SECONDS - 10 * 86_400, max: NOW_SECONDS + 3600 }),
  oplogInc: fc.integer({ min: 1, max: 10 }),
  retentionValue: fc.integer({ min: 1, max: 60 }),
  retentionInDays: fc.integer({ min: 1, max: 400 }),
  referenceHourOfDay: fc.integer({ min: 0, max: 23 }),
  referenceMinuteOfHour: fc.integer({ min: 0, max: 59 }),
  restoreWindowDays: fc.integer({ min: 1, max: 7 }),
};

/** Every request schema of libs/schemas, with the references between them. */
export const SCHEMA_SET = new SchemaSet(Object.values(SCHEMAS));

function bodyArb(schema: SchemaName): fc.Arbitrary<{ body: unknown; mutations: readonly string[] }> {
  const root = SCHEMA_SET.root(SCHEMAS[schema].$id);
  // Read-only attributes (accepted so that a GET body can be sent back) now and then only:
  // they double a body's size and no rule reads them.
  const options = (readOnly: boolean): ArbitraryOptions => ({ hints: HINTS, readOnly, extraItems: 2 });
  const valid = (readOnly: boolean) => schemaArbitrary(SCHEMA_SET, root, options(readOnly)).map((body) => ({ body, mutations: [] as readonly string[] }));
  return fc.oneof(
    { arbitrary: valid(false), weight: 8 },
    { arbitrary: valid(true), weight: 1 },
    { arbitrary: mutatedArbitrary(SCHEMA_SET, root, options(false)).map(({ value, mutations }) => ({ body: value, mutations })), weight: 9 },
  );
}

/** A path parameter: mostly one the project has, now and then one it has not or an odd one. */
function pathParam(known: readonly string[], unknown: string): fc.Arbitrary<string> {
  const odd = fc.constantFrom('', ' ', '..', 'a%2Fb', 'x'.repeat(300), 'über', '$where', 'null');
  return fc.oneof(
    { arbitrary: fc.constantFrom(...(known.length > 0 ? known : [unknown])), weight: 20 },
    { arbitrary: fc.constant(unknown), weight: 2 },
    { arbitrary: odd, weight: 1 },
  );
}

const groupIdArb = fc.oneof(
  { arbitrary: fc.constant(PROJECT.id), weight: 40 },
  { arbitrary: fc.constantFrom('5e2211c17a3e5a48f5497de4', 'not-an-object-id'), weight: 1 },
);

function operationArb(operation: FuzzOperation): fc.Arbitrary<FuzzRequest> {
  const perVersion = Object.entries(operation.versions).map(([version, schema]) => {
    // A cluster body of the other layout now and then: what a client sends to the wrong version.
    const other = schema === 'cluster.legacy' ? 'cluster.20240805' : schema === 'cluster.20240805' ? 'cluster.legacy' : undefined;
    const bodies = other
      ? fc.oneof(
          { arbitrary: bodyArb(schema).map((b) => ({ ...b, schema })), weight: 15 },
          { arbitrary: bodyArb(other).map((b) => ({ ...b, schema: other as SchemaName })), weight: 1 },
        )
      : bodyArb(schema).map((b) => ({ ...b, schema }));
    return fc
      .record({
        groupId: groupIdArb,
        clusterName: pathParam(operation.pathClusters ?? operation.base.clusters, 'ghost'),
        snapshotId: pathParam(operation.base.snapshots, '6a793f6b2c88faeba59bae3f'),
        drawn: bodies,
      })
      .map(({ drawn, ...params }): FuzzRequest => ({ operation, version: version as ApiVersion, ...params, ...drawn }));
  });
  return fc.oneof(...perVersion);
}

/**
 * A fuzzed request to any body-taking operation, the operations weighted as in OPERATIONS.
 * @example fc.sample(requestArb, 1)[0] // → { operation: { key: 'POST /groups/{groupId}/clusters', … }, version: '2024-10-23', body: { … }, … }
 */
export const requestArb: fc.Arbitrary<FuzzRequest> = fc.oneof(...OPERATIONS.map((operation) => ({ arbitrary: operationArb(operation), weight: operation.weight })));
