// The cases of the rules' table tests that a config file can express, rebuilt as whole configs:
// for every lint-scope rule of libs/rules, configs that pass it and configs that break it. Names
// quote the table test's case (and so its source); `breaks` is the rule the config must break,
// or none for a config that passes the rule it is listed under.
import { KEY_IDS, ROLE_ID } from './arbitraries/pools';

type Doc = Record<string, unknown>;

/** One config of the rule cases. */
export interface RuleCase {
  /** The rule the case belongs to. */
  readonly rule: string;
  readonly name: string;
  /** True when atlas-lint must report `rule` on this config. */
  readonly breaks: boolean;
  readonly config: Doc;
  /**
   * For a rule no config can break (see UNBREAKABLE_BY_A_CONFIG): the rule the closest config
   * breaks instead, as docs/architecture.md says. For a case where an earlier refusal stands for
   * the rule's finding (one mistake, one finding): the rule that reports that refusal.
   */
  readonly instead?: string;
}

const GROUP_ID = '5e2211c17a3e5a48f5497de3';
const [AWS_KEY, AWS_OLD_KEY] = KEY_IDS.AWS;
const [AZURE_KEY] = KEY_IDS.AZURE;
const [GCP_KEY, GCP_OLD_KEY] = KEY_IDS.GCP;
const SNAPSHOT = '6a793f6b2c88faeba59bae37';

const aws = (extra: Doc = {}): Doc => ({ enabled: true, customerMasterKeyID: AWS_KEY, region: 'US_EAST_1', roleId: ROLE_ID, ...extra });
const azure = (extra: Doc = {}): Doc => ({
  enabled: true,
  azureEnvironment: 'AZURE',
  clientID: 'b5ee8d2a-1f2b-4c1e-9f3a-8a2c1d4e5f60',
  subscriptionID: 'd2c6a4e0-5b7c-4f1a-8e2d-3c4b5a6f7e80',
  resourceGroupName: 'payments-rg',
  keyVaultName: 'payments-vault',
  keyIdentifier: AZURE_KEY,
  tenantID: 'f1e2d3c4-b5a6-4789-9abc-def012345678',
  secret: '${env:AZURE_CLIENT_SECRET}',
  ...extra,
});
const gcp = (extra: Doc = {}): Doc => ({ enabled: true, keyVersionResourceID: GCP_KEY, roleId: ROLE_ID, ...extra });
const key = (provider: string, keyId: string, state = 'ENABLED', extra: Doc = {}): Doc => ({ provider, keyId, state, ...extra });

/** A v1.0 cluster: M30 on AWS with Cloud Backup unless told otherwise. */
const legacy = (name: string, extra: Doc = {}): Doc => ({
  name,
  providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' },
  providerBackupEnabled: true,
  ...extra,
});
const region = (providerName: string, regionName: string, priority: number, instanceSize = 'M30'): Doc => ({
  providerName,
  regionName,
  priority,
  electableSpecs: { instanceSize, nodeCount: 3 },
});
/** A 2024-08-05 cluster with Cloud Backup over the given regionConfigs. */
const v2 = (name: string, regionConfigs: Doc[], extra: Doc = {}): Doc => ({
  name,
  clusterType: 'REPLICASET',
  backupEnabled: true,
  replicationSpecs: [{ zoneName: 'Zone 1', regionConfigs }],
  ...extra,
});
const snapshot = (cluster: string, encryptionKey?: Doc, id = SNAPSHOT): Doc => ({
  id,
  cluster,
  createdAt: '2026-03-01T06:00:00Z',
  ...(encryptionKey ? { encryptionKey } : {}),
});
const automated = (cluster: string, target: string, extra: Doc = {}): Doc => ({
  cluster,
  snapshotId: SNAPSHOT,
  deliveryType: 'automated',
  targetClusterName: target,
  targetGroupId: GROUP_ID,
  ...extra,
});
const schedule = (cluster: string, items: Doc[], extra: Doc = {}): Doc => ({ cluster, ...extra, policies: [{ policyItems: items }] });
const item = (frequencyType: string, frequencyInterval: number, extra: Doc = {}): Doc => ({
  frequencyType,
  frequencyInterval,
  retentionUnit: 'days',
  retentionValue: 7,
  ...extra,
});

