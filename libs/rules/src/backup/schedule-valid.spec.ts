import { defaultBackupSchedule, type BackupSchedule, type PolicyItem } from '@mock-atlas/model';
import rule from './schedule-valid';
import { contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

function scheduleWith(items: PolicyItem[], overrides: Partial<BackupSchedule> = {}): BackupSchedule {
  return { ...defaultBackupSchedule('orders'), policies: [{ policyItems: items }], ...overrides };
}

const hourly6: PolicyItem = { frequencyType: 'hourly', frequencyInterval: 6, retentionUnit: 'days', retentionValue: 7 };
const daily: PolicyItem = { frequencyType: 'daily', frequencyInterval: 1, retentionUnit: 'days', retentionValue: 7 };
const op = (schedule: BackupSchedule) => ({ kind: 'updateBackupSchedule' as const, schedule });

testRule(rule, {
  valid: [
    {
      name: 'S0:95 the 6-hour base schedule Atlas creates is valid',
      ctx: contextFor(op(defaultBackupSchedule('orders'))),
    },
    {
      name: 'spec every hourly interval Atlas offers, boundary reference times, no restore window',
      ctx: contextFor(
        op(
          scheduleWith(
            [1, 2, 4, 6, 8, 12].map((frequencyInterval) => ({ ...hourly6, frequencyInterval })),
            { referenceHourOfDay: 23, referenceMinuteOfHour: 59, restoreWindowDays: undefined },
          ),
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'spec a policy item without retentionUnit and retentionValue: one finding per missing field',
      ctx: contextFor(op(scheduleWith([hourly6, { frequencyType: 'daily', frequencyInterval: 1 }]))),
      errors: [
        {
          ruleId: 'backup/schedule-valid',
          path: ['policies', 0, 'policyItems', 1, 'retentionUnit'],
          errorCode: 'MISSING_ATTRIBUTE',
          parameters: ['retentionUnit'],
        },
        {
          ruleId: 'backup/schedule-valid',
          path: ['policies', 0, 'policyItems', 1, 'retentionValue'],
          errorCode: 'MISSING_ATTRIBUTE',
          parameters: ['retentionValue'],
        },
      ],
    },
    {
      name: 'D an hourly item every 5 hours in a config file',
      ctx: contextFor(op(scheduleWith([daily, { ...hourly6, frequencyInterval: 5 }], { src: { base: ['backupSchedules', 0] } }))),
      errors: [
        {
          ruleId: 'backup/schedule-valid',
          path: ['backupSchedules', 0, 'policies', 0, 'policyItems', 1, 'frequencyInterval'],
          message: /every 1, 2, 4, 6, 8 or 12 hours/,
          parameters: ['frequencyInterval'],
        },
      ],
    },
    {
      name: 'D referenceHourOfDay 24, referenceMinuteOfHour -1 and restoreWindowDays 0',
      ctx: contextFor(op(scheduleWith([hourly6], { referenceHourOfDay: 24, referenceMinuteOfHour: -1, restoreWindowDays: 0 }))),
      errors: [
        { ruleId: 'backup/schedule-valid', path: ['referenceHourOfDay'], message: /from 0 to 23/, parameters: ['referenceHourOfDay'] },
        { ruleId: 'backup/schedule-valid', path: ['referenceMinuteOfHour'], message: /from 0 to 59/, parameters: ['referenceMinuteOfHour'] },
        { ruleId: 'backup/schedule-valid', path: ['restoreWindowDays'], message: /at least 1/, parameters: ['restoreWindowDays'] },
      ],
    },
    {
      name: 'spec a fractional reference hour is not a valid hour',
      ctx: contextFor(op(scheduleWith([hourly6], { referenceHourOfDay: 6.5 }))),
      errors: [{ ruleId: 'backup/schedule-valid', path: ['referenceHourOfDay'] }],
    },
  ],
});
