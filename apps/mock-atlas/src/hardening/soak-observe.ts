// What the soak checks of a response body: the fields clients write, in one shape whatever
// the layout, so the replay can compare them with the last write.
import { policyItemsKey, V20230101, type ClusterFields, type EarFields, type ScheduleFields } from './soak-fixture';
import type { OpKind } from './soak-ops';

type Json = Record<string, unknown>;

/** A cluster as read back. */
export interface ClusterSeen extends ClusterFields {
  readonly name: string;
  readonly stateName: string;
}

/** A snapshot as read back. */
export interface SnapshotSeen {
  readonly id: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly snapshotType: string;
  readonly status: string;
}

/** The part of a 2xx body the replay compares, by what was asked. */
export type Observation =
  | { readonly type: 'cluster'; readonly cluster: ClusterSeen }
  | { readonly type: 'clusters'; readonly clusters: readonly ClusterSeen[] }
  | { readonly type: 'ear'; readonly ear: EarFields }
  | { readonly type: 'schedule'; readonly schedule: ScheduleFields }
  | { readonly type: 'snapshot'; readonly snapshot: SnapshotSeen }
  | { readonly type: 'snapshots'; readonly snapshots: readonly SnapshotSeen[] }
  | { readonly type: 'none' };

const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * A cluster body's written fields, from the legacy (2023-01-01) or the 2024-08-05 layout.
 * @example clusterSeen({ name: 'soak-0', diskSizeGB: 20, pitEnabled: false, encryptionAtRestProvider: 'AWS', stateName: 'IDLE' }, V20230101)
 */
export function clusterSeen(body: unknown, accept: string): ClusterSeen {
  const b = obj(body);
  const diskSizeGB =
    accept === V20230101 ? b['diskSizeGB'] : obj(obj(arr(obj(arr(b['replicationSpecs'])[0])['regionConfigs'])[0])['electableSpecs'])['diskSizeGB'];
  return {
    name: String(b['name']),
    stateName: String(b['stateName']),
    diskSizeGB: Number(diskSizeGB),
    pitEnabled: b['pitEnabled'] === true,
    encryptionAtRestProvider: String(b['encryptionAtRestProvider']),
  };
}

/** encryptionAtRest's written fields; an absent `enabledForSearchNodes` is false. */
export function earSeen(body: unknown): EarFields {
  const b = obj(body);
  return { customerMasterKeyID: String(obj(b['awsKms'])['customerMasterKeyID']), enabledForSearchNodes: b['enabledForSearchNodes'] === true };
}

/** A backup schedule's written fields. */
export function scheduleSeen(body: unknown): ScheduleFields {
  const b = obj(body);
  return {
    referenceHourOfDay: Number(b['referenceHourOfDay']),
    referenceMinuteOfHour: Number(b['referenceMinuteOfHour']),
    restoreWindowDays: Number(b['restoreWindowDays']),
    policyItems: policyItemsKey(arr(b['policies']).map((p) => ({ policyItems: arr(obj(p)['policyItems']).map(obj) }))),
  };
}

/** A snapshot's identity, retention and progress. */
export function snapshotSeen(body: unknown): SnapshotSeen {
  const b = obj(body);
  return {
    id: String(b['id']),
    createdAt: String(b['createdAt']),
    expiresAt: String(b['expiresAt']),
    snapshotType: String(b['snapshotType']),
    status: String(b['status']),
  };
}

/**
 * What to keep of a 2xx body of `kind` requested with `accept`.
 * @example observe('ear.get', V20230101, JSON.parse(text))
 */
export function observe(kind: OpKind, accept: string, body: unknown): Observation {
  switch (kind) {
    case 'cluster.get':
    case 'cluster.create':
    case 'cluster.patch':
      return { type: 'cluster', cluster: clusterSeen(body, accept) };
    case 'cluster.list':
      return { type: 'clusters', clusters: arr(obj(body)['results']).map((c) => clusterSeen(c, accept)) };
    case 'ear.get':
    case 'ear.patch':
      return { type: 'ear', ear: earSeen(body) };
    case 'schedule.get':
    case 'schedule.patch':
    case 'schedule.delete':
      return { type: 'schedule', schedule: scheduleSeen(body) };
    case 'snapshot.take':
    case 'snapshot.get':
    case 'snapshot.patch':
      return { type: 'snapshot', snapshot: snapshotSeen(body) };
    case 'snapshot.list':
      return { type: 'snapshots', snapshots: arr(obj(body)['results']).map(snapshotSeen) };
    default:
      return { type: 'none' };
  }
}