/** A whole config around the given parts. */
function config(parts: Doc): Doc {
  return { version: 1, project: { name: 'rule-cases', id: GROUP_ID }, ...parts };
}

const withAws = (parts: Doc = {}): Doc => config({ encryptionAtRest: { awsKms: aws() }, kms: { keys: [key('AWS', AWS_KEY)] }, ...parts });

const cases: RuleCase[] = [];
const add = (rule: string, breaks: boolean, name: string, cfg: Doc, instead?: string) =>
  cases.push({ rule, breaks, name, config: cfg, ...(instead ? { instead } : {}) });

// ear/provider-fields-complete
add('ear/provider-fields-complete', false, 'S3:199 turning AWS KMS on with the key, the region and a role', withAws());
add(
  'ear/provider-fields-complete',
  false,
  'S3:199 an access key pair is the other AWS alternative to a role',
  config({
    encryptionAtRest: {
      awsKms: {
        enabled: true,
        customerMasterKeyID: AWS_KEY,
        region: 'US_EAST_1',
        accessKeyID: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: '${env:AWS_SECRET_ACCESS_KEY}',
      },
    },
  }),
);
add(
  'ear/provider-fields-complete',
  false,
  'S3:199 Google Cloud KMS may be turned on with a role instead of a service account key',
  config({ encryptionAtRest: { googleCloudKms: gcp() } }),
);
add('ear/provider-fields-complete', false, 'S3:207 turning a provider off needs no other field', config({ encryptionAtRest: { awsKms: { enabled: false } } }));
add(
  'ear/provider-fields-complete',
  true,
  'S3:199 turning AWS KMS on without a region',
  config({ encryptionAtRest: { awsKms: { enabled: true, customerMasterKeyID: AWS_KEY, roleId: ROLE_ID } } }),
);
add(
  'ear/provider-fields-complete',
  true,
  'S3:199 an AWS access key id without its secret satisfies neither alternative',
  config({
    encryptionAtRest: { awsKms: { enabled: true, customerMasterKeyID: AWS_KEY, region: 'US_EAST_1', accessKeyID: 'AKIAIOSFODNN7EXAMPLE' } },
  }),
);
add(
  'ear/provider-fields-complete',
  true,
  'S3:199 Azure Key Vault turned on with only its key identifier misses the seven other fields',
  config({
    encryptionAtRest: { azureKeyVault: { enabled: true, keyIdentifier: AZURE_KEY } },
  }),
);
add(
  'ear/provider-fields-complete',
  true,
  'S3:199 a config file turning Google Cloud KMS on with nothing but enabled',
  config({ encryptionAtRest: { googleCloudKms: { enabled: true } } }),
);

// ear/valid-is-read-only
add('ear/valid-is-read-only', false, 'S3:501 a request that leaves valid to Atlas', withAws());
add('ear/valid-is-read-only', true, 'S3:501 valid: true sent with AWS KMS', config({ encryptionAtRest: { awsKms: aws({ valid: true }) } }));
add(
  'ear/valid-is-read-only',
  true,
  'S3:500 even valid: false is refused, here in a config file',
  config({ encryptionAtRest: { azureKeyVault: azure({ valid: false }) } }),
);

// ear/credentials-and-key-valid
add('ear/credentials-and-key-valid', false, 'S0:21 turning AWS KMS on with working credentials and an enabled key', withAws());
add(
  'ear/credentials-and-key-valid',
  false,
  'S0:21 the linter only judges keys declared in kms.keys: an unseen key is unknown',
  config({ encryptionAtRest: { awsKms: aws() } }),
);
add(
  'ear/credentials-and-key-valid',
  false,
  'S0:21 turning a provider off does not need a valid key',
  config({
    encryptionAtRest: { awsKms: { enabled: false } },
    kms: { keys: [key('AWS', AWS_KEY, 'DISABLED')] },
  }),
);
add(
  'ear/credentials-and-key-valid',
  true,
  'S0:21 turning AWS KMS on with a disabled key is AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED',
  config({
    encryptionAtRest: { awsKms: aws() },
    kms: { keys: [key('AWS', AWS_KEY, 'DISABLED')] },
  }),
);
add(
  'ear/credentials-and-key-valid',
  true,
  'D turning Azure Key Vault on with a disabled key is AZURE_KEY_VAULT_KEY_NOT_ENABLED',
  config({
    encryptionAtRest: { azureKeyVault: azure() },
    kms: { keys: [key('AZURE', AZURE_KEY, 'DISABLED')] },
  }),
);
add(
  'ear/credentials-and-key-valid',
  true,
  'D a config file turning Google Cloud KMS on with a key pending deletion is GOOGLE_CLOUD_KMS_KEY_VERSION_DESTROYED',
  config({
    encryptionAtRest: { googleCloudKms: gcp() },
    kms: { keys: [key('GCP', GCP_KEY, 'PENDING_DELETION')] },
  }),
);

