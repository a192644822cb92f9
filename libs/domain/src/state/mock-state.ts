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
    sequence: 0,
  };
}

/** Settings that change how the mock judges requests. */
export interface MockOptions {
  /** Days after which a key should be rotated (S3:57 and the spec: 90; S0:17: 365). */
  readonly keyRotationDays: number;
  /** 'lenient' registers a well-formed key id the KMS has never seen as ENABLED on first use. */
  readonly kms: 'lenient' | 'strict';
}

export const DEFAULT_MOCK_OPTIONS: MockOptions = { keyRotationDays: 90, kms: 'lenient' };
