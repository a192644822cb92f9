import type { BackupSchedule, RestoreJob, Snapshot } from './backup';
import type { Cluster } from './cluster';
import { emptyEncryptionAtRest, type EncryptionAtRest } from './encryption-at-rest';
import type { KmsKey } from './kms';
import type { Source } from './path';

/** A programmatic API key (digest) or service account (OAuth) and its project roles. */
export interface Credential {
  readonly kind: 'apiKey' | 'serviceAccount';
  /** publicKey or clientId. */
  readonly id: string;
  /** privateKey or clientSecret, as written (possibly a `${env:NAME}` reference). */
  readonly secret: string;
  readonly roles: readonly string[];
  readonly src?: Source;
}

/** An Atlas project with everything this product models. */
export interface Project {
  readonly id: string;
  readonly name: string;
  readonly orgId?: string;
  readonly created?: string;
  readonly encryptionAtRest: EncryptionAtRest;
  readonly clusters: readonly Cluster[];
  readonly snapshots: readonly Snapshot[];
  readonly restoreJobs: readonly RestoreJob[];
  readonly backupSchedules: readonly BackupSchedule[];
  readonly credentials: readonly Credential[];
  readonly src?: Source;
}

/** The simulated customer KMS as one project sees it. */
export interface KmsState {
  readonly keys: readonly KmsKey[];
}

/** A project config file read into the model: the project plus what its KMS holds. */
export interface ProjectConfigModel {
  readonly project: Project;
  readonly kms: KmsState;
  /** The EncryptionAtRest document as written (the PATCH body it stands for). */
  readonly encryptionAtRestRequest: Readonly<Record<string, unknown>>;
}

/** A project with nothing in it. */
export function emptyProject(id: string, name: string): Project {
  return {
    id,
    name,
    encryptionAtRest: emptyEncryptionAtRest(),
    clusters: [],
    snapshots: [],
    restoreJobs: [],
    backupSchedules: [],
    credentials: [],
  };
}
