// Runs the catalog's mock rules (cluster/*, backup/* and whatever else applies) on one
// cluster operation, through the one entry point the mock's operations share.
import type { Finding, Project } from '@mock-atlas/model';
import type { CreateClusterOp, UpdateClusterOp } from '@mock-atlas/rules';
import type { MockState } from '../../state/mock-state';
import { checkMockRules } from '../mock-rules';
import type { OperationContext } from '../result';

/**
 * Every mock rule's findings about a createCluster or updateCluster operation in a project,
 * the caller's roles included (cluster/ear-requires-project-owner needs them).
 * @example clusterRuleFindings(state, project, { kind: 'createCluster', cluster }, ctx)
 */
export function clusterRuleFindings(state: MockState, project: Project, op: CreateClusterOp | UpdateClusterOp, ctx: OperationContext): Finding[] {
  return checkMockRules(state, project, op, ctx);
}
