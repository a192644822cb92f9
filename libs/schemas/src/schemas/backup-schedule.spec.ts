import { describe, expect, it } from 'vitest';
import { defaultSchedulePatch } from '../__tests__/bodies';
import { validate } from '../validate';

const check = (body: unknown) => validate('backup-schedule.request', body);
const ITEM = ['policies', 0, 'policyItems', 0] as const;
const withItem = (item: Record<string, unknown>) => ({ policies: [{ policyItems: [item] }] });

describe('backup-schedule.request: valid bodies', () => {
  it.each([
    ['README §4 the default schedule of a fresh M10 (S0:95: hourly every 6 hours)', defaultSchedulePatch()],
    ['spec an on-demand policy item', withItem({ frequencyType: 'ondemand', frequencyInterval: 1, retentionUnit: 'days', retentionValue: 3 })],
    ['spec items lacking fields are backup/schedule-valid\'s to report', withItem({ frequencyType: 'daily' })],
    ['spec reference time out of range is backup/schedule-valid\'s to report', { ...defaultSchedulePatch(), referenceHourOfDay: 25, referenceMinuteOfHour: 75, restoreWindowDays: 0 }],
    [
      'spec export and copy settings of both media types',
      {
        ...defaultSchedulePatch(),
        autoExportEnabled: true,
        export: { exportBucketId: '6a793f6b2c88faeba59bae41', frequencyType: 'monthly' },
        updateSnapshots: true,
        copySettings: [
          { cloudProvider: 'AWS', regionName: 'US_WEST_2', replicationSpecId: '6a793f6b2c88faeba59bae42', shouldCopyOplogs: false, copyPolicyItems: [{ frequencyType: 'daily', retentionUnit: 'days', retentionValue: 7 }] },
          { cloudProvider: 'AWS', regionName: 'EU_WEST_1', zoneId: '6a793f6b2c88faeba59bae43', frequencies: ['DAILY'] },
        ],
      },
    ],
  ])('%s', (_name, body) => {
    expect(check(body)).toEqual([]);
  });
});

describe('backup-schedule.request: invalid bodies', () => {
  it('spec policies is required on PATCH', () => {
    expect(check({ referenceHourOfDay: 3 })).toMatchObject([{ ruleId: 'schema/required', path: ['policies'] }]);
  });

  it('spec the reference hour is a whole number', () => {
    expect(check({ ...defaultSchedulePatch(), referenceHourOfDay: '03' })).toMatchObject([{ ruleId: 'schema/type', path: ['referenceHourOfDay'] }]);
  });

  it('README §3 policy items use lower-case units and include ondemand', () => {
    expect(check(withItem({ frequencyType: 'minutely', retentionUnit: 'DAYS' }))).toMatchObject([
      { ruleId: 'schema/enum', path: [...ITEM, 'frequencyType'], parameters: ['minutely', 'frequencyType'] },
      { ruleId: 'schema/enum', path: [...ITEM, 'retentionUnit'], message: expect.stringContaining('Did you mean "days"?') },
    ]);
  });

  it('spec frequencyInterval is 1 to 28 or 40', () => {
    expect(check(withItem({ frequencyType: 'monthly', frequencyInterval: 31 }))).toMatchObject([
      { ruleId: 'schema/enum', path: [...ITEM, 'frequencyInterval'], parameters: [31, 'frequencyInterval'] },
    ]);
  });

  it('spec Atlas keeps one policy', () => {
    const policy = { policyItems: [] };
    expect(check({ policies: [policy, policy] })).toMatchObject([
      { ruleId: 'schema/range', path: ['policies'], message: 'Attribute policies must have at most 1 item, not 2.' },
    ]);
  });

  it('spec a policy needs its items', () => {
    expect(check({ policies: [{ id: '6a793f6b2c88faeba59bae44' }] })).toMatchObject([{ ruleId: 'schema/required', path: ['policies', 0, 'policyItems'] }]);
  });

  it('spec an unknown attribute of a policy item', () => {
    expect(check(withItem({ frequencyType: 'daily', retention: 7 }))).toMatchObject([{ ruleId: 'schema/unknown-field', path: [...ITEM, 'retention'] }]);
  });
});
