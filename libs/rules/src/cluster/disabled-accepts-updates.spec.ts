import rule from './disabled-accepts-updates';
import { aCluster, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const disabled = { reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', since: '2026-11-20T00:15:00Z' } as const;

testRule(rule, {
  valid: [
    {
      name: 'S0:65 a snapshot of a running CMK cluster is taken',
      ctx: contextFor({ kind: 'takeSnapshot', cluster: aCluster({ encryptionAtRestProvider: 'AWS' }) }),
    },
    {
      name: 'S0:65 updates of a disabled cluster are not this check (held as pending by the domain)',
      ctx: contextFor({
        kind: 'updateCluster',
        before: aCluster({ encryptionAtRestProvider: 'AWS', disabled }),
        cluster: aCluster({ encryptionAtRestProvider: 'AWS', disabled, instanceSize: 'M40' }),
        changed: ['instanceSize'],
      }),
    },
  ],
  invalid: [
    {
      name: 'S0:63-65 a snapshot of a cluster disabled by an invalid AWS key is refused',
      ctx: contextFor({ kind: 'takeSnapshot', cluster: aCluster({ encryptionAtRestProvider: 'AWS', disabled }) }),
      errors: [{ ruleId: 'cluster/disabled-accepts-updates', path: [], message: /orders is disabled/, parameters: ['orders'] }],
    },
    {
      name: 'S0:65 a snapshot of a disabled cluster declared in a config file points at the cluster',
      ctx: contextFor({ kind: 'takeSnapshot', cluster: aCluster({ encryptionAtRestProvider: 'GCP', disabled, src: { base: ['clusters', 2] } }) }),
      errors: [{ ruleId: 'cluster/disabled-accepts-updates', path: ['clusters', 2] }],
    },
  ],
});