// ear/key-valid-to-change and ear/disable-in-use judge a change of an enabled provider; a file
// enables each provider once, from nothing (docs/architecture.md).
add('ear/key-valid-to-change', false, 'S0:78 changing the key while the current key is valid (here: naming it for the first time)', withAws());
add(
  'ear/key-valid-to-change',
  false,
  'S0:78 a file naming a disabled key breaks ear/credentials-and-key-valid instead',
  config({
    encryptionAtRest: { awsKms: aws() },
    kms: { keys: [key('AWS', AWS_KEY, 'DISABLED')] },
  }),
  'ear/credentials-and-key-valid',
);
add(
  'ear/disable-in-use',
  false,
  'D updating a provider that clusters use is fine',
  withAws({ clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS' })] }),
);
add(
  'ear/disable-in-use',
  false,
  'D a config file turning AWS KMS off under a cluster that uses it breaks cluster/ear-provider-enabled instead',
  config({
    encryptionAtRest: { awsKms: { enabled: false } },
    clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS' })],
  }),
  'cluster/ear-provider-enabled',
);

// kms/key-rotation-age (lint only: a warning; the mock loads the file)
add(
  'kms/key-rotation-age',
  false,
  'S3:57 a key created 31 days ago is within the 90-day threshold',
  withAws({ kms: { keys: [key('AWS', AWS_KEY, 'ENABLED', { createdAt: '2026-05-01T00:00:00Z' })] } }),
);
add(
  'kms/key-rotation-age',
  false,
  'S0:90 an old key kept only so that older snapshots stay restorable does not warn',
  withAws({
    kms: { keys: [key('AWS', AWS_KEY), key('AWS', AWS_OLD_KEY, 'ENABLED', { createdAt: '2024-01-15T00:00:00Z' })] },
  }),
);
add(
  'kms/key-rotation-age',
  true,
  'S3:57 the AWS key in use is past the default 90 days',
  withAws({ kms: { keys: [key('AWS', AWS_KEY, 'ENABLED', { createdAt: '2024-01-15T00:00:00Z' })] } }),
);

// cluster/ear-dedicated-tier
add(
  'cluster/ear-dedicated-tier',
  false,
  'S3:34 a CMK cluster on M10 (dedicated) is allowed',
  withAws({
    clusters: [
      legacy('orders', { providerSettings: { providerName: 'AWS', instanceSizeName: 'M10', regionName: 'US_EAST_1' }, encryptionAtRestProvider: 'AWS' }),
    ],
  }),
);
add(
  'cluster/ear-dedicated-tier',
  false,
  'S3:34 an M5 cluster without customer keys is fine',
  config({
    clusters: [{ name: 'sandbox', providerSettings: { providerName: 'TENANT', backingProviderName: 'AWS', instanceSizeName: 'M5', regionName: 'US_EAST_1' } }],
  }),
);
add(
  'cluster/ear-dedicated-tier',
  true,
  'S3:34 create an M0 cluster with encryptionAtRestProvider AWS',
  withAws({
    clusters: [
      {
        name: 'sandbox',
        providerSettings: { providerName: 'TENANT', backingProviderName: 'AWS', instanceSizeName: 'M0', regionName: 'US_EAST_1' },
        encryptionAtRestProvider: 'AWS',
      },
    ],
  }),
);
add(
  'cluster/ear-dedicated-tier',
  true,
  'spec a FLEX cluster cannot use GCP customer keys',
  config({
    encryptionAtRest: { googleCloudKms: gcp() },
    clusters: [
      {
        name: 'flexible',
        providerSettings: { providerName: 'FLEX', backingProviderName: 'GCP', instanceSizeName: 'FLEX', regionName: 'CENTRAL_US' },
        encryptionAtRestProvider: 'GCP',
      },
    ],
  }),
);
add(
  'cluster/ear-dedicated-tier',
  true,
  'S3:34 a 2024-08-05 M5 (TENANT) cluster with Azure keys',
  config({
    encryptionAtRest: { azureKeyVault: azure() },
    clusters: [
      v2('sandbox', [{ providerName: 'TENANT', backingProviderName: 'AZURE', regionName: 'US_EAST_2', priority: 7, electableSpecs: { instanceSize: 'M5' } }], {
        backupEnabled: false,
        encryptionAtRestProvider: 'AZURE',
      }),
    ],
  }),
);

// cluster/ear-no-multi-cloud
add(
  'cluster/ear-no-multi-cloud',
  false,
  'S0:3-5 a multi-region cluster on one cloud may use CMK',
  withAws({
    clusters: [v2('global', [region('AWS', 'US_EAST_1', 7), region('AWS', 'EU_WEST_1', 6)], { encryptionAtRestProvider: 'AWS' })],
  }),
);
add(
  'cluster/ear-no-multi-cloud',
  false,
  'S0:3-5 a multi-cloud cluster without customer keys is fine',
  config({
    clusters: [v2('global', [region('AWS', 'US_EAST_1', 7), region('GCP', 'CENTRAL_US', 6)])],
  }),
);
add(
  'cluster/ear-no-multi-cloud',
  true,
  'S0:3-5 create an AWS+GCP cluster with encryptionAtRestProvider AWS',
  withAws({
    clusters: [v2('global', [region('AWS', 'US_EAST_1', 7), region('GCP', 'CENTRAL_US', 6)], { encryptionAtRestProvider: 'AWS' })],
  }),
);

// cluster/ear-provider-enabled
add(
  'cluster/ear-provider-enabled',
  false,
  'S0:15 an AWS cluster may use Azure Key Vault keys when AZURE is enabled',
  config({
    encryptionAtRest: { azureKeyVault: azure() },
    clusters: [legacy('reporting', { encryptionAtRestProvider: 'AZURE' })],
  }),
);
add(
  'cluster/ear-provider-enabled',
  false,
  'D a cluster asking for the enabled AWS provider',
  withAws({ clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS' })] }),
);
add(
  'cluster/ear-provider-enabled',
  true,
  'D create with encryptionAtRestProvider GCP while only AWS is enabled',
  withAws({ clusters: [legacy('orders', { encryptionAtRestProvider: 'GCP' })] }),
);
add(
  'cluster/ear-provider-enabled',
  false,
  'D a provider whose document was refused: that refusal is the one finding, not one more per cluster using it',
  config({
    encryptionAtRest: { awsKms: { enabled: true, customerMasterKeyID: AWS_KEY, roleId: ROLE_ID } },
    clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS' })],
  }),
  'ear/provider-fields-complete',
);

// cluster/ear-provider-valid judges a provider enabled but invalid, which a file cannot enable.
add(
  'cluster/ear-provider-valid',
  false,
  'S0:21 turning CMK on with valid AWS settings',
  withAws({ clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS' })] }),
);
add(
  'cluster/ear-provider-valid',
  false,
  'S0:21 a file cannot enable a provider with an invalid key: ear/credentials-and-key-valid refuses that first',
  config({
    encryptionAtRest: { awsKms: aws() },
    kms: { keys: [key('AWS', AWS_KEY, 'DELETED')] },
    clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS' })],
  }),
  'ear/credentials-and-key-valid',
);

// backup/no-legacy-with-cmk
add(
  'backup/no-legacy-with-cmk',
  false,
  'S0:95 a CMK cluster with Cloud Backup is allowed',
  withAws({ clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS' })] }),
);
add(
  'backup/no-legacy-with-cmk',
  false,
  'S0:95 legacy backup without customer keys is not this rule’s business',
  config({
    clusters: [legacy('orders', { providerBackupEnabled: false, backupEnabled: true })],
  }),
);
add(
  'backup/no-legacy-with-cmk',
  true,
  'S0:95 create with backupEnabled (legacy) and encryptionAtRestProvider AWS',
  withAws({
    clusters: [legacy('orders', { providerBackupEnabled: false, backupEnabled: true, encryptionAtRestProvider: 'AWS' })],
  }),
);

// backup/conflicting-options
add('backup/conflicting-options', false, 'D Cloud Backup alone', config({ clusters: [legacy('orders')] }));
add(
  'backup/conflicting-options',
  false,
  'D Legacy Backups alone',
  config({ clusters: [legacy('orders', { providerBackupEnabled: false, backupEnabled: true })] }),
);
add(
  'backup/conflicting-options',
  true,
  'D v1.0 create with backupEnabled and providerBackupEnabled both true',
  config({ clusters: [legacy('orders', { backupEnabled: true })] }),
);

// backup/schedule-valid
add(
  'backup/schedule-valid',
  false,
  'S0:95 the 6-hour base schedule Atlas creates is valid',
  config({
    clusters: [legacy('orders')],
    backupSchedules: [
      schedule('orders', [
        item('hourly', 6),
        item('daily', 1),
        item('weekly', 6, { retentionUnit: 'weeks', retentionValue: 4 }),
        item('monthly', 40, { retentionUnit: 'months', retentionValue: 12 }),
      ]),
    ],
  }),
);
add(
  'backup/schedule-valid',
  false,
  'spec every hourly interval Atlas offers, boundary reference times',
  config({
    clusters: [legacy('orders')],
    backupSchedules: [
      schedule(
        'orders',
        [1, 2, 4, 6, 8, 12].map((h) => item('hourly', h)),
        { referenceHourOfDay: 23, referenceMinuteOfHour: 59, restoreWindowDays: 1 },
      ),
    ],
  }),
);
add(
  'backup/schedule-valid',
  true,
  'spec a policy item without retentionUnit and retentionValue: one finding per missing field',
  config({
    clusters: [legacy('orders')],
    backupSchedules: [schedule('orders', [{ frequencyType: 'daily', frequencyInterval: 1 }])],
  }),
);
add(
  'backup/schedule-valid',
  true,
  'D an hourly item every 5 hours in a config file',
  config({ clusters: [legacy('orders')], backupSchedules: [schedule('orders', [item('hourly', 5)])] }),
);
add(
  'backup/schedule-valid',
  true,
  'D referenceHourOfDay 24, referenceMinuteOfHour -1 and restoreWindowDays 0',
  config({
    clusters: [legacy('orders')],
    backupSchedules: [schedule('orders', [item('daily', 1)], { referenceHourOfDay: 24, referenceMinuteOfHour: -1, restoreWindowDays: 0 })],
  }),
);

// restore/required-fields
const restoreBase = (jobs: Doc[], clusterExtra: Doc = {}): Doc =>
  config({ clusters: [legacy('orders', { pitEnabled: true, ...clusterExtra }), legacy('scratch')], snapshots: [snapshot('orders')], restoreJobs: jobs });
add('restore/required-fields', false, 'spec an automated restore with target cluster and project', restoreBase([automated('orders', 'scratch')]));
add(
  'restore/required-fields',
  false,
  'spec a download restore needs only deliveryType (and its snapshot)',
  restoreBase([{ cluster: 'orders', snapshotId: SNAPSHOT, deliveryType: 'download' }]),
);
add(
  'restore/required-fields',
  false,
  'spec a pointInTime restore by oplog timestamp and increment from a pitEnabled source',
  restoreBase([{ cluster: 'orders', deliveryType: 'pointInTime', oplogTs: 1772344800, oplogInc: 1, targetClusterName: 'scratch', targetGroupId: GROUP_ID }]),
);
add(
  'restore/required-fields',
  true,
  'spec an automated restore without targetClusterName and targetGroupId',
  restoreBase([{ cluster: 'orders', snapshotId: SNAPSHOT, deliveryType: 'automated' }]),
);
add(
  'restore/required-fields',
  true,
  'spec a pointInTime restore with neither pointInTimeUTCSeconds nor oplogTs+oplogInc',
  restoreBase([{ cluster: 'orders', deliveryType: 'pointInTime', targetClusterName: 'scratch', targetGroupId: GROUP_ID }]),
);
add(
  'restore/required-fields',
  true,
  'spec a pointInTime restore with oplogTs but no oplogInc',
  restoreBase([{ cluster: 'orders', deliveryType: 'pointInTime', oplogTs: 1772344800, targetClusterName: 'scratch', targetGroupId: GROUP_ID }]),
);
add(
  'restore/required-fields',
  true,
  'spec a pointInTime restore from a source without pitEnabled',
  restoreBase([{ cluster: 'orders', deliveryType: 'pointInTime', pointInTimeUTCSeconds: 1772344800, targetClusterName: 'scratch', targetGroupId: GROUP_ID }], {
    pitEnabled: false,
  }),
);

// restore/target-available
add('restore/target-available', false, 'D an automated restore into a running cluster', restoreBase([automated('orders', 'scratch')]));
add(
  'restore/target-available',
  false,
  'D a download restore has no target to look up',
  restoreBase([{ cluster: 'orders', snapshotId: SNAPSHOT, deliveryType: 'download', targetClusterName: 'nowhere' }]),
);
add('restore/target-available', true, 'D the target cluster does not exist: 404 CLUSTER_NOT_FOUND', restoreBase([automated('orders', 'orders-copy')]));
add(
  'restore/target-available',
  true,
  'D a paused target: 400 CLUSTER_PAUSED_CANNOT_RESTORE',
  config({
    clusters: [legacy('orders'), legacy('scratch', { paused: true })],
    snapshots: [snapshot('orders')],
    restoreJobs: [automated('orders', 'scratch')],
  }),
);

// restore/no-download-with-cmk
const cmkRestore = (jobs: Doc[], targetExtra: Doc = { encryptionAtRestProvider: 'AWS' }): Doc =>
  withAws({
    clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS', pitEnabled: true }), legacy('scratch', targetExtra)],
    snapshots: [snapshot('orders', { provider: 'AWS', keyId: AWS_KEY })],
    restoreJobs: jobs,
  });
add(
  'restore/no-download-with-cmk',
  false,
  'D downloading a snapshot taken without customer keys',
  restoreBase([{ cluster: 'orders', snapshotId: SNAPSHOT, deliveryType: 'download' }]),
);
add('restore/no-download-with-cmk', false, 'D an automated restore of a CMK snapshot', cmkRestore([automated('orders', 'scratch')]));
add(
  'restore/no-download-with-cmk',
  true,
  'D downloading a snapshot encrypted with an AWS key',
  cmkRestore([{ cluster: 'orders', snapshotId: SNAPSHOT, deliveryType: 'download' }]),
);

// restore/key-valid
const oldKeyRestore = (state: string, provider: 'AWS' | 'GCP'): Doc => {
  const [current, old] = provider === 'AWS' ? [AWS_KEY, AWS_OLD_KEY] : [GCP_KEY, GCP_OLD_KEY];
  const doc = provider === 'AWS' ? { awsKms: aws() } : { googleCloudKms: gcp() };
  return config({
    encryptionAtRest: doc,
    kms: { keys: [key(provider, current), key(provider, old, state)] },
    clusters: [legacy('orders', { encryptionAtRestProvider: provider })],
    snapshots: [snapshot('orders', { provider, keyId: old })],
    restoreJobs: [automated('orders', 'orders')],
  });
};
add('restore/key-valid', false, 'S0:90 restoring a snapshot whose AWS key is still enabled', oldKeyRestore('ENABLED', 'AWS'));
add(
  'restore/key-valid',
  false,
  'S0:93 a key the linter has not seen is unknown, not invalid',
  config({
    encryptionAtRest: { awsKms: aws() },
    clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS' })],
    snapshots: [snapshot('orders', { provider: 'AWS', keyId: AWS_KEY })],
    restoreJobs: [automated('orders', 'orders')],
  }),
);
add(
  'restore/key-valid',
  false,
  'S0:91 a point-in-time restore while the source cluster’s current key is enabled',
  withAws({
    clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS', pitEnabled: true })],
    restoreJobs: [{ cluster: 'orders', deliveryType: 'pointInTime', pointInTimeUTCSeconds: 1772344800, targetClusterName: 'orders', targetGroupId: GROUP_ID }],
  }),
);
add('restore/key-valid', true, 'S0:93 the AWS key of the snapshot has been disabled', oldKeyRestore('DISABLED', 'AWS'));
add(
  'restore/key-valid',
  true,
  'S0:90 the key active when the snapshot was taken counts, not the current one (GCP, destroyed)',
  oldKeyRestore('DELETED', 'GCP'),
);

// restore/target-encryption-matches
add('restore/target-encryption-matches', false, 'D an AWS-encrypted snapshot into a cluster that uses AWS', cmkRestore([automated('orders', 'scratch')]));
add('restore/target-encryption-matches', false, 'D a snapshot without customer keys into any cluster', restoreBase([automated('orders', 'scratch')]));
add(
  'restore/target-encryption-matches',
  true,
  'D an AWS-encrypted snapshot into a cluster without customer keys',
  cmkRestore([automated('orders', 'scratch')], {}),
);
add(
  'restore/target-encryption-matches',
  true,
  'D an AWS-encrypted snapshot into a GCP cluster, both declared in a config file',
  config({
    encryptionAtRest: { awsKms: aws(), googleCloudKms: gcp() },
    clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS' }), legacy('scratch', { encryptionAtRestProvider: 'GCP' })],
    snapshots: [snapshot('orders', { provider: 'AWS', keyId: AWS_KEY })],
    kms: { keys: [key('AWS', AWS_KEY), key('GCP', GCP_KEY)] },
    restoreJobs: [automated('orders', 'scratch')],
  }),
);

// security/no-plaintext-secrets (lint only: a warning; the mock loads the file)
add(
  'security/no-plaintext-secrets',
  false,
  'spec every secret written as an ${env:NAME} reference',
  config({
    encryptionAtRest: { azureKeyVault: azure() },
    apiKeys: [{ publicKey: 'ci-owner', privateKey: '${env:MOCK_ATLAS_OWNER_PRIVATE_KEY}', roles: ['GROUP_OWNER'] }],
  }),
);
add(
  'security/no-plaintext-secrets',
  true,
  'spec a literal AWS secretAccessKey',
  config({
    encryptionAtRest: {
      awsKms: {
        enabled: true,
        customerMasterKeyID: AWS_KEY,
        region: 'US_EAST_1',
        accessKeyID: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
    },
  }),
);
add(
  'security/no-plaintext-secrets',
  true,
  'spec literal API key privateKey and service account clientSecret',
  config({
    apiKeys: [{ publicKey: 'ci-owner', privateKey: 'plain-text-key', roles: ['GROUP_OWNER'] }],
    serviceAccounts: [{ clientId: 'mdb_sa_id_ci', clientSecret: 'plain-text-secret', roles: ['GROUP_READ_ONLY'] }],
  }),
);

// config/references-resolve
add('config/references-resolve', false, 'D every reference resolves', restoreBase([automated('orders', 'scratch')]));
add('config/references-resolve', false, 'S0:90 a snapshot of a cluster without customer keys has no key to declare', restoreBase([]));
add(
  'config/references-resolve',
  true,
  'D a snapshot of an undeclared cluster is CLUSTER_NOT_FOUND',
  config({ clusters: [legacy('orders')], snapshots: [snapshot('order')] }),
);
add(
  'config/references-resolve',
  true,
  'D a restore job of an undeclared cluster is one CLUSTER_NOT_FOUND',
  config({
    clusters: [legacy('orders')],
    snapshots: [snapshot('orders')],
    restoreJobs: [{ cluster: 'order', snapshotId: SNAPSHOT, deliveryType: 'download' }],
  }),
);
add(
  'config/references-resolve',
  true,
  'D a restore job naming another cluster’s snapshot is SNAPSHOT_NOT_FOUND',
  config({
    clusters: [legacy('orders'), legacy('scratch')],
    snapshots: [snapshot('orders')],
    restoreJobs: [{ cluster: 'scratch', snapshotId: SNAPSHOT, deliveryType: 'download' }],
  }),
);
add(
  'config/references-resolve',
  true,
  'S0:90 D a snapshot whose key kms.keys does not declare gets the provider’s not-found code',
  withAws({
    clusters: [legacy('orders', { encryptionAtRestProvider: 'AWS' })],
    snapshots: [snapshot('orders', { provider: 'AWS', keyId: AWS_OLD_KEY })],
  }),
);

/** Every rule case, grouped by rule in catalog order of first appearance. */
export const RULE_CASES: readonly RuleCase[] = cases;

/**
 * Lint-scope rules that judge a change of an enabled provider or of a provider found invalid,
 * which a config file (one desired state applied to an empty project) cannot express; their
 * breaking cases live in the table tests and the mock's scenarios (docs/architecture.md).
 */
export const UNBREAKABLE_BY_A_CONFIG: readonly string[] = ['ear/key-valid-to-change', 'ear/disable-in-use', 'cluster/ear-provider-valid'];
