import rule from './ear-provider-enabled';
import { aCluster, aProject, contextFor, enabledProvider } from '../testing/builders';
import { testRule } from '../testing/rule-tester';
import { emptyEncryptionAtRest } from '@mock-atlas/model';

const azureOnly = aProject({
  encryptionAtRest: { providers: { ...emptyEncryptionAtRest().providers, AZURE: enabledProvider('AZURE') }, src: { base: ['encryptionAtRest'] } },
});

testRule(rule, {
  valid: [
    {
      name: 'S0:15 an AWS cluster may use Azure Key Vault keys when AZURE is enabled',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'AZURE' }) }, { project: azureOnly }),
    },
    {
      name: 'D a cluster asking for the enabled AWS provider',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'AWS' }) }),
    },
    {
      name: 'D an update that does not name the provider is not refused',
      ctx: contextFor(
        {
          kind: 'updateCluster',
          before: aCluster({ encryptionAtRestProvider: 'AWS' }),
          cluster: aCluster({ encryptionAtRestProvider: 'AWS', diskSizeGB: 80 }),
          changed: ['diskSizeGB'],
        },
        { project: azureOnly },
      ),
    },
    {
      name: 'D a config file whose AWS KMS configuration was refused: that refusal is the finding',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'AWS' }), providerRefused: true }, { project: azureOnly }),
    },
  ],
  invalid: [
    {
      name: 'D create with encryptionAtRestProvider GCP while only AWS is enabled',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'GCP' }) }),
      errors: [{ ruleId: 'cluster/ear-provider-enabled', path: ['encryptionAtRestProvider'], message: /Google Cloud KMS/, parameters: ['GCP'] }],
    },
    {
      name: 'D without that flag the same create is refused',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'AWS' }) }, { project: azureOnly }),
      errors: [{ ruleId: 'cluster/ear-provider-enabled', path: ['encryptionAtRestProvider'], message: /AWS KMS/ }],
    },
    {
      name: 'S0:15 switching a cluster to AWS while only AZURE is configured',
      ctx: contextFor(
        {
          kind: 'updateCluster',
          before: aCluster({ encryptionAtRestProvider: 'AZURE' }),
          cluster: aCluster({ encryptionAtRestProvider: 'AWS', src: { base: ['clusters', 3] } }),
          changed: ['encryptionAtRestProvider'],
        },
        { project: azureOnly },
      ),
      errors: [{ ruleId: 'cluster/ear-provider-enabled', path: ['clusters', 3, 'encryptionAtRestProvider'], message: /AWS KMS/ }],
    },
  ],
});
