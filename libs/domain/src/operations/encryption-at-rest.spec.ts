import { describe, expect, it } from 'vitest';
import { emptyProject } from '@mock-atlas/model';
import { DEFAULT_MOCK_OPTIONS, emptyState, type MockState } from '../state/mock-state';
import { getEncryptionAtRest, updateEncryptionAtRest } from './encryption-at-rest';
import type { OperationContext } from './result';

const GROUP = '5e2211c17a3e5a48f5497de3';
const KEY = '030gce02-586d-48d2-a966-05ea954fde0g';
const NOW = '2026-11-22T12:00:00Z';
const ctx: OperationContext = { now: NOW, options: DEFAULT_MOCK_OPTIONS };

// S3:524-532, the seed's "Enable" example request.
const SEED_ENABLE = {
  awsKms: {
    enabled: true,
    accessKeyID: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    customerMasterKeyID: KEY,
    region: 'US_EAST_1',
  },
};

function withProject(): MockState {
  return { ...emptyState(), projects: { [GROUP]: emptyProject(GROUP, 'payments') } };
}

function enabled(state = withProject()): MockState {
  const result = updateEncryptionAtRest(state, GROUP, SEED_ENABLE, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.state;
}

describe('updateEncryptionAtRest', () => {
  it('S3:513-532 enables AWS KMS with the seed request: valid, key registered, 90-day rotation alert (S3:57)', () => {
    const result = updateEncryptionAtRest(withProject(), GROUP, SEED_ENABLE, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.providers.AWS).toMatchObject({ enabled: true, valid: true });
    expect(result.state.kmsKeys).toEqual([{ provider: 'AWS', keyId: KEY, state: 'ENABLED', createdAt: NOW }]);
    expect(result.state.alertConfigs).toMatchObject([
      { groupId: GROUP, eventTypeName: 'AWS_ENCRYPTION_KEY_NEEDS_ROTATION', threshold: { operator: 'GREATER_THAN', units: 'DAYS', threshold: 90 } },
    ]);
  });

  it('S3:199 refuses to turn a provider on without every field, and leaves the state untouched', () => {
    const state = withProject();
    const result = updateEncryptionAtRest(state, GROUP, { awsKms: { enabled: true, customerMasterKeyID: KEY, roleId: '5f232b94af0a6b41747bcc2d' } }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ ruleId: 'ear/provider-fields-complete', errorCode: 'MISSING_ATTRIBUTE', httpStatus: 400, parameters: ['awsKms.region'] });
    expect(state.projects[GROUP]!.encryptionAtRest.providers.AWS.enabled).toBe(false);
  });

  it('S3:207 accepts a partial update once the provider is on', () => {
    const result = updateEncryptionAtRest(enabled(), GROUP, { awsKms: { region: 'US_WEST_2' } }, ctx);
    expect(result.ok && result.value.providers.AWS.settings.region).toBe('US_WEST_2');
  });

  it('S3:291-297 {enabled:false} turns the provider off, clears it and removes its rotation alert', () => {
    const result = updateEncryptionAtRest(enabled(), GROUP, { awsKms: { enabled: false } }, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.providers.AWS).toEqual({ enabled: false, valid: false, settings: {} });
    expect(result.state.alertConfigs).toEqual([]);
  });

  it('S3:496-501 refuses a client-sent valid flag', () => {
    const result = updateEncryptionAtRest(enabled(), GROUP, { awsKms: { valid: true } }, ctx);
    expect(!result.ok && result.error.errorCode).toBe('ATTRIBUTE_READ_ONLY');
  });

  it('D refuses to turn a provider off while a cluster uses it (409)', () => {
    const state = enabled();
    const project = state.projects[GROUP]!;
    const cluster = { name: 'orders', clusterType: 'REPLICASET', instanceSize: 'M30', replicationSpecs: [], legacyBackupEnabled: false, cloudBackupEnabled: true, pitEnabled: false, encryptionAtRestProvider: 'AWS', paused: false, terminationProtectionEnabled: false } as const;
    const withCluster = { ...state, projects: { [GROUP]: { ...project, clusters: [cluster] } } };
    const result = updateEncryptionAtRest(withCluster, GROUP, { awsKms: { enabled: false } }, ctx);
    expect(!result.ok && [result.error.errorCode, result.error.httpStatus]).toEqual(['CANNOT_DISABLE_ENCRYPTION_AT_REST', 409]);
  });

  it('S0:78 refuses a new key while the current key is disabled, but accepts new credentials', () => {
    const state = enabled();
    const broken = { ...state, kmsKeys: state.kmsKeys.map((k) => ({ ...k, state: 'DISABLED' as const })) };
    const newKey = updateEncryptionAtRest(broken, GROUP, { awsKms: { customerMasterKeyID: '11111111-2222-4333-8444-555555555555' } }, ctx);
    expect(!newKey.ok && newKey.error.errorCode).toBe('ENCRYPTION_AT_REST_SETTINGS_INVALID');
    const restored = { ...broken, kmsKeys: state.kmsKeys };
    const newCredentials = updateEncryptionAtRest(restored, GROUP, { awsKms: { accessKeyID: 'AKIAI44QH8DHBEXAMPLE', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY' } }, ctx);
    expect(newCredentials.ok).toBe(true);
  });

  it('S0:21 with --kms strict, an unknown key is not found (AWS answers 404)', () => {
    const result = updateEncryptionAtRest(withProject(), GROUP, SEED_ENABLE, { ...ctx, options: { ...ctx.options, kms: 'strict' } });
    expect(!result.ok && [result.error.errorCode, result.error.httpStatus]).toEqual(['AWS_CUSTOMER_MASTER_KEY_NOT_FOUND', 404]);
  });

  it('S0:21 broken credentials are refused with the provider’s credentials code', () => {
    const state = { ...withProject(), kmsCredentials: { [GROUP]: { AWS: false } } };
    const result = updateEncryptionAtRest(state, GROUP, SEED_ENABLE, ctx);
    expect(!result.ok && result.error.errorCode).toBe('INVALID_AWS_CREDENTIALS');
  });

  it('spec refuses a malformed body with a schema finding and an unknown group with GROUP_NOT_FOUND', () => {
    const bad = updateEncryptionAtRest(withProject(), GROUP, { awsKms: { region: 'mars-1' } }, ctx);
    expect(!bad.ok && bad.error.errorCode).toBe('INVALID_ENUM_VALUE');
    const missing = updateEncryptionAtRest(withProject(), 'aaaaaaaaaaaaaaaaaaaaaaaa', SEED_ENABLE, ctx);
    expect(!missing.ok && [missing.error.errorCode, missing.error.httpStatus]).toEqual(['GROUP_NOT_FOUND', 404]);
    expect(getEncryptionAtRest(withProject(), 'aaaaaaaaaaaaaaaaaaaaaaaa').ok).toBe(false);
  });

  it('is all or nothing: an accepted AWS document does not land when the Azure document of the same request is refused', () => {
    const state = withProject();
    const result = updateEncryptionAtRest(state, GROUP, { ...SEED_ENABLE, azureKeyVault: { enabled: true, keyVaultName: 'v' } }, ctx);
    expect(result.ok).toBe(false);
    expect(state.projects[GROUP]!.encryptionAtRest.providers.AWS.enabled).toBe(false);
  });
});
