import rule from './no-download-with-cmk';
import { aRestoreJob, aSnapshot, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const download = aRestoreJob({ deliveryType: 'download', targetClusterName: undefined, targetGroupId: undefined });

testRule(rule, {
  valid: [
    {
      name: 'D downloading a snapshot taken without customer keys',
      ctx: contextFor({ kind: 'createRestoreJob', job: download, snapshot: aSnapshot({ encryptionKey: undefined }) }),
    },
    {
      name: 'D an automated restore of a CMK snapshot',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot() }),
    },
  ],
  invalid: [
    {
      name: 'D downloading a snapshot encrypted with an AWS key',
      ctx: contextFor({ kind: 'createRestoreJob', job: download, snapshot: aSnapshot() }),
      errors: [{ ruleId: 'restore/no-download-with-cmk', path: ['deliveryType'], message: /cannot be downloaded/, parameters: ['6a793f6b2c88faeba59bae37'] }],
    },
    {
      name: 'D a planned download of an Azure-encrypted snapshot in a config file',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: { ...download, src: { base: ['restoreJobs', 1] } },
        snapshot: aSnapshot({ encryptionKey: { provider: 'AZURE', keyId: 'https://demo-vault.vault.azure.net/keys/old/1' } }),
      }),
      errors: [{ ruleId: 'restore/no-download-with-cmk', path: ['restoreJobs', 1, 'deliveryType'], message: /AZURE/ }],
    },
  ],
});
