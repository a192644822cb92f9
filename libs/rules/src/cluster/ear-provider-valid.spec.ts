import rule from './ear-provider-valid';
import { aCluster, aProject, contextFor, enabledProvider } from '../testing/builders';
import { testRule } from '../testing/rule-tester';
import { emptyEncryptionAtRest } from '@mock-atlas/model';

const invalidAws = aProject({
  encryptionAtRest: { providers: { ...emptyEncryptionAtRest().providers, AWS: { ...enabledProvider('AWS'), valid: false } } },
});

testRule(rule, {
  valid: [
    {
      name: 'S0:21 turning CMK on with valid AWS settings',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'AWS' }) }),
    },
    {
      name: 'S0:21 a cluster that already uses the invalid provider may still be resized',
      ctx: contextFor(
        {
          kind: 'updateCluster',
          before: aCluster({ encryptionAtRestProvider: 'AWS' }),
          cluster: aCluster({ encryptionAtRestProvider: 'AWS', instanceSize: 'M40' }),
          changed: ['instanceSize'],
        },
        { project: invalidAws },
      ),
    },
    {
      name: 'S0:21 resending the same provider is not turning CMK on',
      ctx: contextFor(
        {
          kind: 'updateCluster',
          before: aCluster({ encryptionAtRestProvider: 'AWS' }),
          cluster: aCluster({ encryptionAtRestProvider: 'AWS' }),
          changed: ['encryptionAtRestProvider'],
        },
        { project: invalidAws },
      ),
    },
  ],
  invalid: [
    {
      name: 'S0:21 create with encryptionAtRestProvider AWS while the AWS settings are invalid',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'AWS' }) }, { project: invalidAws }),
      errors: [{ ruleId: 'cluster/ear-provider-valid', path: ['encryptionAtRestProvider'], message: /invalid/, parameters: ['AWS'] }],
    },
    {
      name: 'S0:21 turning CMK on for an existing cluster while the AWS settings are invalid',
      ctx: contextFor(
        {
          kind: 'updateCluster',
          before: aCluster(),
          cluster: aCluster({ encryptionAtRestProvider: 'AWS', src: { base: ['clusters', 0] } }),
          changed: ['encryptionAtRestProvider'],
        },
        { project: invalidAws },
      ),
      errors: [{ ruleId: 'cluster/ear-provider-valid', path: ['clusters', 0, 'encryptionAtRestProvider'] }],
    },
  ],
});
