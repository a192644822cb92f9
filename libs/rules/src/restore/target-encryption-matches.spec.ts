import { describe, expect, it } from 'vitest';
import rule from './target-encryption-matches';
import { aCluster, aRestoreJob, aSnapshot, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const gcpTarget = aCluster({ name: 'orders-copy', encryptionAtRestProvider: 'GCP', src: { base: ['clusters', 1] } });

testRule(rule, {
  valid: [
    {
      name: 'D an AWS-encrypted snapshot into a cluster that uses AWS',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob(),
        snapshot: aSnapshot(),
        target: aCluster({ name: 'orders-copy', encryptionAtRestProvider: 'AWS' }),
      }),
    },
    {
      name: 'D a snapshot without customer keys into any cluster',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot({ encryptionKey: undefined }), target: gcpTarget }),
    },
    {
      name: 'D an unknown target is restore/target-available’s case',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot() }),
    },
  ],
  invalid: [
    {
      name: 'D an AWS-encrypted snapshot into a cluster without customer keys',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob(),
        snapshot: aSnapshot(),
        target: aCluster({ name: 'orders-copy' }),
      }),
      errors: [{ ruleId: 'restore/target-encryption-matches', path: ['targetClusterName'], message: /uses encryptionAtRestProvider NONE/ }],
    },
    {
      name: 'D an AWS-encrypted snapshot into a GCP cluster, both declared in a config file',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob({ src: { base: ['restoreJobs', 0] } }),
        snapshot: aSnapshot(),
        target: gcpTarget,
      }),
      errors: [
        {
          ruleId: 'restore/target-encryption-matches',
          path: ['restoreJobs', 0, 'targetClusterName'],
          parameters: ['6a793f6b2c88faeba59bae37', 'orders-copy'],
        },
      ],
    },
  ],
});

describe('restore/target-encryption-matches related location', () => {
  it('D points at the target cluster’s provider', () => {
    const [finding] = rule.run(contextFor({ kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot(), target: gcpTarget }));
    expect(finding?.related?.map((r) => r.path)).toEqual([['clusters', 1, 'encryptionAtRestProvider']]);
  });
});
