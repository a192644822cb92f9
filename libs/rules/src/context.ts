import type {
  BackupSchedule,
  CloudProvider,
  Cluster,
  EarProviderState,
  KmsKey,
  Path,
  Project,
  RestoreJob,
  Snapshot,
} from '@mock-atlas/model';

/**
 * What the caller asks for. Each rule declares the kinds it checks; the mock builds
 * one operation per request, the linter replays a config file as a sequence of them
 * (so both reach the same verdict on the same input).
 */
export type Operation =
  | UpdateEncryptionAtRestOp
  | CreateClusterOp
  | UpdateClusterOp
  | TakeSnapshotOp
  | CreateRestoreJobOp
  | UpdateBackupScheduleOp
  | ReviewConfigOp;

/** PATCH encryptionAtRest, one operation per provider document in the body. */
export interface UpdateEncryptionAtRestOp {
  readonly kind: 'updateEncryptionAtRest';
  readonly provider: CloudProvider;
  /** The provider document exactly as sent. */
  readonly request: Readonly<Record<string, unknown>>;
  /** Where the provider document sits (e.g. ['awsKms'] or ['encryptionAtRest', 'awsKms']). */
  readonly at: Path;
  readonly before: EarProviderState;
  /** The provider as it would be if the request were applied (merge semantics). */
  readonly after: EarProviderState;
}

export interface CreateClusterOp {
  readonly kind: 'createCluster';
  readonly cluster: Cluster;
  /**
   * True when the config file configures the cluster's key provider but that request was
   * refused: the refusal is the file's finding, so the cluster is not told again that its
   * provider is not enabled (see CreateRestoreJobOp.sourceRefused).
   */
  readonly providerRefused?: boolean;
}

export interface UpdateClusterOp {
  readonly kind: 'updateCluster';
  readonly before: Cluster;
  /** The cluster as it would be if the update were applied. */
  readonly cluster: Cluster;
  /** Model fields the request names (so that a rule fires only on what changed). */
  readonly changed: readonly string[];
}

export interface TakeSnapshotOp {
  readonly kind: 'takeSnapshot';
  readonly cluster: Cluster;
}

export interface CreateRestoreJobOp {
  readonly kind: 'createRestoreJob';
  readonly job: RestoreJob;
  readonly sourceCluster?: Cluster;
  readonly snapshot?: Snapshot;
  /** The target cluster, looked up in the target project, when one is named. */
  readonly target?: Cluster;
  /**
   * True when the checker cannot see the target's project (the linter reads one file and
   * a restore may target another project): rules about the target then stay silent
   * instead of calling an unseen cluster missing.
   */
  readonly targetOutOfView?: boolean;
  /**
   * True when the path's cluster is one the config file declares but whose create the replay
   * refused: that refusal is the file's finding, so the lookups of the cluster and its
   * snapshot stay silent instead of calling a cluster the user plainly wrote missing.
   */
  readonly sourceRefused?: boolean;
  /** The same for the target cluster: rules about the target stay silent. */
  readonly targetRefused?: boolean;
}

export interface UpdateBackupScheduleOp {
  readonly kind: 'updateBackupSchedule';
  readonly schedule: BackupSchedule;
  /** True when the path's cluster was declared in the config file but its create refused (see CreateRestoreJobOp.sourceRefused). */
  readonly clusterRefused?: boolean;
}

/** The linter's look at a whole file, for rules about the file rather than a request. */
export interface ReviewConfigOp {
  readonly kind: 'reviewConfig';
}

/** How the KMS answers for the project under check. */
export interface KmsView {
  readonly keys: readonly KmsKey[];
  /**
   * Whether the project's credentials for a provider work; undefined when unknown
   * (the linter cannot know), in which case credential rules stay silent.
   */
  credentialsValid(provider: CloudProvider): boolean | undefined;
  /**
   * What a key id the KMS has never seen means: 'not-found' for the mock in strict mode,
   * 'unknown' for the linter (a file need not declare every key) and the lenient mock,
   * which registers unseen keys before the rules run.
   */
  readonly unseenKeys: 'not-found' | 'unknown';
}

export interface RuleOptions {
  /** Days after which a key should be rotated (S3:57 and the spec say 90; S0:17 says 365). */
  readonly keyRotationDays: number;
}

/** Who is asking, when known (the mock knows; the linter does not). */
export interface Caller {
  readonly roles: readonly string[];
}

/** Everything a rule may look at. Rules never mutate it. */
export interface RuleContext<Op extends Operation = Operation> {
  readonly project: Project;
  readonly kms: KmsView;
  /** ISO-8601 instant of the (possibly virtual) clock. */
  readonly now: string;
  readonly options: RuleOptions;
  readonly op: Op;
  readonly caller?: Caller;
}

export type OperationKind = Operation['kind'];
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

export const DEFAULT_RULE_OPTIONS: RuleOptions = { keyRotationDays: 90 };
