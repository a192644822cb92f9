import type { ReplicationSpec } from '@mock-atlas/model';
import rule from './ear-no-multi-cloud';
import { aCluster, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const awsAndGcp: ReplicationSpec[] = [
  {
    zoneName: 'Zone 1',
    numShards: 1,
    regions: [
      { provider: 'AWS', region: 'US_EAST_1', priority: 7, electableNodes: 2, readOnlyNodes: 0, analyticsNodes: 0 },
      { provider: 'GCP', region: 'CENTRAL_US', priority: 6, electableNodes: 1, readOnlyNodes: 0, analyticsNodes: 0 },
    ],
  },
];

const awsTwoRegions: ReplicationSpec[] = [
  {
    zoneName: 'Zone 1',
    numShards: 1,
    regions: [
      { provider: 'AWS', region: 'US_EAST_1', priority: 7, electableNodes: 2, readOnlyNodes: 0, analyticsNodes: 0 },
      { provider: 'AWS', region: 'US_WEST_2', priority: 6, electableNodes: 1, readOnlyNodes: 0, analyticsNodes: 0 },
    ],
  },
];

const v2Src = { base: [], fields: { replicationSpecs: ['replicationSpecs'] } };

testRule(rule, {
  valid: [
    {
      name: 'S0:3-5 a multi-region cluster on one cloud may use CMK',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ replicationSpecs: awsTwoRegions, encryptionAtRestProvider: 'AWS' }) }),
    },
    {
      name: 'S0:3-5 a multi-cloud cluster without customer keys is fine',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ replicationSpecs: awsAndGcp }) }),
    },
  ],
  invalid: [
    {
      name: 'S0:3-5 create an AWS+GCP cluster with encryptionAtRestProvider AWS',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ replicationSpecs: awsAndGcp, encryptionAtRestProvider: 'AWS', src: v2Src }) }),
      errors: [{ ruleId: 'cluster/ear-no-multi-cloud', path: ['encryptionAtRestProvider'], message: /AWS, GCP/, parameters: ['AWS'] }],
    },
    {
      name: 'S0:3-5 spreading a CMK cluster to a second cloud blames replicationSpecs',
      ctx: contextFor({
        kind: 'updateCluster',
        before: aCluster({ encryptionAtRestProvider: 'AZURE' }),
        cluster: aCluster({ replicationSpecs: awsAndGcp, encryptionAtRestProvider: 'AZURE', src: { base: ['clusters', 0] } }),
        changed: ['replicationSpecs'],
      }),
      errors: [{ ruleId: 'cluster/ear-no-multi-cloud', path: ['clusters', 0, 'replicationSpecs'] }],
    },
    {
      name: 'S0:3-5 turning CMK on for a multi-cloud cluster blames the provider',
      ctx: contextFor({
        kind: 'updateCluster',
        before: aCluster({ replicationSpecs: awsAndGcp }),
        cluster: aCluster({ replicationSpecs: awsAndGcp, encryptionAtRestProvider: 'GCP' }),
        changed: ['encryptionAtRestProvider'],
      }),
      errors: [{ ruleId: 'cluster/ear-no-multi-cloud', path: ['encryptionAtRestProvider'] }],
    },
  ],
});
