// The rule catalog. Every rule is registered here under its id; the registry's keys are
// the RuleId type, so a typo in a test or a config fails to compile.
import type { AnyRule } from './define-rule';
import backupNoLegacyWithCmk from './backup/no-legacy-with-cmk';

export const rules = {
  'backup/no-legacy-with-cmk': backupNoLegacyWithCmk,
} satisfies Record<string, AnyRule>;

export type RuleId = keyof typeof rules;

/** Every rule in catalog order. */
export const allRules: readonly AnyRule[] = Object.values(rules);

export * from './context';
export * from './define-rule';
export * from './key-state-code';
export * from './run-rules';
