import { describe, expect, it } from 'vitest';
import { SCHEMA_RULE_IDS, SCHEMA_RULES, SCHEMA_RULES_BY_ID } from './schema-rules';

describe('SCHEMA_RULES', () => {
  it('RULES.md maps each kind to the Atlas code the mock answers with (README §5.2)', () => {
    expect(Object.fromEntries(SCHEMA_RULES.map((r) => [r.id, `${r.httpStatus} ${r.errorCode}`]))).toEqual({
      'schema/unknown-field': '400 INVALID_ATTRIBUTE',
      'schema/type': '400 INVALID_JSON_ATTRIBUTE',
      'schema/enum': '400 INVALID_ENUM_VALUE',
      'schema/required': '400 MISSING_ATTRIBUTE',
      'schema/pattern': '400 INVALID_ATTRIBUTE',
      'schema/range': '400 INVALID_ATTRIBUTE',
    });
  });

  it('RULES.md every kind is an error with a one-sentence description, listed and keyed alike', () => {
    for (const rule of SCHEMA_RULES) {
      expect(rule.severity).toBe('error');
      expect(rule.description).toMatch(/^[A-Z].*\.$/);
      expect(SCHEMA_RULES_BY_ID[rule.id]).toBe(rule);
    }
    expect(SCHEMA_RULE_IDS).toEqual(SCHEMA_RULES.map((r) => r.id));
  });
});
