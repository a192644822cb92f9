// Request bodies and config documents the specs share. Each says where it comes from.
import { defaultBackupSchedule } from '@mock-atlas/model';

/** S3:524-532, the v1.0 example request that enables AWS KMS with an access key pair. */
export const S3_ENABLE_AWS = {
  awsKms: {
    enabled: true,
    accessKeyID: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g',
    region: 'US_EAST_1',
  },
};

/** S3:546-550, the v1.0 example request that disables AWS KMS. */
export const S3_DISABLE_AWS = { awsKms: { enabled: false } };

/** PRODUCT.md's config example: AWS KMS through a cloud provider access role. */
export const PRODUCT_EAR_WITH_ROLE = {
  awsKms: { enabled: true, customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g', region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' },
};

/** Every Azure Key Vault field (spec `AzureKeyVault`). */
export const AZURE_FULL = {
  azureKeyVault: {
    enabled: true,
    azureEnvironment: 'AZURE',
    clientID: 'b6d0f3a2-4f0b-4c8e-9a1d-2b6c7e8f9a0b',
    subscriptionID: 'c7e1a4b3-5a1c-4d9f-8b2e-3c7d8e9f0a1b',
    resourceGroupName: 'payments-rg',
    keyVaultName: 'payments-kv',
    keyIdentifier: 'https://payments-kv.vault.azure.net/keys/atlas/d891821e3d364e9eb88fbd3d11807b86',
    secret: '${env:AZURE_SECRET}',
    tenantID: 'd8f2b5c4-6b2d-4e0a-9c3f-4d8e9f0a1b2c',
    requirePrivateNetworking: false,
  },
};

/** Google Cloud KMS through a role (spec `GoogleCloudKMS`). */
export const GCP_WITH_ROLE = {
  googleCloudKms: {
    enabled: true,
    keyVersionResourceID: 'projects/my-project-common-0/locations/us-east4/keyRings/my-key-ring-0/cryptoKeys/my-key-0/cryptoKeyVersions/1',
    roleId: '32b6e34b3d91647abb20e7b8',
  },
};

/** A v1.0 M30 replica set on AWS with Cloud Backup and an AWS customer key (README §4 field list). */
export const M30_V1 = {
  name: 'orders',
  clusterType: 'REPLICASET',
  providerSettings: {
    providerName: 'AWS',
    instanceSizeName: 'M30',
    regionName: 'US_EAST_1',
    volumeType: 'STANDARD',
    autoScaling: { compute: { minInstanceSize: 'M20', maxInstanceSize: 'M40' } },
  },
  diskSizeGB: 40,
  mongoDBMajorVersion: '7.0',
  backupEnabled: false,
  providerBackupEnabled: true,
  pitEnabled: true,
  encryptionAtRestProvider: 'AWS',
  autoScaling: { diskGBEnabled: true, compute: { enabled: true, scaleDownEnabled: true } },
  replicationSpecs: [
    { numShards: 1, zoneName: 'Zone 1', regionsConfig: { US_EAST_1: { electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0, priority: 7 } } },
  ],
  biConnector: { enabled: false, readPreference: 'SECONDARY' },
  tags: [{ key: 'team', value: 'payments' }],
  terminationProtectionEnabled: false,
  paused: false,
  versionReleaseSystem: 'LTS',
  rootCertType: 'ISRGROOTX1',
};

/** What GET returns for M30_V1 (README §9 POST cluster): clients send it back on PATCH. */
export const M30_V1_ROUND_TRIP = {
  ...M30_V1,
  id: '6a793f6b2c88faeba59bae37',
  groupId: '5e2211c17a3e5a48f5497de3',
  stateName: 'CREATING',
  mongoDBVersion: '7.0.12',
  createDate: '2026-03-01T06:00:00Z',
  connectionStrings: {},
  links: [{ href: 'https://cloud.mongodb.com/api/atlas/v1.0/groups/5e2211c17a3e5a48f5497de3/clusters/orders', rel: 'self' }],
  srvAddress: 'mongodb+srv://orders.abcde.mongodb.net',
  mongoURI: 'mongodb://orders-shard-00-00.abcde.mongodb.net:27017',
  mongoURIUpdated: '2026-03-01T06:10:00Z',
};

