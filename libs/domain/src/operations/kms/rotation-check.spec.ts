import { describe, expect, it } from 'vitest';
import { DEFAULT_MOCK_OPTIONS, type MockState } from '../../state/mock-state';
import { updateEncryptionAtRest } from '../encryption-at-rest';
import type { OperationContext } from '../result';
import { checkKeyRotation } from './rotation-check';
import { GROUP, KEY, at, awsProject } from './testing/kms-fixtures';

const DAY_MIN = 24 * 60;
const rotationAlerts = (state: MockState) => state.alerts.filter((a) => a.eventTypeName === 'AWS_ENCRYPTION_KEY_NEEDS_ROTATION');

describe('checkKeyRotation (ear/rotation-alert)', () => {
  it('S3:57 no alert at exactly 90 days: the threshold is GREATER_THAN', () => {
    const state = awsProject();
    expect(checkKeyRotation(state, at(90 * DAY_MIN))).toBe(state);
  });

  it('S3:57 opens AWS_ENCRYPTION_KEY_NEEDS_ROTATION once the key is older than 90 days, under its alert config', () => {
    const state = awsProject();
    const after = checkKeyRotation(state, at(90 * DAY_MIN + 60));
    const config = state.alertConfigs.find((a) => a.eventTypeName === 'AWS_ENCRYPTION_KEY_NEEDS_ROTATION')!;
    expect(rotationAlerts(after)).toEqual([
      expect.objectContaining({ groupId: GROUP, status: 'OPEN', keyId: KEY, alertConfigId: config.id, created: at(90 * DAY_MIN + 60).now }),
    ]);
  });

  it('S3:57 opens it only once per key', () => {
    const once = checkKeyRotation(awsProject(), at(91 * DAY_MIN));
    expect(checkKeyRotation(once, at(200 * DAY_MIN))).toBe(once);
  });

  it('S0:17 --key-rotation-days 365: the threshold of the alert config decides', () => {
    const ctx365: OperationContext = { ...at(0), options: { ...DEFAULT_MOCK_OPTIONS, keyRotationDays: 365 } };
    const result = updateEncryptionAtRest(
      awsProject([]),
      GROUP,
      { awsKms: { enabled: false } },
      ctx365,
    );
    if (!result.ok) throw new Error(result.error.message);
    const reEnabled = updateEncryptionAtRest(
      result.state,
      GROUP,
      { awsKms: { enabled: true, customerMasterKeyID: KEY, region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' } },
      ctx365,
    );
    if (!reEnabled.ok) throw new Error(reEnabled.error.message);
    expect(rotationAlerts(checkKeyRotation(reEnabled.state, at(300 * DAY_MIN)))).toEqual([]);
    expect(rotationAlerts(checkKeyRotation(reEnabled.state, at(366 * DAY_MIN)))).toHaveLength(1);
  });

  it('S0:80-88 rotating the key closes the old reminder and restarts the count for the new key', () => {
    const reminded = checkKeyRotation(awsProject([]), at(91 * DAY_MIN));
    const rotated = updateEncryptionAtRest(reminded, GROUP, { awsKms: { customerMasterKeyID: 'new-key-2027' } }, at(92 * DAY_MIN));
    if (!rotated.ok) throw new Error(rotated.error.message);
    const afterRotation = checkKeyRotation(rotated.state, at(93 * DAY_MIN));
    expect(rotationAlerts(afterRotation).map((a) => [a.keyId, a.status, a.resolved])).toEqual([[KEY, 'CLOSED', at(93 * DAY_MIN).now]]);
    const later = checkKeyRotation(afterRotation, at(183 * DAY_MIN));
    expect(rotationAlerts(later).map((a) => [a.keyId, a.status])).toEqual([
      [KEY, 'CLOSED'],
      ['new-key-2027', 'OPEN'],
    ]);
  });

  it('spec a disabled alert config opens nothing', () => {
    const state = awsProject();
    const silenced = { ...state, alertConfigs: state.alertConfigs.map((a) => ({ ...a, enabled: false })) };
    expect(checkKeyRotation(silenced, at(100 * DAY_MIN))).toBe(silenced);
  });
});
