// `npm run docs`: writes the generated references that are committed for people and
// editors, from the code that defines them (tests fail when either is stale):
//  - docs/rules.md, from the rule catalog and the schema finding kinds;
//  - schemas/atlas-project-config.schema.json, the project config's JSON Schema, which
//    the `# yaml-language-server: $schema=` modeline of a config points at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules, renderRulesDoc } from '@mock-atlas/rules';
import { projectConfigSchemaBundle, SCHEMA_RULES } from '@mock-atlas/schemas';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rulesDoc = join(workspaceRoot, 'docs', 'rules.md');
writeFileSync(rulesDoc, renderRulesDoc(allRules, SCHEMA_RULES));
console.log(`wrote ${rulesDoc} (${allRules.length} rules, ${SCHEMA_RULES.length} schema finding kinds)`);

const schemaFile = join(workspaceRoot, 'schemas', 'atlas-project-config.schema.json');
mkdirSync(dirname(schemaFile), { recursive: true });
writeFileSync(schemaFile, `${JSON.stringify(projectConfigSchemaBundle, null, 2)}\n`);
console.log(`wrote ${schemaFile}`);
