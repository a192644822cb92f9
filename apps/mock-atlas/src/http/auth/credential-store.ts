// What authentication needs from the mock's state, and nothing more: the lead's domain state
// implements this; tests use testing/in-memory-credential-store.ts.
import type { RoleId } from '@mock-atlas/atlas-http';

export type { Clock } from '../clock';

/** A role held in one project (`groupId`) or, without `groupId`, in every project. */
export interface Grant {
  readonly role: RoleId;
  readonly groupId?: string;
}

/** A programmatic API key (HTTP Digest): the public key is the user name, the private key the password. */
export interface ApiKeyRecord {
  readonly privateKey: string;
  readonly grants: readonly Grant[];
}

/** An OAuth service account (client credentials). */
export interface ServiceAccountRecord {
  readonly clientSecret: string;
  readonly grants: readonly Grant[];
}

/** Credential lookups; either may answer synchronously or with a promise. */
export interface CredentialStore {
  findApiKey(publicKey: string): ApiKeyRecord | undefined | Promise<ApiKeyRecord | undefined>;
  findServiceAccount(clientId: string): ServiceAccountRecord | undefined | Promise<ServiceAccountRecord | undefined>;
}

/** Who made a request, as authentication established it. */
export interface Principal {
  readonly kind: 'apiKey' | 'serviceAccount';
  /** The public key or the client id (never a secret). */
  readonly id: string;
  readonly grants: readonly Grant[];
}
