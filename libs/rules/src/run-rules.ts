import type { Finding } from '@mock-atlas/model';
import type { RuleContext } from './context';
import type { AnyRule } from './define-rule';

/**
 * Runs every rule that applies to the context's operation, in catalog order.
 * @example runRules(ctx, allRules.filter((r) => r.scope.includes('mock')))
 */
export function runRules(ctx: RuleContext, rules: readonly AnyRule[]): Finding[] {
  // A loop that keeps only non-empty results: most rules find nothing, and the mock runs this
  // on every write.
  const findings: Finding[] = [];
  for (const rule of rules) {
    const found = rule.run(ctx);
    if (found.length > 0) findings.push(...found);
  }
  return findings;
}
