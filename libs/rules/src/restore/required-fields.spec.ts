import rule from './required-fields';
import { aCluster, aRestoreJob, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const pitSource = aCluster({ pitEnabled: true });
const pitJob = aRestoreJob({ deliveryType: 'pointInTime', snapshotId: undefined, pointInTimeUTCSeconds: 1_764_000_000 });

testRule(rule, {
  valid: [
    {
      name: 'spec an automated restore with target cluster and project',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob(), sourceCluster: aCluster() }),
    },
    {
      name: 'spec a download restore needs only deliveryType and its snapshotId',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob({ deliveryType: 'download', targetClusterName: undefined, targetGroupId: undefined }),
      }),
    },
    {
      name: 'spec a pointInTime restore by oplog timestamp and increment from a pitEnabled source',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob({ deliveryType: 'pointInTime', snapshotId: undefined, oplogTs: 1_764_000_000, oplogInc: 1 }),
        sourceCluster: pitSource,
      }),
    },
  ],
  invalid: [
    {
      name: 'spec deliveryType is required',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob({ deliveryType: undefined, src: { base: ['restoreJobs', 0] } }) }),
      errors: [{ ruleId: 'restore/required-fields', path: ['restoreJobs', 0, 'deliveryType'], parameters: ['deliveryType'] }],
    },
    {
      name: 'spec an automated restore without targetClusterName and targetGroupId',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob({ targetClusterName: undefined, targetGroupId: undefined }) }),
      errors: [
        { ruleId: 'restore/required-fields', path: ['targetClusterName'], parameters: ['targetClusterName'] },
        { ruleId: 'restore/required-fields', path: ['targetGroupId'], parameters: ['targetGroupId'] },
      ],
    },
    {
      name: 'spec D a download restore without snapshotId (the API answers 400 MISSING_ATTRIBUTE snapshotId)',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob({ deliveryType: 'download', snapshotId: undefined, targetClusterName: undefined, targetGroupId: undefined, src: { base: ['restoreJobs', 0] } }),
      }),
      errors: [{ ruleId: 'restore/required-fields', path: ['restoreJobs', 0, 'snapshotId'], errorCode: 'MISSING_ATTRIBUTE', httpStatus: 400, parameters: ['snapshotId'] }],
    },
    {
      name: 'spec D an automated restore without snapshotId, after its missing target',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob({ snapshotId: undefined, targetGroupId: undefined }), sourceCluster: aCluster() }),
      errors: [
        { ruleId: 'restore/required-fields', path: ['targetGroupId'], parameters: ['targetGroupId'] },
        { ruleId: 'restore/required-fields', path: ['snapshotId'], parameters: ['snapshotId'], message: /lacks snapshotId/ },
      ],
    },
    {
      name: 'spec a pointInTime restore with neither pointInTimeUTCSeconds nor oplogTs+oplogInc',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob({ deliveryType: 'pointInTime', snapshotId: undefined }),
        sourceCluster: pitSource,
      }),
      errors: [{ ruleId: 'restore/required-fields', path: ['pointInTimeUTCSeconds'], parameters: ['pointInTimeUTCSeconds'] }],
    },
    {
      name: 'spec a pointInTime restore with oplogTs but no oplogInc',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob({ deliveryType: 'pointInTime', snapshotId: undefined, oplogTs: 1_764_000_000 }),
        sourceCluster: pitSource,
      }),
      errors: [{ ruleId: 'restore/required-fields', path: ['oplogInc'], parameters: ['oplogInc'] }],
    },
    // One row per delivery type for the article of the reason: "an automated", "a download", "a pointInTime".
    {
      name: 'spec the reason an automated restore needs a target reads "an automated restore"',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob({ targetGroupId: undefined }), sourceCluster: aCluster() }),
      errors: [
        {
          ruleId: 'restore/required-fields',
          path: ['targetGroupId'],
          message: 'lacks targetGroupId; an automated restore needs the cluster and project to restore into.',
        },
      ],
    },
    {
      name: 'spec D the reason an automated restore needs a snapshot reads "an automated restore"',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob({ snapshotId: undefined }), sourceCluster: aCluster() }),
      errors: [{ ruleId: 'restore/required-fields', path: ['snapshotId'], message: 'lacks snapshotId; an automated restore restores one snapshot, so name it.' }],
    },
    {
      name: 'spec D the reason a download restore needs a snapshot reads "a download restore"',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob({ deliveryType: 'download', snapshotId: undefined, targetClusterName: undefined, targetGroupId: undefined }),
      }),
      errors: [{ ruleId: 'restore/required-fields', path: ['snapshotId'], message: 'lacks snapshotId; a download restore restores one snapshot, so name it.' }],
    },
    {
      name: 'spec the reason a pointInTime restore needs a target reads "a pointInTime restore"',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob({ deliveryType: 'pointInTime', snapshotId: undefined, pointInTimeUTCSeconds: 1_764_000_000, targetClusterName: undefined }),
        sourceCluster: pitSource,
      }),
      errors: [
        {
          ruleId: 'restore/required-fields',
          path: ['targetClusterName'],
          message: 'lacks targetClusterName; a pointInTime restore needs the cluster and project to restore into.',
        },
      ],
    },
    {
      name: 'spec a pointInTime restore from a source without pitEnabled',
      ctx: contextFor({ kind: 'createRestoreJob', job: pitJob, sourceCluster: aCluster({ pitEnabled: false, src: { base: ['clusters', 0] } }) }),
      errors: [
        {
          ruleId: 'restore/required-fields',
          path: ['deliveryType'],
          errorCode: 'INVALID_ATTRIBUTE',
          httpStatus: 400,
          message: /pitEnabled/,
          parameters: ['deliveryType'],
        },
      ],
    },
  ],
});
