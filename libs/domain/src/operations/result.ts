import type { Finding } from '@mock-atlas/model';
import type { Caller } from '@mock-atlas/rules';
import type { MockOptions, MockState } from '../state/mock-state';

/** What an operation needs besides the state: the clock, the mock's options, the caller. */
export interface OperationContext {
  readonly now: string;
  readonly options: MockOptions;
  readonly caller?: Caller;
}

/**
 * An operation either returns the new state and its value, or refuses with the finding
 * Atlas would answer with (`error`, the first error) and every finding it made.
 */
export type OperationResult<T> =
  | { readonly ok: true; readonly state: MockState; readonly value: T; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly error: Finding; readonly findings: readonly Finding[] };

export function accepted<T>(state: MockState, value: T, findings: readonly Finding[] = []): OperationResult<T> {
  return { ok: true, state, value, findings };
}

/** Refuses with the first error among `findings` (which must contain one). */
export function refused<T>(findings: readonly Finding[]): OperationResult<T> {
  const error = findings.find((f) => f.severity === 'error') ?? findings[0];
  if (!error) throw new Error('refused() needs at least one finding');
  return { ok: false, error, findings };
}

export function firstError(findings: readonly Finding[]): Finding | undefined {
  return findings.find((f) => f.severity === 'error');
}

/** Refusals that are not rules: lookups of things that do not exist. */
export const notFound = {
  group: (groupId: string): Finding => ({
    ruleId: 'api/not-found',
    severity: 'error',
    errorCode: 'GROUP_NOT_FOUND',
    httpStatus: 404,
    message: `No group with ID ${groupId} exists.`,
    path: [],
    parameters: [groupId],
  }),
  cluster: (clusterName: string, groupId: string): Finding => ({
    ruleId: 'api/not-found',
    severity: 'error',
    errorCode: 'CLUSTER_NOT_FOUND',
    httpStatus: 404,
    message: `No cluster named ${clusterName} exists in group ${groupId}.`,
    path: [],
    parameters: [clusterName, groupId],
  }),
};
