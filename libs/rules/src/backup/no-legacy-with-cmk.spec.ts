import rule from './no-legacy-with-cmk';
import { aCluster, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const v1Src = { base: [], fields: { legacyBackupEnabled: ['backupEnabled'], cloudBackupEnabled: ['providerBackupEnabled'] } };

testRule(rule, {
  valid: [
    {
      name: 'S0:95 a CMK cluster with Cloud Backup is allowed',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ encryptionAtRestProvider: 'AWS', cloudBackupEnabled: true }) }),
    },
    {
      name: 'S0:95 legacy backup without customer keys is not this rule’s business',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ legacyBackupEnabled: true, cloudBackupEnabled: false }) }),
    },
  ],
  invalid: [
    {
      name: 'S0:95 create with backupEnabled (legacy) and encryptionAtRestProvider AWS',
      ctx: contextFor({
        kind: 'createCluster',
        cluster: aCluster({ legacyBackupEnabled: true, cloudBackupEnabled: false, encryptionAtRestProvider: 'AWS', src: v1Src }),
      }),
      errors: [{ ruleId: 'backup/no-legacy-with-cmk', path: ['backupEnabled'], parameters: ['orders'] }],
    },
    {
      name: 'S0:95 turning CMK on for a cluster that runs legacy backup blames the provider change',
      ctx: contextFor({
        kind: 'updateCluster',
        before: aCluster({ legacyBackupEnabled: true, cloudBackupEnabled: false }),
        cluster: aCluster({ legacyBackupEnabled: true, cloudBackupEnabled: false, encryptionAtRestProvider: 'AZURE' }),
        changed: ['encryptionAtRestProvider'],
      }),
      errors: [{ ruleId: 'backup/no-legacy-with-cmk', path: ['encryptionAtRestProvider'] }],
    },
    {
      name: 'S0:95 turning legacy backup on for a CMK cluster blames backupEnabled',
      ctx: contextFor({
        kind: 'updateCluster',
        before: aCluster({ encryptionAtRestProvider: 'GCP', cloudBackupEnabled: false }),
        cluster: aCluster({ encryptionAtRestProvider: 'GCP', legacyBackupEnabled: true, cloudBackupEnabled: false, src: { base: ['clusters', 2], fields: v1Src.fields } }),
        changed: ['legacyBackupEnabled'],
      }),
      errors: [{ ruleId: 'backup/no-legacy-with-cmk', path: ['clusters', 2, 'backupEnabled'] }],
    },
  ],
});
