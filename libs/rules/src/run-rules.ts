import type { Finding } from '@mock-atlas/model';
import type { RuleContext } from './context';
import type { AnyRule } from './define-rule';

/**
 * Runs every rule that applies to the context's operation, in catalog order.
 * @example runRules(ctx, allRules.filter((r) => r.scope.includes('mock')))
 */
export function runRules(ctx: RuleContext, rules: readonly AnyRule[]): Finding[] {
  return rules.flatMap((rule) => rule.run(ctx));
}
