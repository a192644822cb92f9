import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreJobFromRequest, restoreJobToRepresentation } from './restore-job';
import { restoreJob, withoutSrc } from './testing/arbitraries';

const GROUP = '6a793f6b2c88faeba59bae37';
const BASE = 'http://localhost:8080/api/atlas/v2';

describe('restore job round trip (DiskBackupSnapshotRestoreJob)', () => {
  it('from(to(job)) equals job, but for createdAt, which the representation does not carry (spec, README §9)', () => {
    fc.assert(
      fc.property(restoreJob, (job) => {
        const body = restoreJobToRepresentation(job, { groupId: GROUP });
        expect(body).not.toHaveProperty('createdAt');
        const { createdAt: _createdAt, ...held } = job;
        expect(withoutSrc(restoreJobFromRequest(body, job.clusterName))).toEqual(held);
      }),
      { numRuns: 200 },
    );
  });
});

describe('restoreJobToRepresentation', () => {
  it('README §9 recorded POST download job is reproduced exactly', () => {
    const job = { id: '6a7948342c88faeba59eb866', clusterName: 'backupRestores-305', snapshotId: '6a79468a2c88faeba59de489', deliveryType: 'download' };
    const body = restoreJobToRepresentation(job, { groupId: GROUP, baseUrl: BASE, timestamp: '2026-08-10T03:35:05Z' });
    const cluster = `${BASE}/groups/${GROUP}/clusters/backupRestores-305`;
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({
        cancelled: false,
        deliveryType: 'download',
        deliveryUrl: [],
        desiredTimestamp: { increment: null, time: null, date: null },
        expired: false,
        failed: false,
        id: '6a7948342c88faeba59eb866',
        links: [
          { href: `${cluster}/backup/restoreJobs/6a7948342c88faeba59eb866`, rel: 'self' },
          { href: `${cluster}/backup/snapshots/6a79468a2c88faeba59de489`, rel: 'https://cloud.mongodb.com/snapshot' },
          { href: cluster, rel: 'https://cloud.mongodb.com/cluster' },
          { href: `${BASE}/groups/${GROUP}`, rel: 'https://cloud.mongodb.com/group' },
        ],
        snapshotId: '6a79468a2c88faeba59de489',
        timestamp: '2026-08-10T03:35:05Z',
      }),
    );
  });

  it('README §9 an automated job echoes its target; a download job leaves target fields out', () => {
    const job = { clusterName: 'orders', snapshotId: GROUP, targetClusterName: 'orders-copy', targetGroupId: GROUP };
    const automated = restoreJobToRepresentation({ ...job, deliveryType: 'automated' }, { groupId: GROUP });
    expect(automated).toMatchObject({ targetClusterName: 'orders-copy', targetGroupId: GROUP });
    const download = restoreJobToRepresentation({ ...job, deliveryType: 'download' }, { groupId: GROUP });
    expect(download).not.toHaveProperty('targetClusterName');
    expect(download).not.toHaveProperty('targetGroupId');
  });
});

describe('restoreJobFromRequest', () => {
  it('spec: only the fields a request sets are read, so a missing deliveryType stays missing', () => {
    const job = restoreJobFromRequest({ snapshotId: GROUP, targetClusterName: 'orders-copy', pointInTimeUTCSeconds: 'soon' }, 'orders', ['restoreJobs', 0]);
    expect(withoutSrc(job)).toEqual({ clusterName: 'orders', snapshotId: GROUP, targetClusterName: 'orders-copy' });
    expect(job.src).toEqual({ base: ['restoreJobs', 0] });
  });
});
