import {
  DEFAULT_MOCK_OPTIONS,
  emptyState,
  type MockOptions,
  type MockState,
  type OperationContext,
  type OperationResult,
} from '@mock-atlas/domain';
import { atlasErrorFromFinding, type RoleId } from '@mock-atlas/atlas-http';
import type { ApiKeyRecord, CredentialStore, ServiceAccountRecord } from '../http/auth/credential-store';
import type { Caller } from '@mock-atlas/rules';
import { VirtualClock } from './virtual-clock';

/**
 * The one mutable thing in the mock: the current state. Domain operations compute a new
 * state or refuse; the store commits accepted results only, so a refused request can
 * never leave anything half-done.
 */
export class MockStore implements CredentialStore {
  private current: MockState;

  constructor(
    private initial: MockState = emptyState(),
    readonly clock: VirtualClock = new VirtualClock(),
    readonly options: MockOptions = DEFAULT_MOCK_OPTIONS,
  ) {
    this.current = initial;
  }

  get state(): MockState {
    return this.current;
  }

  /** The context of an operation run now, by `caller`. */
  context(caller?: Caller): OperationContext {
    return { now: this.clock.now().toISOString(), options: this.options, ...(caller ? { caller } : {}) };
  }

  /** Commits an accepted result and returns its value; throws the Atlas error of a refused one. */
  commit<T>(result: OperationResult<T>): T {
    if (!result.ok) throw atlasErrorFromFinding(result.error);
    this.current = result.state;
    return result.value;
  }

  /** Replaces the whole state (state import). */
  replace(state: MockState): void {
    this.current = state;
  }

  /** Back to the startup state, or to nothing at all. */
  reset(empty = false): void {
    this.current = empty ? emptyState() : this.initial;
  }

  /** Makes the current state the one `reset` returns to (after startup configs are loaded). */
  markInitial(): void {
    this.initial = this.current;
  }

  findApiKey(publicKey: string): ApiKeyRecord | undefined {
    const key = this.current.apiKeys.find((k) => k.publicKey === publicKey);
    return key && { privateKey: key.privateKey, grants: key.grants.map((g) => ({ ...g, role: g.role as RoleId })) };
  }

  findServiceAccount(clientId: string): ServiceAccountRecord | undefined {
    const account = this.current.serviceAccounts.find((s) => s.clientId === clientId);
    return account && { clientSecret: account.clientSecret, grants: account.grants.map((g) => ({ ...g, role: g.role as RoleId })) };
  }
}
