import { allRules } from '@mock-atlas/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agrees, checkConformance, formatReport } from './conformance';
import { lintConfig } from './lint-config';
import { startMockUnderTest, type MockUnderTest } from './mock-under-test';
import { RULE_CASES, UNBREAKABLE_BY_A_CONFIG } from './rule-cases';
import { toYaml } from './to-yaml';

const LINT_RULE_IDS = allRules.filter((r) => r.scope.includes('lint')).map((r) => r.id);

let mock: MockUnderTest;
beforeAll(async () => {
  mock = await startMockUnderTest();
});
afterAll(async () => {
  await mock.close();
});

describe('issue 6 item 4: the rules’ table-test cases a config can express', () => {
  it('covers every lint-scope rule of libs/rules at least once valid and once invalid', () => {
    for (const id of LINT_RULE_IDS) {
      const mine = RULE_CASES.filter((c) => c.rule === id);
      expect(mine.filter((c) => !c.breaks && !c.instead).length, `${id}: a config that passes it`).toBeGreaterThan(0);
      // A rule no config can break has its closest config instead, which breaks the rule that applies.
      const breaking = UNBREAKABLE_BY_A_CONFIG.includes(id) ? mine.filter((c) => c.instead) : mine.filter((c) => c.breaks);
      expect(breaking.length, `${id}: a config that breaks it`).toBeGreaterThan(0);
    }
    expect(UNBREAKABLE_BY_A_CONFIG.every((id) => LINT_RULE_IDS.includes(id))).toBe(true);
  });

  it('a file that is not well-formed YAML: atlas-lint names the YAML problem, POST /_mock/projects refuses it unread', async () => {
    const text = 'version: 1\nproject: { name: twice }\nproject: { name: again }\n';
    expect(lintConfig(text).map((f) => f.ruleId)).toContain('yaml/duplicate-key');
    const report = await checkConformance(mock, text);
    expect(agrees(report), formatReport(report)).toBe(true);
    expect(report.api).toEqual({ notApplicable: 'the file is not well-formed YAML' });
  });

  it.each(RULE_CASES.map((c) => [`${c.rule}: ${c.breaks ? 'breaks' : 'passes'}: ${c.name}`, c] as const))('%s', async (_title, ruleCase) => {
    const text = toYaml(ruleCase.config);
    const reported = lintConfig(text).map((f) => f.ruleId);
    // The case is about its rule: it must break it, or must not (and then break the rule named instead, if any).
    if (ruleCase.breaks) expect(reported, text).toContain(ruleCase.rule);
    else expect(reported, text).not.toContain(ruleCase.rule);
    if (ruleCase.instead) expect(reported, text).toContain(ruleCase.instead);
    const report = await checkConformance(mock, text);
    expect(agrees(report), `${text}\n${formatReport(report)}`).toBe(true);
  });
});
