// The few Atlas resources this client reads and writes, with the fields it uses (Atlas sends
// more; they are kept, untyped, by the index signature).

export interface AwsKmsSettings {
  readonly enabled: boolean;
  readonly customerMasterKeyID?: string;
  readonly region?: string;
  readonly roleId?: string;
  /** Read-only: whether Atlas can use the key right now. */
  readonly valid?: boolean;
}

export interface EncryptionAtRest {
  readonly awsKms?: AwsKmsSettings;
  readonly [field: string]: unknown;
}

/** A cluster in the 2024-08-05 representation (replicationSpecs[].regionConfigs[]). */
export interface Cluster {
  readonly name: string;
  readonly clusterType: 'REPLICASET' | 'SHARDED' | 'GEOSHARDED';
  readonly stateName?: 'CREATING' | 'IDLE' | 'UPDATING' | 'DELETING' | 'REPAIRING';
  readonly encryptionAtRestProvider?: 'AWS' | 'AZURE' | 'GCP' | 'NONE';
  readonly backupEnabled?: boolean;
  readonly replicationSpecs: readonly {
    readonly regionConfigs: readonly {
      readonly providerName: string;
      readonly regionName: string;
      readonly priority: number;
      readonly electableSpecs: { readonly instanceSize: string; readonly nodeCount: number };
    }[];
  }[];
  readonly [field: string]: unknown;
}

export interface Snapshot {
  readonly id: string;
  readonly status: 'queued' | 'inProgress' | 'completed' | 'failed';
  readonly description?: string;
  readonly [field: string]: unknown;
}

export interface RestoreJobRequest {
  readonly snapshotId: string;
  readonly deliveryType: 'automated';
  readonly targetClusterName: string;
  readonly targetGroupId: string;
}

export interface RestoreJob {
  readonly id: string;
  readonly snapshotId: string;
  readonly targetClusterName?: string;
  readonly finishedAt?: string;
  readonly [field: string]: unknown;
}
