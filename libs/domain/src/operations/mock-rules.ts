import type { Finding, Project } from '@mock-atlas/model';
import { allRules, runRules, type Operation } from '@mock-atlas/rules';
import { kmsViewOf } from '../state/mock-kms';
import type { MockState } from '../state/mock-state';
import type { OperationContext } from './result';

const MOCK_RULES = allRules.filter((r) => r.scope.includes('mock'));

/**
 * Every rule of the catalog the mock enforces, run on one operation against `project`:
 * the project's simulated KMS, the virtual clock, the caller's roles. The one place the
 * mock's operations ask the rules, as checkProjectConfig is for config files.
 * @example checkMockRules(state, project, { kind: 'createCluster', cluster }, ctx)
 */
export function checkMockRules(state: MockState, project: Project, op: Operation, ctx: OperationContext): Finding[] {
  return runRules(
    {
      project,
      kms: kmsViewOf(state, project.id, ctx.options),
      now: ctx.now,
      options: { keyRotationDays: ctx.options.keyRotationDays },
      op,
      ...(ctx.caller ? { caller: ctx.caller } : {}),
    },
    MOCK_RULES,
  );
}
