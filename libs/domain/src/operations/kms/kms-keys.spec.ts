import { describe, expect, it } from 'vitest';
import { emptyProject } from '@mock-atlas/model';
import { emptyState, type MockState } from '../../state/mock-state';
import { listKmsKeys, setKmsCredentials, upsertKmsKey } from './kms-keys';
import { GROUP, KEY, NOW, at, ctx } from './testing/kms-fixtures';

const withKey: MockState = { ...emptyState(), kmsKeys: [{ provider: 'AWS', keyId: KEY, state: 'ENABLED', createdAt: '2026-01-15T00:00:00Z' }] };

describe('upsertKmsKey (POST /_mock/kms/keys)', () => {
  it('spec PRODUCT control API: registers a key the KMS has never seen, created now', () => {
    const result = upsertKmsKey(emptyState(), { provider: 'GCP', keyId: 'projects/p/locations/global/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1', state: 'ENABLED' }, ctx);
    expect(result.ok && result.state.kmsKeys).toEqual([
      { provider: 'GCP', keyId: 'projects/p/locations/global/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1', state: 'ENABLED', createdAt: NOW },
    ]);
  });

  it('S0:63 disables an existing key in place, keeping its creation date', () => {
    const result = upsertKmsKey(withKey, { provider: 'AWS', keyId: KEY, state: 'DISABLED' }, at(5));
    expect(result.ok && result.state.kmsKeys).toEqual([{ provider: 'AWS', keyId: KEY, state: 'DISABLED', createdAt: '2026-01-15T00:00:00Z' }]);
  });

  it('spec the same key id under another provider is another key', () => {
    const result = upsertKmsKey(withKey, { provider: 'AZURE', keyId: KEY, state: 'PENDING_DELETION' }, ctx);
    expect(result.ok && result.state.kmsKeys.map((k) => [k.provider, k.state])).toEqual([
      ['AWS', 'ENABLED'],
      ['AZURE', 'PENDING_DELETION'],
    ]);
  });

  it.each([
    ['an unknown provider', { provider: 'IBM', keyId: KEY, state: 'ENABLED' }, 'INVALID_ENUM_VALUE', ['IBM']],
    ['an unknown key state', { provider: 'AWS', keyId: KEY, state: 'REVOKED' }, 'INVALID_ENUM_VALUE', ['REVOKED']],
    ['an empty key id', { provider: 'AWS', keyId: '  ', state: 'DISABLED' }, 'MISSING_ATTRIBUTE', ['keyId']],
    ['no state', { provider: 'AWS', keyId: KEY }, 'MISSING_ATTRIBUTE', ['state']],
    ['an unknown field', { provider: 'AWS', keyId: KEY, state: 'DISABLED', valid: false }, 'INVALID_ATTRIBUTE', ['valid']],
    ['a bad createdAt', { provider: 'AWS', keyId: KEY, state: 'DISABLED', createdAt: 'yesterday' }, 'INVALID_ATTRIBUTE', ['createdAt']],
    ['a list instead of an object', [{ provider: 'AWS' }], 'INVALID_JSON', ['body']],
  ])('spec PRODUCT refuses %s with a 400 and leaves the KMS as it was', (_name, body, errorCode, parameters) => {
    const result = upsertKmsKey(withKey, body, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ errorCode, httpStatus: 400, parameters });
    expect(withKey.kmsKeys[0]!.state).toBe('ENABLED');
  });

  it('spec PRODUCT listKmsKeys returns the keys with their states', () => {
    expect(listKmsKeys(withKey)).toEqual(withKey.kmsKeys);
  });
});

describe('setKmsCredentials (POST /_mock/kms/credentials)', () => {
  const state: MockState = { ...emptyState(), projects: { [GROUP]: emptyProject(GROUP, 'payments') } };

  it("spec PRODUCT: a project's AWS credentials stop working, then work again; other providers untouched", () => {
    const broken = setKmsCredentials(state, { groupId: GROUP, provider: 'AWS', valid: false });
    expect(broken.ok && broken.state.kmsCredentials).toEqual({ [GROUP]: { AWS: false } });
    if (!broken.ok) return;
    const mended = setKmsCredentials(broken.state, { groupId: GROUP, provider: 'AWS', valid: true });
    expect(mended.ok && mended.state.kmsCredentials).toEqual({ [GROUP]: { AWS: true } });
  });

  it('D refuses an unknown project with 404 GROUP_NOT_FOUND', () => {
    const result = setKmsCredentials(state, { groupId: '5e2211c17a3e5a48f5490001', provider: 'AWS', valid: false });
    expect(!result.ok && [result.error.errorCode, result.error.httpStatus]).toEqual(['GROUP_NOT_FOUND', 404]);
  });

  it.each([
    ['valid as a string', { groupId: GROUP, provider: 'AWS', valid: 'no' }, 'INVALID_ATTRIBUTE'],
    ['no valid', { groupId: GROUP, provider: 'AWS' }, 'MISSING_ATTRIBUTE'],
    ['a bad provider', { groupId: GROUP, provider: 'aws', valid: false }, 'INVALID_ENUM_VALUE'],
    ['no groupId', { provider: 'AWS', valid: false }, 'MISSING_ATTRIBUTE'],
  ])('spec PRODUCT refuses %s with a 400', (_name, body, errorCode) => {
    const result = setKmsCredentials(state, body);
    expect(!result.ok && [result.error.errorCode, result.error.httpStatus]).toEqual([errorCode, 400]);
  });
});
