import type { CloudProvider } from './providers';
import type { Source } from './path';

/** The key that encrypted a snapshot: the one active when it was taken (S0:90). */
export interface SnapshotKey {
  readonly provider: CloudProvider;
  readonly keyId: string;
  /** Atlas's id for the master key it derived; reported as `masterKeyUUID`. */
  readonly masterKeyUUID?: string;
}

export const SNAPSHOT_STATUSES = ['queued', 'inProgress', 'completed', 'failed'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];
export type SnapshotType = 'onDemand' | 'scheduled' | 'fallback';

export interface Snapshot {
  readonly id: string;
  readonly clusterName: string;
  readonly createdAt: string;
  readonly status: SnapshotStatus;
  readonly snapshotType: SnapshotType;
  readonly description?: string;
  readonly expiresAt?: string;
  /** Set only for a snapshot of a cluster that used customer key management. */
  readonly encryptionKey?: SnapshotKey;
  readonly src?: Source;
}

export const DELIVERY_TYPES = ['automated', 'download', 'pointInTime'] as const;
export type DeliveryType = (typeof DELIVERY_TYPES)[number];

/** A restore job as requested (fields optional because requests may omit them). */
export interface RestoreJob {
  readonly id?: string;
  /** The cluster whose snapshot is restored (the path's cluster). */
  readonly clusterName: string;
  readonly snapshotId?: string;
  readonly deliveryType?: DeliveryType | string;
  readonly targetClusterName?: string;
  readonly targetGroupId?: string;
  readonly pointInTimeUTCSeconds?: number;
  readonly oplogTs?: number;
  readonly oplogInc?: number;
  readonly createdAt?: string;
  /** Lifecycle facts the mock reports; absent in requests and config files. */
  readonly finishedAt?: string;
  readonly cancelled?: boolean;
  readonly failed?: boolean;
  readonly expired?: boolean;
  readonly src?: Source;
}

/** One retention rule of a backup policy. All four fields are required by Atlas; the rule checks it. */
export interface PolicyItem {
  readonly id?: string;
  readonly frequencyType?: string;
  readonly frequencyInterval?: number;
  readonly retentionUnit?: string;
  readonly retentionValue?: number;
}

export interface BackupPolicy {
  readonly id?: string;
  readonly policyItems: readonly PolicyItem[];
}

export interface BackupSchedule {
  readonly clusterName: string;
  readonly referenceHourOfDay?: number;
  readonly referenceMinuteOfHour?: number;
  readonly restoreWindowDays?: number;
  readonly policies: readonly BackupPolicy[];
  readonly src?: Source;
}

/**
 * The schedule Atlas creates for a new cloud-backup cluster (recorded on a fresh M10):
 * a snapshot every 6 hours (the base schedule S0:95 allows with CMK), kept 7 days, and
 * daily, weekly, monthly and yearly items.
 */
export function defaultBackupSchedule(clusterName: string): BackupSchedule {
  return {
    clusterName,
    referenceHourOfDay: 0,
    referenceMinuteOfHour: 0,
    restoreWindowDays: 7,
    policies: [
      {
        policyItems: [
          { frequencyType: 'hourly', frequencyInterval: 6, retentionUnit: 'days', retentionValue: 7 },
          { frequencyType: 'daily', frequencyInterval: 1, retentionUnit: 'days', retentionValue: 7 },
          { frequencyType: 'weekly', frequencyInterval: 6, retentionUnit: 'weeks', retentionValue: 4 },
          { frequencyType: 'monthly', frequencyInterval: 40, retentionUnit: 'months', retentionValue: 12 },
          { frequencyType: 'yearly', frequencyInterval: 12, retentionUnit: 'years', retentionValue: 1 },
        ],
      },
    ],
  };
}
