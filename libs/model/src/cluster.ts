import { CLOUD_PROVIDERS, type CloudProvider, type EarProviderName } from './providers';
import type { Source } from './path';

export const CLUSTER_TYPES = ['REPLICASET', 'SHARDED', 'GEOSHARDED'] as const;
export type ClusterType = (typeof CLUSTER_TYPES)[number];

export const CLUSTER_STATES = ['IDLE', 'CREATING', 'UPDATING', 'DELETING', 'REPAIRING'] as const;
export type ClusterState = (typeof CLUSTER_STATES)[number];

/** Which backup a cluster runs. Derived from the two flags a v1.0 body can set (see backupModeOf). */
export type BackupMode = 'NONE' | 'LEGACY' | 'CLOUD';

/** The nodes one region contributes to a shard. */
export interface RegionPlacement {
  readonly provider: CloudProvider;
  readonly region: string;
  readonly priority: number;
  readonly electableNodes: number;
  readonly readOnlyNodes: number;
  readonly analyticsNodes: number;
}

/** A zone of identical shards and the regions each of them spans. */
export interface ReplicationSpec {
  readonly zoneName: string;
  readonly numShards: number;
  readonly regions: readonly RegionPlacement[];
}

/** Why a cluster is disabled; only an invalid key or credentials disable clusters (S0:63). */
export interface ClusterDisabled {
  readonly reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID';
  readonly since: string;
}

/** The settings a user can change on a cluster; a disabled cluster holds them as pending (S0:65). */
export interface ClusterSettings {
  readonly clusterType: ClusterType;
  /** The electable instance size, e.g. M10, M0, FLEX, SERVERLESS. */
  readonly instanceSize: string;
  readonly diskSizeGB?: number;
  readonly replicationSpecs: readonly ReplicationSpec[];
  readonly mongoDBMajorVersion?: string;
  /**
   * Legacy (continuous) backup, v1.0 `backupEnabled`. Kept apart from cloudBackupEnabled
   * rather than folded into one mode, so that a request asking for both is representable
   * and the rule `backup/conflicting-options` can refuse it.
   */
  readonly legacyBackupEnabled: boolean;
  /** Cloud Backup: v1.0 `providerBackupEnabled`, v2 `backupEnabled`. */
  readonly cloudBackupEnabled: boolean;
  readonly pitEnabled: boolean;
  readonly encryptionAtRestProvider: EarProviderName;
  readonly paused: boolean;
  readonly terminationProtectionEnabled: boolean;
}

/** A cluster, version-neutral. Read-only facts sit beside the settings. */
export interface Cluster extends ClusterSettings {
  readonly name: string;
  readonly id?: string;
  readonly groupId?: string;
  readonly stateName?: ClusterState;
  readonly mongoDBVersion?: string;
  readonly createDate?: string;
  /** Present while an invalid key keeps the cluster shut down. */
  readonly disabled?: ClusterDisabled;
  /** Updates accepted while disabled, applied when the key is valid again. */
  readonly pendingChanges?: Partial<ClusterSettings>;
  /** The last automated restore into this cluster, once it completed. */
  readonly restoredFrom?: { readonly snapshotId?: string; readonly restoreJobId: string; readonly sourceClusterName: string; readonly at: string };
  readonly src?: Source;
}

/** Tier classes that decide which features a cluster may use. */
export type TierClass = 'FREE' | 'SHARED' | 'FLEX' | 'SERVERLESS' | 'DEDICATED';

const SHARED_TIERS: Readonly<Record<string, TierClass>> = { M0: 'FREE', M2: 'SHARED', M5: 'SHARED' };

/**
 * Classifies an instance size. M0 is free, M2/M5 are shared (TENANT), FLEX and
 * SERVERLESS are their own classes, everything else (M10 and up, R/NVMe variants) is
 * dedicated.
 * @example tierClassOf('M5') // → 'SHARED'
 */
export function tierClassOf(instanceSize: string): TierClass {
  const upper = instanceSize.toUpperCase();
  const shared = SHARED_TIERS[upper];
  if (shared) return shared;
  if (upper === 'FLEX') return 'FLEX';
  if (upper === 'SERVERLESS') return 'SERVERLESS';
  return 'DEDICATED';
}

/** True for M10 and up: the tiers where customer key management is available (S3:34). */
export function isDedicatedTier(instanceSize: string): boolean {
  return tierClassOf(instanceSize) === 'DEDICATED';
}

/** The distinct clouds a cluster's nodes run on, in a stable order. */
export function cloudProvidersOf(cluster: Pick<ClusterSettings, 'replicationSpecs'>): CloudProvider[] {
  const used = new Set(cluster.replicationSpecs.flatMap((spec) => spec.regions.map((r) => r.provider)));
  return CLOUD_PROVIDERS.filter((p) => used.has(p));
}

/** A cluster whose nodes span more than one cloud (S0:3-5 excludes these from CMK). */
export function isMultiCloud(cluster: Pick<ClusterSettings, 'replicationSpecs'>): boolean {
  return cloudProvidersOf(cluster).length > 1;
}

/** The cloud a single-cloud cluster runs on (its first region's). */
export function primaryCloudOf(cluster: Pick<ClusterSettings, 'replicationSpecs'>): CloudProvider | undefined {
  return cluster.replicationSpecs[0]?.regions[0]?.provider;
}

/**
 * The backup mode of a cluster, or 'CONFLICT' when both legacy and cloud backup are asked for.
 * @example backupModeOf({ legacyBackupEnabled: true, cloudBackupEnabled: false }) // → 'LEGACY'
 */
export function backupModeOf(c: Pick<ClusterSettings, 'legacyBackupEnabled' | 'cloudBackupEnabled'>): BackupMode | 'CONFLICT' {
  if (c.legacyBackupEnabled && c.cloudBackupEnabled) return 'CONFLICT';
  if (c.legacyBackupEnabled) return 'LEGACY';
  if (c.cloudBackupEnabled) return 'CLOUD';
  return 'NONE';
}

/** True when the cluster encrypts with a customer-managed key. */
export function usesCustomerKey(c: Pick<ClusterSettings, 'encryptionAtRestProvider'>): c is { encryptionAtRestProvider: CloudProvider } {
  return c.encryptionAtRestProvider !== 'NONE';
}
