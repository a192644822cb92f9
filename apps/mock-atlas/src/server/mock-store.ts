import {
  advanceClock,
  hasDueTimer,
  DEFAULT_MOCK_OPTIONS,
  emptyState,
  initialTimers,
  type MockOptions,
  type MockState,
  type OperationContext,
  type OperationResult,
} from '@mock-atlas/domain';
import { atlasErrorFromFinding } from '@mock-atlas/atlas-http';
import type { ApiKeyRecord, CredentialStore, Grant, ServiceAccountRecord } from '../http/auth/credential-store';
import { FaultTable } from '../http/faults';
import { RequestJournal } from '../http/journal';
import type { Caller } from '@mock-atlas/rules';
import { VirtualClock } from './virtual-clock';

/**
 * The one mutable thing in the mock: the current state. Domain operations compute a new
 * state or refuse; the store commits accepted results only, so a refused request can
 * never leave anything half-done.
 */
export class MockStore implements CredentialStore {
  private current: MockState;
  /** How many changes have been committed; see revision. */
  private changes = 0;

  private initial: MockState;
  private readonly listeners = new Set<(state: MockState) => void>();
  /** The last requests to the Atlas API (GET /_mock/requests); not part of the state, never saved. */
  readonly journal = new RequestJournal(undefined, () => this.changes);
  /** Injected faults (POST /_mock/faults); not part of the state, never saved. */
  readonly faults = new FaultTable();
  // Every authenticated request looks its credential up: by index, not by scanning the list
  // (with 1,000 projects' credentials the scan was a third of a GET; docs/benchmarks.md).
  private readonly apiKeys = new IdIndex<MockState['apiKeys'][number]>((k) => k.publicKey);
  private readonly serviceAccounts = new IdIndex<MockState['serviceAccounts'][number]>((s) => s.clientId);

  constructor(
    initial?: MockState,
    readonly clock: VirtualClock = new VirtualClock(),
    readonly options: MockOptions = DEFAULT_MOCK_OPTIONS,
  ) {
    this.initial = initial ?? this.fresh();
    this.current = this.initial;
  }

  /** An empty state whose periodic checks start now. */
  private fresh(): MockState {
    return { ...emptyState(), timers: initialTimers(this.clock.now().toISOString()) };
  }

  /** Calls `listener` after every change of state (persistence, journals). Returns an unsubscribe. */
  onChange(listener: (state: MockState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: MockState): void {
    if (state === this.current) return;
    this.current = state;
    this.changes += 1;
    for (const listener of this.listeners) listener(state);
  }

  /**
   * Runs everything the virtual clock has made due (transitions, scheduled snapshots,
   * validity checks, rotation alerts). Called before each request, so a mock on the real
   * clock behaves as if the checks had run in the background.
   */
  catchUp(): void {
    // Most requests find nothing due: ask before building a context.
    if (!hasDueTimer(this.current, this.clock.now().getTime())) return;
    this.set(advanceClock(this.current, this.context()));
  }

  get state(): MockState {
    return this.current;
  }

  /**
   * The number of changes committed since start (requests, timers, imports, resets): grows by
   * one per change, so the journal can say which state each response saw.
   */
  get revision(): number {
    return this.changes;
  }

  /** The context of an operation run now, by `caller`. */
  context(caller?: Caller): OperationContext {
    return { now: this.clock.now().toISOString(), options: this.options, ...(caller ? { caller } : {}) };
  }

  /** Commits an accepted result and returns its value; throws the Atlas error of a refused one. */
  commit<T>(result: OperationResult<T>): T {
    if (!result.ok) throw atlasErrorFromFinding(result.error);
    this.set(result.state);
    return result.value;
  }

  /** Replaces the whole state (state import). */
  replace(state: MockState): void {
    this.set(state);
  }

  /** Back to the startup state, or to nothing at all. */
  reset(empty = false): void {
    this.set(empty ? this.fresh() : this.initial);
  }

  /** Makes the current state the one `reset` returns to (after startup configs are loaded). */
  markInitial(): void {
    this.initial = this.current;
  }

  // The state's grants are handed out as they are, not copied per request: a role string that
  // is no RoleId grants nothing, because authorisation (effectiveRoles, grantsIn) ignores it.
  findApiKey(publicKey: string): ApiKeyRecord | undefined {
    const key = this.apiKeys.find(this.current.apiKeys, publicKey);
    return key && { privateKey: key.privateKey, grants: key.grants as readonly Grant[] };
  }

  findServiceAccount(clientId: string): ServiceAccountRecord | undefined {
    const account = this.serviceAccounts.find(this.current.serviceAccounts, clientId);
    return account && { clientSecret: account.clientSecret, grants: account.grants as readonly Grant[] };
  }
}

/**
 * Items of an immutable list by id, the first of each id as `Array.prototype.find` would give;
 * rebuilt only when a new state brings a new list.
 */
class IdIndex<T> {
  private items: readonly T[] | undefined;
  private byId = new Map<string, T>();

  constructor(private readonly idOf: (item: T) => string) {}

  find(items: readonly T[], id: string): T | undefined {
    if (items !== this.items) {
      this.byId = new Map();
      for (const item of items) if (!this.byId.has(this.idOf(item))) this.byId.set(this.idOf(item), item);
      this.items = items;
    }
    return this.byId.get(id);
  }
}
