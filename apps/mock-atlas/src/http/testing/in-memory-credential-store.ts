// Test doubles for the HTTP layer: a credential store in a Map and a clock that only moves when told.
import type { Clock } from '../clock';
import type { ApiKeyRecord, CredentialStore, Grant, ServiceAccountRecord } from '../auth/credential-store';

/** A CredentialStore in memory, for tests. */
export class InMemoryCredentialStore implements CredentialStore {
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  readonly serviceAccounts = new Map<string, ServiceAccountRecord>();

  addApiKey(publicKey: string, privateKey: string, grants: readonly Grant[]): this {
    this.apiKeys.set(publicKey, { privateKey, grants });
    return this;
  }

  addServiceAccount(clientId: string, clientSecret: string, grants: readonly Grant[]): this {
    this.serviceAccounts.set(clientId, { clientSecret, grants });
    return this;
  }

  findApiKey(publicKey: string): ApiKeyRecord | undefined {
    return this.apiKeys.get(publicKey);
  }

  findServiceAccount(clientId: string): ServiceAccountRecord | undefined {
    return this.serviceAccounts.get(clientId);
  }
}

/** A clock that stands still until advanced. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: Date | string = '2026-06-01T12:00:00Z') {
    this.#now = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  advance(seconds: number): void {
    this.#now += seconds * 1000;
  }
}
