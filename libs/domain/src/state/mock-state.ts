import type { CloudProvider, KmsKey, Project } from '@mock-atlas/model';

/** A role held by an API key or service account, on one project or (no groupId) on all. */
export interface RoleGrant {
  readonly role: string;
  readonly groupId?: string;
}

/** A programmatic API key for HTTP Digest. */
export interface ApiKeyRecord {
  readonly publicKey: string;
  readonly privateKey: string;
  readonly grants: readonly RoleGrant[];
}

/** An OAuth service account (client credentials). */
export interface ServiceAccountRecord {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly grants: readonly RoleGrant[];
}

/** A project alert configuration the mock creates on its own (rotation and invalid-key alerts). */
export interface AlertConfig {
  readonly id: string;
  readonly groupId: string;
  readonly eventTypeName: string;
  readonly enabled: boolean;
  readonly created: string;
  readonly updated: string;
  readonly threshold?: { readonly operator: 'GREATER_THAN'; readonly units: 'DAYS'; readonly threshold: number };
}

/** An alert Atlas opened (a rotation reminder that came due, an invalid key). */
export interface OpenAlert {
  readonly id: string;
  readonly groupId: string;
  readonly alertConfigId?: string;
  readonly eventTypeName: string;
  readonly status: 'OPEN' | 'CLOSED';
  readonly created: string;
  readonly resolved?: string;
  /** Clusters the alert concerns (invalid key), or the key it is about (rotation). */
  readonly clusterNames?: readonly string[];
  readonly keyId?: string;
}

/** An e-mail Atlas would have sent (S0:63: to the Project Owners, listing the affected clusters). */
export interface Notification {
  readonly id: string;
  readonly groupId: string;
  readonly at: string;
  /** The principal (API key public key or service account client id) that holds Project Owner. */
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly clusterNames: readonly string[];
}

/**
 * Work due at an instant of the virtual clock. Timers run in `at` order when the clock
 * reaches them (operations/clock.ts), each by the handler of its kind, which may queue more.
 */
export type Timer =
  | {
      readonly kind: 'cluster-transition';
      readonly at: string;
      readonly groupId: string;
      readonly clusterName: string;
      readonly to: 'IDLE' | 'DELETED';
      /** For `to: 'DELETED'`: keep the cluster's snapshots and restore jobs (DELETE `?retainBackups=true`). */
      readonly retainBackups?: boolean;
    }
  | { readonly kind: 'snapshot-transition'; readonly at: string; readonly groupId: string; readonly snapshotId: string; readonly to: 'inProgress' | 'completed' }
  | { readonly kind: 'restore-transition'; readonly at: string; readonly groupId: string; readonly restoreJobId: string; readonly to: 'inProgress' | 'completed' }
  /** Takes the scheduled snapshots that are due, for every cloud-backup cluster (hourly). */
  | { readonly kind: 'backup-sweep'; readonly at: string }
  | { readonly kind: 'validity-check'; readonly at: string }
  | { readonly kind: 'rotation-check'; readonly at: string };

export type TimerKind = Timer['kind'];

/** Per project: when each provider's current key was configured (the rotation clock starts there). */
export type KeyConfiguredAt = Readonly<Partial<Record<CloudProvider, string>>>;

/**
 * Everything mock-atlas holds. Immutable: an operation returns a new state or refuses,
 * so a refused request can never leave a half-applied change behind.
 */
export interface MockState {
  readonly projects: Readonly<Record<string, Project>>;
  readonly kmsKeys: readonly KmsKey[];
  /** Whether each project's credentials for each provider work (default: they do). */
  readonly kmsCredentials: Readonly<Record<string, Readonly<Partial<Record<CloudProvider, boolean>>>>>;
  readonly keyConfiguredAt: Readonly<Record<string, KeyConfiguredAt>>;
  readonly apiKeys: readonly ApiKeyRecord[];
  readonly serviceAccounts: readonly ServiceAccountRecord[];
  readonly alertConfigs: readonly AlertConfig[];
  readonly alerts: readonly OpenAlert[];
  readonly outbox: readonly Notification[];
  /** Due work, kept sorted by `at`. */
  readonly timers: readonly Timer[];
  /** Sequence for ids the mock mints, so that ids are deterministic for a given history. */
  readonly sequence: number;
}

export function emptyState(): MockState {
  return {
    projects: {},
    kmsKeys: [],
    kmsCredentials: {},
    keyConfiguredAt: {},
    apiKeys: [],
    serviceAccounts: [],
    alertConfigs: [],
    alerts: [],
    outbox: [],
    timers: [],
    sequence: 0,
  };
}

/** Settings that change how the mock judges requests. */
export interface MockOptions {
  /** Days after which a key should be rotated (S3:57 and the spec: 90; S0:17: 365). */
  readonly keyRotationDays: number;
  /** 'lenient' registers a well-formed key id the KMS has never seen as ENABLED on first use. */
  readonly kms: 'lenient' | 'strict';
  /** Virtual time a cluster spends CREATING / UPDATING / DELETING before the next state. */
  readonly clusterTransitionMs: number;
  /** Virtual time a snapshot spends queued, then in progress; a restore job likewise. */
  readonly backupStepMs: number;
  /** Interval of the scheduled KMS validity check (RULES.md: every 15 minutes). */
  readonly validityCheckMs: number;
}

/** Timers every running mock has from the start: the periodic checks re-arm themselves. */
export function initialTimers(now: string): MockState['timers'] {
  return [
    { kind: 'validity-check', at: now },
    { kind: 'backup-sweep', at: now },
    { kind: 'rotation-check', at: now },
  ];
}

export const DEFAULT_MOCK_OPTIONS: MockOptions = {
  keyRotationDays: 90,
  kms: 'lenient',
  clusterTransitionMs: 60_000,
  backupStepMs: 30_000,
  validityCheckMs: 15 * 60_000,
};