/** A v2 2024-08-05 replica set across three AWS regions, with read-only nodes in the third. */
export const V2_MULTI_REGION = {
  name: 'ledger',
  clusterType: 'REPLICASET',
  backupEnabled: true,
  pitEnabled: true,
  encryptionAtRestProvider: 'AWS',
  mongoDBMajorVersion: '8.0',
  replicationSpecs: [
    {
      zoneName: 'Zone 1',
      regionConfigs: [
        {
          providerName: 'AWS',
          regionName: 'US_EAST_1',
          priority: 7,
          electableSpecs: { instanceSize: 'M30', nodeCount: 3, diskSizeGB: 40, diskIOPS: 3000, ebsVolumeType: 'STANDARD' },
          autoScaling: { compute: { enabled: true, scaleDownEnabled: true, minInstanceSize: 'M30', maxInstanceSize: 'M60' }, diskGB: { enabled: true } },
        },
        { providerName: 'AWS', regionName: 'US_WEST_2', priority: 6, electableSpecs: { instanceSize: 'M30', nodeCount: 2 } },
        {
          providerName: 'AWS',
          regionName: 'EU_WEST_1',
          priority: 0,
          electableSpecs: { instanceSize: 'M30', nodeCount: 0 },
          readOnlySpecs: { instanceSize: 'M30', nodeCount: 2 },
          analyticsSpecs: { instanceSize: 'M40', nodeCount: 1 },
        },
      ],
    },
  ],
  tags: [{ key: 'env', value: 'prod' }],
};

/** A v2 multi-cloud cluster: valid for the schema, refused for CMK by cluster/ear-no-multi-cloud. */
export const V2_MULTI_CLOUD = {
  name: 'global',
  clusterType: 'REPLICASET',
  replicationSpecs: [
    {
      regionConfigs: [
        { providerName: 'AWS', regionName: 'US_EAST_1', priority: 7, electableSpecs: { instanceSize: 'M10', nodeCount: 2 } },
        { providerName: 'GCP', regionName: 'CENTRAL_US', priority: 6, electableSpecs: { instanceSize: 'M10', nodeCount: 2 } },
        { providerName: 'AZURE', regionName: 'US_EAST_2', priority: 5, electableSpecs: { instanceSize: 'M10', nodeCount: 1 } },
      ],
    },
  ],
};

/** A v2 free cluster. */
export const V2_TENANT = {
  name: 'sandbox',
  clusterType: 'REPLICASET',
  replicationSpecs: [
    { regionConfigs: [{ providerName: 'TENANT', backingProviderName: 'AWS', regionName: 'US_EAST_1', priority: 7, electableSpecs: { instanceSize: 'M0' } }] },
  ],
};

/** The schedule Atlas gives a fresh M10 (model defaultBackupSchedule, README §4), as a PATCH body. */
export function defaultSchedulePatch(): Record<string, unknown> {
  const { clusterName: _cluster, src: _src, ...body } = defaultBackupSchedule('orders');
  return body;
}

/** PRODUCT.md "The project config", as the YAML parser reads it. */
export const PRODUCT_CONFIG = {
  version: 1,
  project: { name: 'payments', id: '5e2211c17a3e5a48f5497de3' },
  encryptionAtRest: PRODUCT_EAR_WITH_ROLE,
  kms: { keys: [{ provider: 'AWS', keyId: '030gce02-586d-48d2-a966-05ea954fde0g', state: 'ENABLED', createdAt: '2026-01-15T00:00:00Z' }] },
  clusters: [
    {
      name: 'orders',
      providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' },
      encryptionAtRestProvider: 'AWS',
      providerBackupEnabled: true,
    },
  ],
  snapshots: [
    {
      id: '6a793f6b2c88faeba59bae37',
      cluster: 'orders',
      createdAt: '2026-03-01T06:00:00Z',
      encryptionKey: { provider: 'AWS', keyId: '030gce02-586d-48d2-a966-05ea954fde0g' },
    },
  ],
  restoreJobs: [{ cluster: 'orders', snapshotId: '6a793f6b2c88faeba59bae37', deliveryType: 'automated', targetClusterName: 'orders-copy' }],
  apiKeys: [{ publicKey: 'demo-owner', privateKey: '${env:DEMO_PRIVATE_KEY}', roles: ['GROUP_OWNER'] }],
  serviceAccounts: [{ clientId: 'mdb_sa_id_demo', clientSecret: '${env:DEMO_SA_SECRET}', roles: ['GROUP_READ_ONLY'] }],
};
