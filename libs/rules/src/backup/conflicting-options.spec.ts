import rule from './conflicting-options';
import { aCluster, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const v1Fields = { legacyBackupEnabled: ['backupEnabled'], cloudBackupEnabled: ['providerBackupEnabled'] };

testRule(rule, {
  valid: [
    {
      name: 'D Cloud Backup alone',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ cloudBackupEnabled: true }) }),
    },
    {
      name: 'D Legacy Backups alone',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ legacyBackupEnabled: true, cloudBackupEnabled: false }) }),
    },
    {
      name: 'D an update that names neither backup flag is not refused',
      ctx: contextFor({
        kind: 'updateCluster',
        before: aCluster({ legacyBackupEnabled: true, cloudBackupEnabled: true }),
        cluster: aCluster({ legacyBackupEnabled: true, cloudBackupEnabled: true, diskSizeGB: 80 }),
        changed: ['diskSizeGB'],
      }),
    },
  ],
  invalid: [
    {
      name: 'D v1.0 create with backupEnabled and providerBackupEnabled both true',
      ctx: contextFor({
        kind: 'createCluster',
        cluster: aCluster({ legacyBackupEnabled: true, cloudBackupEnabled: true, src: { base: [], fields: v1Fields } }),
      }),
      errors: [{ ruleId: 'backup/conflicting-options', path: ['backupEnabled'], parameters: ['orders'] }],
    },
    {
      name: 'D turning Cloud Backup on for a legacy-backup cluster in a config file',
      ctx: contextFor({
        kind: 'updateCluster',
        before: aCluster({ legacyBackupEnabled: true, cloudBackupEnabled: false }),
        cluster: aCluster({ legacyBackupEnabled: true, cloudBackupEnabled: true, src: { base: ['clusters', 1], fields: v1Fields } }),
        changed: ['cloudBackupEnabled'],
      }),
      errors: [{ ruleId: 'backup/conflicting-options', path: ['clusters', 1, 'backupEnabled'], message: /Legacy Backups and Cloud Backup/ }],
    },
  ],
});
