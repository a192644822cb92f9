import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBackupSchedule } from '@mock-atlas/model';
import { backupScheduleFromRepresentation, backupScheduleToRepresentation } from './backup-schedule';
import { backupSchedule, withoutSrc } from './testing/arbitraries';

const GROUP = '6a793f4dc0eb9e7a17713383';
const CLUSTER_ID = '6a793f5ac0eb9e7a17714407';

/** The recorded 2023-01-01 GET schedule of a fresh M10 (README §4), without its links. */
const RECORDED = {
  autoExportEnabled: false,
  clusterId: CLUSTER_ID,
  clusterName: 'backupSchedule-600',
  copyPolicyItemsEnabled: false,
  copySettings: [],
  nextSnapshot: '2026-08-10T09:16:07Z',
  policies: [
    {
      id: '6a7942765a068714fc067fe0',
      policyItems: [
        { frequencyInterval: 6, frequencyType: 'hourly', id: '6a7942765a068714fc067fe1', retentionUnit: 'days', retentionValue: 7 },
        { frequencyInterval: 1, frequencyType: 'daily', id: '6a7942765a068714fc067fe2', retentionUnit: 'days', retentionValue: 7 },
        { frequencyInterval: 6, frequencyType: 'weekly', id: '6a7942765a068714fc067fe3', retentionUnit: 'weeks', retentionValue: 4 },
        { frequencyInterval: 40, frequencyType: 'monthly', id: '6a7942765a068714fc067fe4', retentionUnit: 'months', retentionValue: 12 },
        { frequencyInterval: 12, frequencyType: 'yearly', id: '6a7942765a068714fc067fe5', retentionUnit: 'years', retentionValue: 1 },
      ],
    },
  ],
  referenceHourOfDay: 3,
  referenceMinuteOfHour: 16,
  restoreWindowDays: 7,
  useOrgAndGroupNamesInExportPrefix: false,
};

describe('backup schedule round trip (2023-01-01 DiskBackupSnapshotSchedule)', () => {
  it('from(to(s)) equals s', () => {
    fc.assert(
      fc.property(backupSchedule, (s) => {
        const body = backupScheduleToRepresentation(s, { clusterId: CLUSTER_ID });
        expect(withoutSrc(backupScheduleFromRepresentation(body, s.clusterName))).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });
});

describe('backupScheduleToRepresentation', () => {
  it('README §4 the recorded GET of a fresh M10 is reproduced from its model', () => {
    const s = backupScheduleFromRepresentation(RECORDED, 'backupSchedule-600');
    const body = backupScheduleToRepresentation(s, { clusterId: CLUSTER_ID, nextSnapshot: '2026-08-10T09:16:07Z' });
    expect(JSON.stringify(body)).toBe(JSON.stringify(RECORDED));
  });

  it('with a groupId the body links itself and its project', () => {
    const body = backupScheduleToRepresentation(defaultBackupSchedule('orders'), { clusterId: CLUSTER_ID, groupId: GROUP, baseUrl: 'http://localhost:8080/api/atlas/v2' });
    expect(body['links']).toEqual([
      { href: `http://localhost:8080/api/atlas/v2/groups/${GROUP}/clusters/orders/backup/schedule`, rel: 'self' },
      { href: `http://localhost:8080/api/atlas/v2/groups/${GROUP}`, rel: 'https://cloud.mongodb.com/group' },
    ]);
  });
});

describe('backupScheduleFromRepresentation', () => {
  it('README §10 a policy item keeps only the fields it holds, for backup/schedule-valid to report', () => {
    const s = backupScheduleFromRepresentation({ policies: [{ policyItems: [{ frequencyType: 'hourly', frequencyInterval: 6 }, 'x'] }] }, 'orders', ['backupSchedules', 0]);
    expect(withoutSrc(s)).toEqual({ clusterName: 'orders', policies: [{ policyItems: [{ frequencyType: 'hourly', frequencyInterval: 6 }] }] });
    expect(backupScheduleFromRepresentation({}, 'orders').policies).toEqual([]);
  });
});
