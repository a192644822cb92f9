// The replay of a config file: one mistake must give one finding. A cluster whose create is
// refused is still a cluster the user wrote, so what names it is not refused again for it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatPath, type Finding } from '@mock-atlas/model';
import { describe, expect, it } from 'vitest';
import { checkProjectConfig } from './check-project-config';
import { parseYamlSource } from './yaml-source';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const NOW = '2026-11-22T12:00:00Z';
const DEMO = readFileSync(resolve(examples, 'demo-project.yaml'), 'utf8');
const anyEnv = new Proxy({}, { get: () => 'x' });

/** `text` with `from` replaced by `to`; fails if `from` is not in it once, so that a stale edit cannot pass. */
function swap(text: string, from: string, to: string): string {
  expect(text.split(from), `the text holds ${JSON.stringify(from)} once`).toHaveLength(2);
  return text.replace(from, to);
}

const summary = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId} ${f.errorCode ?? '-'} ${formatPath(f.path)}`);

function check(text: string, scope: 'lint' | 'mock') {
  return checkProjectConfig(parseYamlSource(text).value, { scope, now: NOW, ...(scope === 'mock' ? { env: anyEnv } : {}) });
}

const LEGACY_BACKUP = swap(DEMO, 'providerBackupEnabled: true', 'backupEnabled: true');

describe('a cluster whose create is refused', () => {
  for (const scope of ['lint', 'mock'] as const) {
    it(`S0:95 the demo with Legacy Backup on its CMK cluster gives that one finding, not its schedule’s and restore’s (${scope})`, () => {
      expect(summary(check(LEGACY_BACKUP, scope).findings)).toEqual([
        'backup/no-legacy-with-cmk CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE clusters[0].backupEnabled',
      ]);
    });
  }

  it('is not accepted, nor are the schedule and restore job that name it', () => {
    const project = check(LEGACY_BACKUP, 'lint').model!.project;
    expect(project.clusters.map((c) => c.name)).toEqual(['reporting']);
    expect(project.backupSchedules).toEqual([]);
    expect(project.restoreJobs).toEqual([]);
  });

  it('leaves the fields of what names it judged: a bad schedule interval is still found', () => {
    const text = swap(LEGACY_BACKUP, '{ frequencyType: hourly, frequencyInterval: 6,', '{ frequencyType: hourly, frequencyInterval: 5,');
    expect(summary(check(text, 'lint').findings)).toEqual([
      'backup/no-legacy-with-cmk CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE clusters[0].backupEnabled',
      'backup/schedule-valid INVALID_ATTRIBUTE backupSchedules[0].policies[0].policyItems[0].frequencyInterval',
    ]);
  });

  it('D as a restore’s target only: the target is not called missing', () => {
    const archive =
      '  - { name: archive, providerSettings: { providerName: AWS, instanceSizeName: M30, regionName: US_EAST_1 }, encryptionAtRestProvider: AWS, backupEnabled: true }\n';
    const text = swap(swap(DEMO, '  # v2 layout', `${archive}  # v2 layout`), 'targetClusterName: orders', 'targetClusterName: archive');
    const result = check(text, 'lint');
    expect(summary(result.findings)).toEqual(['backup/no-legacy-with-cmk CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE clusters[1].backupEnabled']);
    // Atlas would refuse a restore into a cluster that was never created, so it is not accepted.
    expect(result.model!.project.restoreJobs).toEqual([]);
  });

  it('D when another cluster of the same name was created, references resolve to that one as before', () => {
    // A second `orders` is refused as a duplicate; the first is created without Cloud Backup,
    // so the schedule that names orders is judged against it.
    const first = '  - { name: orders, providerSettings: { providerName: AWS, instanceSizeName: M30, regionName: US_EAST_1 } }\n';
    const text = swap(DEMO, 'clusters:\n', `clusters:\n${first}`);
    const findings = summary(check(text, 'lint').findings);
    expect(findings).toContain('config/references-resolve DUPLICATE_CLUSTER_NAME clusters[1].name');
    expect(findings).toContain('config/references-resolve BACKUP_CONFIG_NOT_FOUND backupSchedules[0].cluster');
  });
});

describe('a key provider whose configuration is refused', () => {
  const NO_REGION = swap(DEMO, '    region: US_EAST_1\n', '');

  for (const scope of ['lint', 'mock'] as const) {
    it(`D the demo's AWS KMS without its region gives that one finding, not one more for the cluster using it (${scope})`, () => {
      expect(summary(check(NO_REGION, scope).findings)).toEqual(['ear/provider-fields-complete MISSING_ATTRIBUTE encryptionAtRest.awsKms.region']);
    });
  }

  it('refuses the cluster using it, and what names that cluster, without more findings', () => {
    const project = check(NO_REGION, 'lint').model!.project;
    expect(project.encryptionAtRest.providers.AWS.enabled).toBe(false);
    expect(project.clusters.map((c) => c.name)).toEqual(['reporting']);
    expect(project.backupSchedules).toEqual([]);
  });

  it('D a cluster asking for a provider the file does not configure at all is still refused for it', () => {
    const text = swap(DEMO, 'encryptionAtRestProvider: AZURE', 'encryptionAtRestProvider: GCP');
    expect(summary(check(text, 'lint').findings)).toEqual(['cluster/ear-provider-enabled ENCRYPTION_AT_REST_NOT_ENABLED clusters[1].encryptionAtRestProvider']);
  });
});

describe('a cluster name no cluster of the file bears', () => {
  it('D a schedule naming it is CLUSTER_NOT_FOUND', () => {
    const text = swap(DEMO, 'backupSchedules:\n  - cluster: orders', 'backupSchedules:\n  - cluster: ordres');
    expect(summary(check(text, 'lint').findings)).toEqual(['config/references-resolve CLUSTER_NOT_FOUND backupSchedules[0].cluster']);
  });

  it('D a restore job naming it is CLUSTER_NOT_FOUND; a target naming it, restore/target-available', () => {
    const text = swap(swap(DEMO, 'restoreJobs:\n  - cluster: orders', 'restoreJobs:\n  - cluster: ordres'), 'targetClusterName: orders', 'targetClusterName: ordres');
    expect(summary(check(text, 'lint').findings)).toEqual([
      'config/references-resolve CLUSTER_NOT_FOUND restoreJobs[0].cluster',
      'restore/target-available CLUSTER_NOT_FOUND restoreJobs[0].targetClusterName',
    ]);
  });
});
