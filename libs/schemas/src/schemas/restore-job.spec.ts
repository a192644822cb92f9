import { describe, expect, it } from 'vitest';
import { validate } from '../validate';

const check = (body: unknown) => validate('restore-job.request', body);
const SNAPSHOT = '6a793f6b2c88faeba59bae37';
const GROUP = '5e2211c17a3e5a48f5497de3';

describe('restore-job.request: valid bodies', () => {
  it.each([
    ['README §9 an automated restore into another cluster', { deliveryType: 'automated', snapshotId: SNAPSHOT, targetClusterName: 'orders-copy', targetGroupId: GROUP }],
    ['README §9 a download restore', { deliveryType: 'download', snapshotId: SNAPSHOT }],
    ['spec a point-in-time restore by seconds', { deliveryType: 'pointInTime', pointInTimeUTCSeconds: 1772344800, targetClusterName: 'orders', targetGroupId: GROUP }],
    ['spec a point-in-time restore by oplog position', { deliveryType: 'pointInTime', oplogTs: 1772344800, oplogInc: 1, targetClusterName: 'orders', targetGroupId: GROUP }],
    ['spec no conditional requireds: an automated job without a target is restore/required-fields\' to report', { deliveryType: 'automated' }],
    [
      'README §9 a job echoed back with its read-only attributes',
      { deliveryType: 'download', snapshotId: SNAPSHOT, id: '6a793f6b2c88faeba59bae40', cancelled: false, expired: false, failed: false, deliveryUrl: [], links: [] },
    ],
  ])('%s', (_name, body) => {
    expect(check(body)).toEqual([]);
  });
});

describe('restore-job.request: invalid bodies', () => {
  it('spec deliveryType is required', () => {
    expect(check({ snapshotId: SNAPSHOT })).toMatchObject([{ ruleId: 'schema/required', path: ['deliveryType'], parameters: ['deliveryType'] }]);
  });

  it('spec deliveryType is automated, download or pointInTime', () => {
    expect(check({ deliveryType: 'automatic' })).toMatchObject([
      { ruleId: 'schema/enum', path: ['deliveryType'], parameters: ['automatic', 'deliveryType'], message: expect.stringContaining('Did you mean "automated"?') },
    ]);
  });

  it('spec ids are 24 hexadecimal digits and the target a cluster name', () => {
    expect(check({ deliveryType: 'automated', snapshotId: 'latest', targetGroupId: GROUP.toUpperCase(), targetClusterName: 'orders copy' })).toMatchObject([
      { ruleId: 'schema/pattern', path: ['snapshotId'] },
      { ruleId: 'schema/pattern', path: ['targetClusterName'] },
      { ruleId: 'schema/pattern', path: ['targetGroupId'] },
    ]);
  });

  it('spec times start on 2008-01-01 (1199145600) and oplogInc at 1', () => {
    expect(check({ deliveryType: 'pointInTime', pointInTimeUTCSeconds: 1000, oplogTs: 1199145599, oplogInc: 0 })).toMatchObject([
      { ruleId: 'schema/range', path: ['pointInTimeUTCSeconds'], message: 'Attribute pointInTimeUTCSeconds must be at least 1199145600, not 1000.' },
      { ruleId: 'schema/range', path: ['oplogTs'] },
      { ruleId: 'schema/range', path: ['oplogInc'] },
    ]);
  });
});
