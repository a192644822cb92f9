import rule from './ear-requires-project-owner';
import { aCluster, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const readOnly = { roles: ['GROUP_READ_ONLY'] };
const clusterManager = { roles: ['GROUP_CLUSTER_MANAGER', 'GROUP_DATA_ACCESS_ADMIN'] };

testRule(rule, {
  valid: [
    {
      name: 'S0:37 a Project Owner turns CMK on',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'AWS' }) }, { caller: { roles: ['GROUP_OWNER'] } }),
    },
    {
      name: 'S0:37 an Organization Owner turns CMK on',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'GCP' }) }, { caller: { roles: ['ORG_OWNER'] } }),
    },
    {
      name: 'S0:37 the linter has no caller and stays silent',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'AWS' }) }),
    },
    {
      name: 'S0:37 a cluster manager creates a cluster without customer keys',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster() }, { caller: clusterManager }),
    },
    {
      name: 'S0:37 a cluster manager resizes a CMK cluster',
      ctx: contextFor(
        {
          kind: 'updateCluster',
          before: aCluster({ encryptionAtRestProvider: 'AWS' }),
          cluster: aCluster({ encryptionAtRestProvider: 'AWS', instanceSize: 'M40' }),
          changed: ['instanceSize'],
        },
        { caller: clusterManager },
      ),
    },
  ],
  invalid: [
    {
      name: 'S0:37 a cluster manager creates a cluster with encryptionAtRestProvider AWS',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'AWS' }) }, { caller: clusterManager }),
      errors: [{ ruleId: 'cluster/ear-requires-project-owner', path: ['encryptionAtRestProvider'], message: /Current user is not authorized to perform this action/ }],
    },
    {
      name: 'S0:37 a read-only caller turns CMK off',
      ctx: contextFor(
        {
          kind: 'updateCluster',
          before: aCluster({ encryptionAtRestProvider: 'AZURE' }),
          cluster: aCluster({ encryptionAtRestProvider: 'NONE' }),
          changed: ['encryptionAtRestProvider'],
        },
        { caller: readOnly },
      ),
      errors: [{ ruleId: 'cluster/ear-requires-project-owner', path: ['encryptionAtRestProvider'], message: /Project Owner/ }],
    },
  ],
});
