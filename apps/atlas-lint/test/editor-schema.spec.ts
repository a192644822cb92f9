// The JSON Schema printed by --print-schema, driven through a real editor engine: the YAML
// language service of yaml-language-server (what the VS Code YAML extension runs), picking
// the schema up from the `# yaml-language-server: $schema=` modeline as an editor would.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// A dependency of yaml-language-server (its API is typed with it), hoisted to the root node_modules.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { getLanguageService } from 'yaml-language-server';
import { EXAMPLES, runCli, WORKSPACE_ROOT } from './cli';

const printed = runCli(['--print-schema'], { cwd: WORKSPACE_ROOT });
const dir = mkdtempSync(join(tmpdir(), 'atlas-lint-editor-'));
const schemaFile = join(dir, 'atlas-project-config.schema.json');
writeFileSync(schemaFile, printed.stdout);

const service = getLanguageService({
  // The editor fetches the schema the modeline names; here, from the file system only.
  schemaRequestService: async (uri: string) => readFileSync(fileURLToPath(uri), 'utf8'),
  workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).href },
});
service.configure({ validate: true, completion: true, hover: true, yamlVersion: '1.2', schemas: [] });

// The service caches parsed documents by URI and version, so each check gets its own file name.
let documents = 0;
function open(text: string): TextDocument {
  return TextDocument.create(pathToFileURL(join(dir, `project-${++documents}.yaml`)).href, 'yaml', 1, text);
}

async function diagnose(body: string) {
  return service.doValidation(open(`# yaml-language-server: $schema=./atlas-project-config.schema.json\n${body}`), false);
}

describe('the printed JSON Schema in yaml-language-server', () => {
  it('is printed as JSON Schema', () => {
    expect(printed.status).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' });
  });

  it('accepts the demo project with no diagnostics, with the schema applied (hover shows its descriptions)', async () => {
    const demo = readFileSync(join(EXAMPLES, 'demo-project.yaml'), 'utf8').replace(/^# yaml-language-server:.*\n/m, '');
    expect(await diagnose(demo)).toEqual([]);
    const document = open(`# yaml-language-server: $schema=./atlas-project-config.schema.json\n${demo}`);
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('encryptionAtRest:'));
    const hover = await service.doHover(document, { line, character: 3 });
    expect(JSON.stringify(hover?.contents)).toMatch(/encrypt/i);
  });

  it('flags a wrong type, a bad enum value and an unknown field, at their lines', async () => {
    const bad = [
      'version: 1', // line 2 (the modeline is line 1)
      'project: { name: payments }', // 3
      'encryptionAtRest:', // 4
      '  awsKms:', // 5
      '    enabled: "yes"', // 6
      '    customerMasterKeyID: 030gce02-586d-48d2-a966-05ea954fde0g', // 7
      '    region: US_EAST_1', // 8
      '    roleId: 5f232b94af0a6b41747bcc2d', // 9
      'clusters:', // 10
      '  - name: orders', // 11
      '    providerSettings: { providerName: AWS, instanceSizeName: M30, regionName: US_EAST_1 }', // 12
      '    encryptionAtRestProvider: OCI', // 13
      'snapshotz: []', // 14
      '',
    ].join('\n');
    const diagnostics = await diagnose(bad);
    // LSP lines are 0-based: the file's line n is line n - 1.
    const lines = diagnostics.map((d) => d.range.start.line + 1).sort((a, b) => a - b);
    expect(lines).toEqual(expect.arrayContaining([6, 13, 14]));
    expect(diagnostics.find((d) => d.range.start.line + 1 === 6)?.message).toMatch(/boolean/i);
    expect(diagnostics.find((d) => d.range.start.line + 1 === 13)?.message).toMatch(/AWS/);
    expect(diagnostics.find((d) => d.range.start.line + 1 === 14)?.message).toMatch(/not allowed/i);
  });

  it('offers the schema to completion: top-level keys of the config', async () => {
    const document = open('# yaml-language-server: $schema=./atlas-project-config.schema.json\nversion: 1\n');
    const completion = await service.doComplete(document, { line: 2, character: 0 }, false);
    expect(completion.items.map((i) => i.label)).toEqual(expect.arrayContaining(['project', 'encryptionAtRest', 'clusters', 'kms']));
  });
});
