import rule from './ear-dedicated-tier';
import { aCluster, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const v1Fields = { instanceSize: ['providerSettings', 'instanceSizeName'] };

testRule(rule, {
  valid: [
    {
      name: 'S3:34 a CMK cluster on M10 (dedicated) is allowed',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ instanceSize: 'M10', encryptionAtRestProvider: 'AWS' }) }),
    },
    {
      name: 'S3:34 an M5 cluster without customer keys is fine',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ instanceSize: 'M5' }) }),
    },
    {
      name: 'spec an update that names neither size nor provider is not refused',
      ctx: contextFor({
        kind: 'updateCluster',
        before: aCluster({ instanceSize: 'M5', encryptionAtRestProvider: 'AWS' }),
        cluster: aCluster({ instanceSize: 'M5', encryptionAtRestProvider: 'AWS', terminationProtectionEnabled: true }),
        changed: ['terminationProtectionEnabled'],
      }),
    },
  ],
  invalid: [
    {
      name: 'S3:34 create an M0 cluster with encryptionAtRestProvider AWS',
      ctx: contextFor({
        kind: 'createCluster',
        cluster: aCluster({ instanceSize: 'M0', encryptionAtRestProvider: 'AWS', src: { base: [], fields: v1Fields } }),
      }),
      errors: [{ ruleId: 'cluster/ear-dedicated-tier', path: ['encryptionAtRestProvider'], message: /M0/, parameters: ['orders'] }],
    },
    {
      name: 'spec a FLEX cluster cannot use GCP customer keys',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ instanceSize: 'FLEX', encryptionAtRestProvider: 'GCP' }) }),
      errors: [{ ruleId: 'cluster/ear-dedicated-tier', path: ['encryptionAtRestProvider'], message: /dedicated tier/ }],
    },
    {
      name: 'S3:34 scaling a CMK cluster down to M5 blames instanceSize',
      ctx: contextFor({
        kind: 'updateCluster',
        before: aCluster({ instanceSize: 'M30', encryptionAtRestProvider: 'AZURE' }),
        cluster: aCluster({ instanceSize: 'M5', encryptionAtRestProvider: 'AZURE', src: { base: ['clusters', 1], fields: v1Fields } }),
        changed: ['instanceSize'],
      }),
      errors: [{ ruleId: 'cluster/ear-dedicated-tier', path: ['clusters', 1, 'providerSettings', 'instanceSizeName'] }],
    },
    {
      name: 'spec turning CMK on for a serverless cluster blames the provider',
      ctx: contextFor({
        kind: 'updateCluster',
        before: aCluster({ instanceSize: 'SERVERLESS' }),
        cluster: aCluster({ instanceSize: 'SERVERLESS', encryptionAtRestProvider: 'AWS' }),
        changed: ['encryptionAtRestProvider'],
      }),
      errors: [{ ruleId: 'cluster/ear-dedicated-tier', path: ['encryptionAtRestProvider'] }],
    },
  ],
});
