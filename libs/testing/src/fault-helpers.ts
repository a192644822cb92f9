import { readFaultSpec, type Fault, type FaultSpec, type MockStore } from './embedded-app';

/** A fault as `faults.inject` takes it: POST /_mock/faults's body, `times` defaulting to 1. */
export type FaultInput = Omit<FaultSpec, 'times'> & { readonly times?: number };

/** Injected faults (POST/GET/DELETE /_mock/faults): the next matching API requests fail, wait or drop. */
export interface FaultHelpers {
  /**
   * Makes the next `times` (default 1) requests matching `method` and `path` (exact, or a
   * prefix ending in `*`) answer an Atlas error, wait `delayMs`, or lose their connection.
   * @example await atlas.faults.inject({ path: `/api/atlas/v2/groups/${atlas.groupId}/clusters`, status: 429, retryAfter: 0 })
   */
  inject(fault: FaultInput): Promise<Fault>;
  /** Faults that still apply to some request. */
  list(): Promise<readonly Fault[]>;
  /** Removes every fault. */
  clear(): Promise<void>;
}

/** Adds a fault, checked as the control API checks it (an Atlas error says what is wrong). */
export function injectFault(store: MockStore, fault: FaultInput): Fault {
  return store.faults.add(readFaultSpec({ times: 1, ...fault }));
}

/** The fault helpers of one store. */
export function faultHelpers(store: MockStore): FaultHelpers {
  return {
    inject: async (fault) => injectFault(store, fault),
    list: async () => store.faults.list(),
    clear: async () => {
      store.faults.clear();
    },
  };
}
