import { describe, expect, it } from 'vitest';
import { fileResult } from '../lint/types';
import { catalog, ctx, results } from '../../test/formatter-fixtures';
import { escapeData, escapeProperty, github } from './github';
import { json } from './json';
import { escapeXml, junit } from './junit';
import { loadFormatter } from './load-formatter';
import { sarif } from './sarif';
import { stylish } from './stylish';
import { FORMAT_NAMES } from './types';

describe('stylish', () => {
  it('prints aligned findings, related locations, a summary and docs links', () => {
    expect(stylish(results, ctx)).toBe(
      [
        'configs/pay, "ments".yaml',
        '  12:18  warning  Key 030g is 300 days old: rotate it.  kms/key-rotation-age',
        '  28:17  error    Restore job 0 uses snapshot 6a79, taken with the disabled key 1f2e: <restore> & "fail".  restore/key-valid (400 AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED)',
        '         ↳ 22:9  The snapshot: 100%, done',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
        'Rule docs:',
        '  restore/key-valid  https://example.test/rules.md#restore-key-valid',
        '  kms/key-rotation-age  https://example.test/rules.md#kms-key-rotation-age',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for clean results', () => {
    expect(stylish([fileResult('a.yaml', [])], ctx)).toBe('');
  });

  it('colours only when asked', () => {
    expect(stylish(results, ctx)).not.toContain('\u001b[');
    const coloured = stylish(results, { ...ctx, color: true });
    expect(coloured).toContain('\u001b[31merror');
    expect(coloured).toContain('\u001b[33mwarning');
  });
});

describe('json', () => {
  it('prints every file with its findings, counts and docs links', () => {
    const parsed = JSON.parse(json(results, ctx));
    expect(parsed).toEqual({
      tool: { name: 'atlas-lint', version: '9.9.9' },
      errorCount: 1,
      warningCount: 1,
      results: [
        { filePath: 'configs/clean.yaml', errorCount: 0, warningCount: 0, findings: [] },
        {
          filePath: 'configs/pay, "ments".yaml',
          errorCount: 1,
          warningCount: 1,
          findings: [
            { ...results[1]!.findings[0], docsUrl: 'https://example.test/rules.md#kms-key-rotation-age' },
            { ...results[1]!.findings[1], docsUrl: 'https://example.test/rules.md#restore-key-valid' },
          ],
        },
      ],
    });
  });
});

describe('github', () => {
  it('prints one workflow command per finding, escaped as the Actions toolkit escapes', () => {
    expect(github(results, ctx)).toBe(
      [
        '::warning file=configs/pay%2C "ments".yaml,line=12,col=18,endLine=12,endColumn=40,title=kms/key-rotation-age::Key 030g is 300 days old: rotate it.',
        '::error file=configs/pay%2C "ments".yaml,line=28,col=17,endLine=28,endColumn=41,title=restore/key-valid::Restore job 0 uses snapshot 6a79, taken with the disabled key 1f2e: <restore> & "fail". (line 22: The snapshot: 100%25, done)',
        '',
      ].join('\n'),
    );
  });

  it('escapes data and properties', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('x:y,z')).toBe('x%3Ay%2Cz');
  });

  it('prints nothing for clean results', () => {
    expect(github([fileResult('a.yaml', [])], ctx)).toBe('');
  });
});

describe('sarif', () => {
  const log = JSON.parse(sarif(results, ctx));
  const run = log.runs[0];

  it('declares SARIF 2.1.0 and the tool', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'atlas-lint', version: '9.9.9' });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
  });

  it('carries rule metadata from the catalog: id, help URI, default level', () => {
    expect(run.tool.driver.rules.map((r: { id: string; helpUri: string; defaultConfiguration: { level: string } }) => [r.id, r.helpUri, r.defaultConfiguration.level])).toEqual([
      ['restore/key-valid', 'https://example.test/rules.md#restore-key-valid', 'error'],
      ['kms/key-rotation-age', 'https://example.test/rules.md#kms-key-rotation-age', 'warning'],
    ]);
  });

  it('gives each result its rule index, level, region and related location', () => {
    expect(run.results[1]).toEqual({
      ruleId: 'restore/key-valid',
      ruleIndex: 0,
      level: 'error',
      message: { text: results[1]!.findings[1]!.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'configs/pay,%20%22ments%22.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 28, startColumn: 17, endLine: 28, endColumn: 41 },
          },
          logicalLocations: [{ fullyQualifiedName: 'restoreJobs[0].snapshotId', kind: 'member' }],
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: 'configs/pay,%20%22ments%22.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 22, startColumn: 9, endLine: 22, endColumn: 33 },
          },
          message: { text: 'The snapshot: 100%, done' },
        },
      ],
      properties: { atlasErrorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED', httpStatus: 400 },
    });
    expect(run.results[0]).toMatchObject({ ruleId: 'kms/key-rotation-age', ruleIndex: 1, level: 'warning' });
  });

  it('uses a file URI for a file outside the working directory', () => {
    const outside = JSON.parse(sarif([fileResult('/elsewhere/a b.yaml', results[1]!.findings)], ctx));
    expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/a%20b.yaml' });
  });
});

describe('junit', () => {
  it('prints one suite per file, a failing case per finding and a passing case for a clean file', () => {
    expect(junit(results, ctx)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="atlas-lint" tests="3" failures="2" errors="0">',
        '  <testsuite name="configs/clean.yaml" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase classname="configs/clean.yaml" name="atlas-lint" file="configs/clean.yaml"/>',
        '  </testsuite>',
        '  <testsuite name="configs/pay, &quot;ments&quot;.yaml" tests="2" failures="2" errors="0" skipped="0">',
        '    <testcase classname="configs/pay, &quot;ments&quot;.yaml" name="kms/key-rotation-age at 12:18" file="configs/pay, &quot;ments&quot;.yaml" line="12">',
        '      <failure type="warn" message="Key 030g is 300 days old: rotate it.">configs/pay, &quot;ments&quot;.yaml:12:18 warn Key 030g is 300 days old: rotate it. (kms/key-rotation-age)',
        'Docs: https://example.test/rules.md#kms-key-rotation-age</failure>',
        '    </testcase>',
        '    <testcase classname="configs/pay, &quot;ments&quot;.yaml" name="restore/key-valid at 28:17" file="configs/pay, &quot;ments&quot;.yaml" line="28">',
        '      <failure type="error" message="Restore job 0 uses snapshot 6a79, taken with the disabled key 1f2e: &lt;restore&gt; &amp; &quot;fail&quot;.">configs/pay, &quot;ments&quot;.yaml:28:17 error Restore job 0 uses snapshot 6a79, taken with the disabled key 1f2e: &lt;restore&gt; &amp; &quot;fail&quot;. (restore/key-valid)',
        '  related 22:9 The snapshot: 100%, done',
        'Docs: https://example.test/rules.md#restore-key-valid</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('drops characters XML cannot hold and escapes the rest', () => {
    expect(escapeXml('a\u0000b\u001bc<&>"\'\uD800d')).toBe('abc&lt;&amp;&gt;&quot;&apos;d');
  });
});

describe('loadFormatter', () => {
  it('loads every format by name', async () => {
    const loaded = await Promise.all(FORMAT_NAMES.map((name) => loadFormatter(name)));
    expect(loaded).toEqual([stylish, json, sarif, github, junit]);
    expect(catalog).toHaveLength(2);
  });
});
