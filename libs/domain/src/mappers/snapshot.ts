// Cloud Backup snapshots: DiskBackupReplicaSet (GET / POST responses) and config fixtures.
import {
  SNAPSHOT_STATUSES,
  isCloudProvider,
  type CloudProvider,
  type Path,
  type Snapshot,
  type SnapshotKey,
  type SnapshotType,
} from '@mock-atlas/model';
import { deterministicObjectId, deterministicUuid } from './ids';
import { DEFAULT_LINK_BASE, hrefOf, relatedLink } from './links';
import { asOneOf, asRecord, asString, type Body } from './read';

const SNAPSHOT_TYPES: readonly SnapshotType[] = ['onDemand', 'scheduled', 'fallback'];

/** What a snapshot body says that the model does not hold: where and what it is a snapshot of. */
export interface SnapshotContext {
  readonly groupId: string;
  readonly cloudProvider: CloudProvider;
  readonly replicaSetName: string;
  readonly mongodVersion?: string;
  /** Bytes stored; 0 while queued (recorded POST response). */
  readonly storageSizeBytes?: number;
  /** The policy frequency of a scheduled snapshot; 'hourly' (the base schedule) when not given. */
  readonly frequencyType?: string;
  /** Base URL for `links`; DEFAULT_LINK_BASE when not given. */
  readonly baseUrl?: string;
}

/**
 * The `masterKeyUUID` Atlas reports for a snapshot key: the key's own when known, else a
 * UUID derived from provider and key id, so that the same key always reports the same id.
 */
export function masterKeyUuidOf(key: SnapshotKey): string {
  return key.masterKeyUUID ?? deterministicUuid(`${key.provider}:${key.keyId}`);
}

/**
 * A snapshot as `DiskBackupReplicaSet`, shaped like the recorded POST snapshot response:
 * `frequencyType` 'ondemand' for an on-demand snapshot (recorded, though the spec enum
 * lacks it), `type` 'replicaSet', empty `copyRegions` and `policyItems`, and
 * `masterKeyUUID` only when the snapshot was taken with a customer key.
 * @example snapshotToRepresentation(s, { groupId, cloudProvider: 'AWS', replicaSetName: 'orders' }).frequencyType // → 'ondemand'
 */
export function snapshotToRepresentation(s: Snapshot, ctx: SnapshotContext): Record<string, unknown> {
  const base = ctx.baseUrl ?? DEFAULT_LINK_BASE;
  const clusterHref = hrefOf(base, 'groups', ctx.groupId, 'clusters', s.clusterName);
  const frequencyType = s.snapshotType === 'onDemand' ? 'ondemand' : (ctx.frequencyType ?? 'hourly');
  return {
    cloudProvider: ctx.cloudProvider,
    copyRegions: [],
    createdAt: s.createdAt,
    ...(s.description === undefined ? {} : { description: s.description }),
    ...(s.expiresAt === undefined ? {} : { expiresAt: s.expiresAt }),
    frequencyType,
    id: s.id,
    links: [{ href: `${clusterHref}/backup/snapshots/${encodeURIComponent(s.id)}`, rel: 'self' }, relatedLink(clusterHref, 'cluster')],
    ...(s.encryptionKey ? { masterKeyUUID: masterKeyUuidOf(s.encryptionKey) } : {}),
    ...(ctx.mongodVersion === undefined ? {} : { mongodVersion: ctx.mongodVersion }),
    policyItems: [],
    replicaSetName: ctx.replicaSetName,
    snapshotType: s.snapshotType,
    status: s.status,
    storageSizeBytes: ctx.storageSizeBytes ?? 0,
    type: 'replicaSet',
  };
}

/** The snapshot type a body states, else what its frequency implies ('ondemand' → onDemand, else scheduled). */
function snapshotTypeOf(body: Body): SnapshotType {
  return asOneOf(body['snapshotType'], SNAPSHOT_TYPES) ?? (body['frequencyType'] === 'ondemand' ? 'onDemand' : 'scheduled');
}

/**
 * A `DiskBackupReplicaSet` body read back into the model. The body names the key only by
 * `masterKeyUUID`, so the key is found among `keys` (those the caller knows, matched by
 * masterKeyUuidOf); an unknown UUID leaves `encryptionKey` unset. Defaults: status
 * 'completed', id '' and createdAt '' when missing.
 */
export function snapshotFromRepresentation(
  body: Readonly<Record<string, unknown>>,
  clusterName: string,
  base: Path = [],
  keys: readonly SnapshotKey[] = [],
): Snapshot {
  const uuid = asString(body['masterKeyUUID']);
  const encryptionKey = uuid === undefined ? undefined : keys.find((k) => masterKeyUuidOf(k) === uuid);
  const description = asString(body['description']);
  const expiresAt = asString(body['expiresAt']);
  return {
    id: asString(body['id']) ?? '',
    clusterName,
    createdAt: asString(body['createdAt']) ?? '',
    status: asOneOf(body['status'], SNAPSHOT_STATUSES) ?? 'completed',
    snapshotType: snapshotTypeOf(body),
    ...(description === undefined ? {} : { description }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(encryptionKey ? { encryptionKey } : {}),
    src: { base },
  };
}

/** A config fixture's `encryptionKey: {provider, keyId, masterKeyUUID?}`. */
function snapshotKeyOf(value: unknown): SnapshotKey | undefined {
  const key = asRecord(value);
  const provider = key?.['provider'];
  const keyId = asString(key?.['keyId']);
  if (!isCloudProvider(provider) || keyId === undefined) return undefined;
  const masterKeyUUID = asString(key?.['masterKeyUUID']);
  return { provider, keyId, ...(masterKeyUUID === undefined ? {} : { masterKeyUUID }) };
}

/**
 * A snapshot fixture of a project config (`{id, cluster, createdAt, status?, snapshotType?,
 * description?, expiresAt?, encryptionKey?}`). A fixture is an existing snapshot, so status
 * defaults to 'completed' and type to 'scheduled'; a missing id is derived from the
 * cluster and position, a missing createdAt is ''.
 */
export function snapshotFromConfig(item: Readonly<Record<string, unknown>>, base: Path): Snapshot {
  const clusterName = asString(item['cluster']) ?? '';
  const createdAt = asString(item['createdAt']) ?? '';
  const encryptionKey = snapshotKeyOf(item['encryptionKey']);
  const description = asString(item['description']);
  const expiresAt = asString(item['expiresAt']);
  return {
    id: asString(item['id']) ?? deterministicObjectId(`snapshot:${clusterName}:${createdAt}:${base.join('.')}`),
    clusterName,
    createdAt,
    status: asOneOf(item['status'], SNAPSHOT_STATUSES) ?? 'completed',
    snapshotType: asOneOf(item['snapshotType'], SNAPSHOT_TYPES) ?? 'scheduled',
    ...(description === undefined ? {} : { description }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(encryptionKey ? { encryptionKey } : {}),
    src: { base, fields: { clusterName: ['cluster'], encryptionKey: ['encryptionKey'] } },
  };
}
