// Writes docs/rules.md from the rule catalog and the schema finding kinds.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules, renderRulesDoc } from '@mock-atlas/rules';
import { SCHEMA_RULES } from '@mock-atlas/schemas';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const target = join(workspaceRoot, 'docs', 'rules.md');
writeFileSync(target, renderRulesDoc(allRules, SCHEMA_RULES));
console.log(`wrote ${target} (${allRules.length} rules, ${SCHEMA_RULES.length} schema finding kinds)`);
