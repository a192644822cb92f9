// Runs the catalog's mock rules (cluster/*, backup/* and whatever else applies) on one
// cluster operation, exactly as operations/encryption-at-rest.ts does for EAR requests.
import type { Finding, Project } from '@mock-atlas/model';
import { allRules, runRules, type CreateClusterOp, type RuleContext, type UpdateClusterOp } from '@mock-atlas/rules';
import { kmsViewOf } from '../../state/mock-kms';
import type { MockState } from '../../state/mock-state';
import type { OperationContext } from '../result';

const MOCK_RULES = allRules.filter((r) => r.scope.includes('mock'));

/**
 * Every mock rule's findings about a createCluster or updateCluster operation in a project,
 * the caller's roles included (cluster/ear-requires-project-owner needs them).
 * @example clusterRuleFindings(state, project, { kind: 'createCluster', cluster }, ctx)
 */
export function clusterRuleFindings(state: MockState, project: Project, op: CreateClusterOp | UpdateClusterOp, ctx: OperationContext): Finding[] {
  const ruleCtx: RuleContext = {
    project,
    kms: kmsViewOf(state, project.id, ctx.options),
    now: ctx.now,
    options: { keyRotationDays: ctx.options.keyRotationDays },
    op,
    ...(ctx.caller ? { caller: ctx.caller } : {}),
  };
  return runRules(ruleCtx, MOCK_RULES);
}
