import { basePath, fieldPath, type BackupSchedule, type PolicyItem } from '@mock-atlas/model';
import { defineRule, type Violation } from '../define-rule';

const REQUIRED_ITEM_FIELDS = ['frequencyType', 'frequencyInterval', 'retentionUnit', 'retentionValue'] as const;

/** Hours between hourly snapshots that Atlas offers; 6 is the CMK base schedule of S0:95. */
const HOURLY_INTERVALS: readonly number[] = [1, 2, 4, 6, 8, 12];

const RANGES = [
  { field: 'referenceHourOfDay', min: 0, max: 23 },
  { field: 'referenceMinuteOfHour', min: 0, max: 59 },
  { field: 'restoreWindowDays', min: 1, max: Number.POSITIVE_INFINITY },
] as const;

function itemViolations(schedule: BackupSchedule, item: PolicyItem, at: readonly (string | number)[]): Violation[] {
  const found: Violation[] = [];
  for (const field of REQUIRED_ITEM_FIELDS) {
    if (item[field] !== undefined) continue;
    found.push({
      path: [...at, field],
      message: `A policy item of the backup schedule of cluster ${schedule.clusterName} lacks ${field}; every item needs frequencyType, frequencyInterval, retentionUnit and retentionValue.`,
      parameters: [field],
      errorCode: 'MISSING_ATTRIBUTE',
    });
  }
  if (item.frequencyType === 'hourly' && item.frequencyInterval !== undefined && !HOURLY_INTERVALS.includes(item.frequencyInterval)) {
    found.push({
      path: [...at, 'frequencyInterval'],
      message: `The hourly policy item of the backup schedule of cluster ${schedule.clusterName} has frequencyInterval ${item.frequencyInterval}; hourly snapshots run every 1, 2, 4, 6, 8 or 12 hours.`,
      parameters: ['frequencyInterval'],
    });
  }
  return found;
}

/**
 * The spec requires all four fields of each policy item and bounds the reference time
 * and restore window; D lists the matching codes. Hourly intervals are the ones Atlas
 * offers; S0:95 allows the 6-hour base schedule with customer keys, so it must pass.
 */
export default defineRule({
  id: 'backup/schedule-valid',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'INVALID_ATTRIBUTE',
  httpStatus: 400,
  description:
    'Backup policy items need frequencyType, frequencyInterval, retentionUnit and retentionValue; hourly frequencyInterval is 1, 2, 4, 6, 8 or 12; referenceHourOfDay is 0-23, referenceMinuteOfHour 0-59 and restoreWindowDays positive.',
  sources: ['S0:95', 'spec', 'D'],
  codeNote:
    'D also lists INVALID_REFERENCE_HOUR_OF_DAY, INVALID_REFERENCE_MINUTE_OF_HOUR and INVALID_RESTORE_WINDOW; this project answers INVALID_ATTRIBUTE naming the attribute (MISSING_ATTRIBUTE for a missing policy item field), so that one code covers every schedule field.',
  appliesTo: ['updateBackupSchedule'],
  check({ op }) {
    const schedule = op.schedule;
    const found: Violation[] = [];
    schedule.policies.forEach((policy, i) => {
      policy.policyItems.forEach((item, j) => {
        found.push(...itemViolations(schedule, item, [...basePath(schedule), 'policies', i, 'policyItems', j]));
      });
    });
    for (const { field, min, max } of RANGES) {
      const value = schedule[field];
      if (value === undefined || (Number.isInteger(value) && value >= min && value <= max)) continue;
      const allowed = max === Number.POSITIVE_INFINITY ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
      found.push({
        path: fieldPath(schedule, field),
        message: `The backup schedule of cluster ${schedule.clusterName} has ${field} ${value}; it must be ${allowed}.`,
        parameters: [field],
      });
    }
    return found;
  },
});
