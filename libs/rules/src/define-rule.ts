import type { Finding, Path, RelatedLocation, Severity } from '@mock-atlas/model';
import type { OperationKind, OperationOf, RuleContext } from './context';

/** Where a rule is enforced: the linter, the mock, or both. */
export type RuleScope = 'lint' | 'mock';

/** What a rule's check returns for one violation; defineRule fills in the rest. */
export interface Violation {
  readonly path: Path;
  readonly message: string;
  readonly parameters?: readonly unknown[];
  readonly related?: readonly RelatedLocation[];
  /** Overrides the rule's errorCode when one rule maps to several Atlas codes. */
  readonly errorCode?: string;
  readonly httpStatus?: number;
}

export interface RuleSpec<K extends OperationKind> {
  readonly id: string;
  readonly severity: Severity;
  readonly scope: readonly RuleScope[];
  /**
   * The Atlas errorCode a violating request gets (the usual one, when it varies).
   * Absent for lint-only advice that no Atlas request can trigger.
   */
  readonly errorCode?: string;
  readonly httpStatus?: number;
  /** One sentence for the rule reference and `--list-rules`. */
  readonly description: string;
  /** Where the rule comes from: seed lines (S0:95), the error table (D), the spec. */
  readonly sources: readonly string[];
  /** Why the errorCode is ours when no source names one; shown in the docs. */
  readonly codeNote?: string;
  readonly appliesTo: readonly K[];
  /** Pure: no I/O, no throwing, no mutation. */
  readonly check: (ctx: RuleContext<OperationOf<K>>) => readonly Violation[];
}

export interface Rule<K extends OperationKind = OperationKind> extends RuleSpec<K> {
  readonly docsUrl: string;
  /** Runs the check when the operation is one the rule looks at; never throws. */
  run(ctx: RuleContext): Finding[];
}

/** Rules of any operation kind, for registries and runners. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export const DOCS_BASE_URL = 'https://github.com/mock-atlas/mock-atlas/blob/main/docs/rules.md';

/**
 * The docs link of a rule, derived from its id so that it can never drift.
 * @example ruleDocsUrl('ear/valid-is-read-only') // → '…/docs/rules.md#ear-valid-is-read-only'
 */
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE_URL}#${ruleAnchor(id)}`;
}

/** The HTML anchor of a rule in docs/rules.md. */
export function ruleAnchor(id: string): string {
  return id.replace(/[^a-z0-9]+/g, '-');
}

/**
 * Declares a rule. The returned object carries the metadata both tools need and a
 * `run` that turns violations into findings with the rule's id, severity and Atlas code.
 * @example
 * export default defineRule({ id: 'ear/valid-is-read-only', appliesTo: ['updateEncryptionAtRest'], ... })
 */
export function defineRule<K extends OperationKind>(spec: RuleSpec<K>): Rule<K> {
  const kinds = new Set<OperationKind>(spec.appliesTo);
  return {
    ...spec,
    docsUrl: ruleDocsUrl(spec.id),
    run(ctx: RuleContext): Finding[] {
      if (!kinds.has(ctx.op.kind)) return [];
      return spec.check(ctx as RuleContext<OperationOf<K>>).map((v) => {
        const errorCode = v.errorCode ?? spec.errorCode;
        const httpStatus = v.httpStatus ?? spec.httpStatus;
        return {
          ruleId: spec.id,
          severity: spec.severity,
          ...(errorCode ? { errorCode } : {}),
          ...(httpStatus ? { httpStatus } : {}),
          message: v.message,
          path: v.path,
          ...(v.parameters ? { parameters: v.parameters } : {}),
          ...(v.related ? { related: v.related } : {}),
        };
      });
    },
  };
}
