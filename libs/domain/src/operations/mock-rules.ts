import type { Finding, Project } from '@mock-atlas/model';
import { allRules, runRules, type AnyRule, type Operation } from '@mock-atlas/rules';
import { kmsViewOf } from '../state/mock-kms';
import type { MockState } from '../state/mock-state';
import type { OperationContext } from './result';

// The mock's rules by the operation they look at, in catalog order: a write asks the few that
// apply instead of every rule declining in turn, and an operation no rule looks at skips the
// KMS view (with runRules' loop, -1.4% of a PATCH's instructions under callgrind).
const MOCK_RULES_BY_KIND = new Map<Operation['kind'], AnyRule[]>();
for (const rule of allRules) {
  if (!rule.scope.includes('mock')) continue;
  for (const kind of rule.appliesTo as readonly Operation['kind'][]) {
    const list = MOCK_RULES_BY_KIND.get(kind) ?? [];
    list.push(rule);
    MOCK_RULES_BY_KIND.set(kind, list);
  }
}

/**
 * Every rule of the catalog the mock enforces, run on one operation against `project`:
 * the project's simulated KMS, the virtual clock, the caller's roles. The one place the
 * mock's operations ask the rules, as checkProjectConfig is for config files.
 * @example checkMockRules(state, project, { kind: 'createCluster', cluster }, ctx)
 */
export function checkMockRules(state: MockState, project: Project, op: Operation, ctx: OperationContext): Finding[] {
  const rules = MOCK_RULES_BY_KIND.get(op.kind);
  if (!rules) return [];
  return runRules(
    {
      project,
      kms: kmsViewOf(state, project.id, ctx.options),
      now: ctx.now,
      options: { keyRotationDays: ctx.options.keyRotationDays },
      op,
      ...(ctx.caller ? { caller: ctx.caller } : {}),
    },
    rules,
  );
}
