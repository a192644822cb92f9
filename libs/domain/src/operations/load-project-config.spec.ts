import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../config/yaml-source';
import { DEFAULT_MOCK_OPTIONS, emptyState } from '../state/mock-state';
import { loadProjectConfig } from './load-project-config';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const ctx = { now: '2026-11-22T12:00:00Z', options: DEFAULT_MOCK_OPTIONS };
const env = { AZURE_CLIENT_SECRET: 's1', MOCK_ATLAS_OWNER_PRIVATE_KEY: 'owner-secret', MOCK_ATLAS_READER_PRIVATE_KEY: 'r', MOCK_ATLAS_SA_SECRET: 'sa' };

function config(name: string): unknown {
  return parseYamlSource(readFileSync(resolve(examples, name), 'utf8')).value;
}

describe('loadProjectConfig', () => {
  it('loads the demo project: project, keys, credentials with project grants, one rotation alert per provider', () => {
    const result = loadProjectConfig(emptyState(), config('demo-project.yaml'), ctx, { env });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const groupId = '5e2211c17a3e5a48f5497de3';
    expect(Object.keys(result.state.projects)).toEqual([groupId]);
    expect(result.state.apiKeys).toContainEqual({ publicKey: 'demo-owner', privateKey: 'owner-secret', grants: [{ role: 'GROUP_OWNER', groupId }] });
    expect(result.state.kmsKeys.map((k) => k.provider)).toEqual(['AWS', 'AZURE']);
    expect(result.state.alertConfigs.map((a) => a.eventTypeName).sort()).toEqual([
      'AWS_ENCRYPTION_KEY_NEEDS_ROTATION',
      'AZURE_ENCRYPTION_KEY_NEEDS_ROTATION',
    ]);
  });

  it('refuses a file that breaks a rule, with the rule’s finding, and changes nothing', () => {
    const state = emptyState();
    const result = loadProjectConfig(state, config('invalid/backup--no-legacy-with-cmk.yaml'), ctx, { env });
    expect(!result.ok && [result.error.ruleId, result.error.errorCode]).toEqual(['backup/no-legacy-with-cmk', 'CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE']);
    expect(state).toEqual(emptyState());
  });

  it('refuses the demo with Legacy Backup on its CMK cluster with that one finding, not the schedule’s and restore’s that name the cluster', () => {
    const text = readFileSync(resolve(examples, 'demo-project.yaml'), 'utf8');
    expect(text.split('providerBackupEnabled: true')).toHaveLength(2);
    const result = loadProjectConfig(emptyState(), parseYamlSource(text.replace('providerBackupEnabled: true', 'backupEnabled: true')).value, ctx, { env });
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => [f.ruleId, f.errorCode, f.path.join('.')])).toEqual([
      ['backup/no-legacy-with-cmk', 'CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE', 'clusters.0.backupEnabled'],
    ]);
  });

  it('refuses a file whose ${env:NAME} secrets are unset, without echoing anything secret', () => {
    const result = loadProjectConfig(emptyState(), config('demo-project.yaml'), ctx, { env: {} });
    expect(!result.ok && result.error.ruleId).toBe('config/env-unset');
  });
});
