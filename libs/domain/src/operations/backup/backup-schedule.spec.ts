import { describe, expect, it } from 'vitest';
import { deleteBackupSchedule, getBackupSchedule, updateBackupSchedule } from './backup-schedule';
import { GROUP, NOW, ctx, ok, paymentsState, withSweep } from './testing/fixtures';

const HOURLY_12 = {
  referenceHourOfDay: 3,
  policies: [{ policyItems: [{ frequencyType: 'hourly', frequencyInterval: 12, retentionUnit: 'days', retentionValue: 2 }] }],
};

describe('getBackupSchedule', () => {
  it('README §4 reports the default schedule of a fresh cluster, with ids, and when the next snapshot is due', () => {
    const { value } = ok(getBackupSchedule(withSweep(paymentsState()), GROUP, 'orders', ctx));
    expect(value.schedule.restoreWindowDays).toBe(7);
    const items = value.schedule.policies[0]!.policyItems;
    expect(items.map((i) => [i.frequencyType, i.frequencyInterval, i.retentionUnit, i.retentionValue])).toEqual([
      ['hourly', 6, 'days', 7],
      ['daily', 1, 'days', 7],
      ['weekly', 6, 'weeks', 4],
      ['monthly', 40, 'months', 12],
      ['yearly', 12, 'years', 1],
    ]);
    expect(value.schedule.policies[0]!.id).toMatch(/^[a-f0-9]{24}$/);
    expect(new Set(items.map((i) => i.id)).size).toBe(5);
    // No scheduled snapshot yet: the next sweep (due now) takes one.
    expect(value.nextSnapshot).toBe(NOW);
    // Derived ids are stable between reads.
    expect(ok(getBackupSchedule(paymentsState(), GROUP, 'orders', ctx)).value.schedule).toEqual(value.schedule);
  });

  it('decision: a cluster without Cloud Backup has no schedule (404 BACKUP_CONFIG_NOT_FOUND)', () => {
    const result = getBackupSchedule(paymentsState(), GROUP, 'nobackup', ctx);
    expect(result.ok || result.error).toMatchObject({ errorCode: 'BACKUP_CONFIG_NOT_FOUND', httpStatus: 404 });
  });
});

describe('updateBackupSchedule', () => {
  it('S0:95 refuses an hourly interval Atlas does not offer (5) with 400 INVALID_ATTRIBUTE at the item', () => {
    const body = { policies: [{ policyItems: [{ frequencyType: 'hourly', frequencyInterval: 5, retentionUnit: 'days', retentionValue: 7 }] }] };
    const result = updateBackupSchedule(paymentsState(), GROUP, 'orders', body, ctx);
    expect(result.ok || result.error).toMatchObject({
      ruleId: 'backup/schedule-valid',
      errorCode: 'INVALID_ATTRIBUTE',
      httpStatus: 400,
      path: ['policies', 0, 'policyItems', 0, 'frequencyInterval'],
    });
  });

  it('spec refuses a reference hour out of range, and a body without policies (schema)', () => {
    const hour = updateBackupSchedule(paymentsState(), GROUP, 'orders', { ...HOURLY_12, referenceHourOfDay: 24 }, ctx);
    expect(hour.ok || hour.error).toMatchObject({ errorCode: 'INVALID_ATTRIBUTE', parameters: ['referenceHourOfDay'] });
    const none = updateBackupSchedule(paymentsState(), GROUP, 'orders', { referenceHourOfDay: 2 }, ctx);
    expect(none.ok || none.error).toMatchObject({ errorCode: 'MISSING_ATTRIBUTE', httpStatus: 400 });
  });

  it('replaces the policy items, keeps what the body leaves out, keeps the policy id and gives new items ids', () => {
    const state = paymentsState();
    const before = ok(getBackupSchedule(state, GROUP, 'orders', ctx)).value.schedule;
    const { state: next, value } = ok(updateBackupSchedule(state, GROUP, 'orders', HOURLY_12, ctx));
    expect(value.schedule).toMatchObject({ clusterName: 'orders', referenceHourOfDay: 3, referenceMinuteOfHour: 0, restoreWindowDays: 7 });
    expect(value.schedule.policies).toHaveLength(1);
    expect(value.schedule.policies[0]!.id).toBe(before.policies[0]!.id);
    const [item] = value.schedule.policies[0]!.policyItems;
    expect(item).toMatchObject({ frequencyType: 'hourly', frequencyInterval: 12, retentionUnit: 'days', retentionValue: 2 });
    expect(item!.id).toMatch(/^[a-f0-9]{24}$/);
    expect(ok(getBackupSchedule(next, GROUP, 'orders', ctx)).value.schedule).toEqual(value.schedule);
    // Sending the stored body back keeps its ids.
    const again = ok(updateBackupSchedule(next, GROUP, 'orders', { policies: value.schedule.policies }, ctx));
    expect(again.value.schedule.policies[0]!.policyItems[0]!.id).toBe(item!.id);
  });
});

describe('deleteBackupSchedule', () => {
  it('spec "removes all cloud backup schedules": the policy loses its items, the reference time stays', () => {
    const updated = ok(updateBackupSchedule(withSweep(paymentsState()), GROUP, 'orders', HOURLY_12, ctx));
    const { state, value } = ok(deleteBackupSchedule(updated.state, GROUP, 'orders', ctx));
    expect(value.schedule.policies).toEqual([{ id: updated.value.schedule.policies[0]!.id, policyItems: [] }]);
    expect(value.schedule.referenceHourOfDay).toBe(3);
    expect(value.nextSnapshot).toBeUndefined();
    expect(ok(getBackupSchedule(state, GROUP, 'orders', ctx)).value.schedule).toEqual(value.schedule);
  });
});
