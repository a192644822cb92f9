// The table-test harness every rule spec uses (after Spectral's tester and
// typescript-eslint's RuleTester): valid cases yield nothing, invalid cases yield exactly
// the listed findings, and every case name cites its source so the catalog stays traceable.
import { describe, expect, it } from 'vitest';
import type { Path } from '@mock-atlas/model';
import type { AnyRule } from '../define-rule';
import type { RuleContext } from '../context';
import type { RuleId } from '../index';

export interface ValidCase {
  /** Cite the source, e.g. "S0:95 cloud backup with CMK is fine". */
  readonly name: string;
  readonly ctx: RuleContext;
}

export interface ExpectedFinding {
  readonly ruleId: RuleId;
  readonly path: Path;
  readonly errorCode?: string;
  readonly httpStatus?: number;
  /** A fragment the message must contain. */
  readonly message?: string | RegExp;
  readonly parameters?: readonly unknown[];
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
}

export interface RuleCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

const SOURCE_CITATION = /\b(S0|S3):\d+|\bD\b|\bspec\b/;

/** Runs a rule's table. */
export function testRule(rule: AnyRule, cases: RuleCases): void {
  describe(rule.id, () => {
    it('has at least one valid and two invalid cases, each citing its source', () => {
      expect(cases.valid.length).toBeGreaterThanOrEqual(1);
      expect(cases.invalid.length).toBeGreaterThanOrEqual(2);
      for (const c of [...cases.valid, ...cases.invalid]) expect(c.name).toMatch(SOURCE_CITATION);
    });

    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          expect(rule.run(c.ctx)).toEqual([]);
        });
      }
    });

    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const findings = rule.run(c.ctx);
          expect(findings.map((f) => ({ ruleId: f.ruleId, path: f.path }))).toEqual(
            c.errors.map((e) => ({ ruleId: e.ruleId, path: e.path })),
          );
          c.errors.forEach((expected, i) => {
            const actual = findings[i]!;
            expect(actual.errorCode).toBe(expected.errorCode ?? rule.errorCode);
            expect(actual.httpStatus).toBe(expected.httpStatus ?? rule.httpStatus);
            expect(actual.severity).toBe(rule.severity);
            expect(actual.message.length).toBeGreaterThan(10);
            if (expected.message !== undefined) expect(actual.message).toMatch(expected.message);
            if (expected.parameters !== undefined) expect(actual.parameters).toEqual(expected.parameters);
          });
        });
      }
    });
  });
}
