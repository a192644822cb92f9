// Project configs the library's tests start the mock with.

export const GROUP = '6c0ffee00000000000000a01';
export const AWS_KEY = '5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';

/**
 * One project with AWS KMS on, a CMK cluster `orders` with Cloud Backup, a plain cluster, and
 * no credentials at all: the harness adds an owner key and service account.
 */
export const CMK_PROJECT = {
  version: 1,
  project: { name: 'harness', id: GROUP },
  encryptionAtRest: { awsKms: { enabled: true, customerMasterKeyID: AWS_KEY, region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' } },
  kms: { keys: [{ provider: 'AWS', keyId: AWS_KEY, state: 'ENABLED' }] },
  clusters: [
    {
      name: 'orders',
      clusterType: 'REPLICASET',
      providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' },
      encryptionAtRestProvider: 'AWS',
      providerBackupEnabled: true,
    },
    { name: 'plain', clusterType: 'REPLICASET', providerSettings: { providerName: 'AWS', instanceSizeName: 'M10', regionName: 'US_EAST_1' } },
  ],
};

/** The same project as YAML text, with an owner API key whose secret comes from the environment. */
export const CMK_PROJECT_YAML = `version: 1
project: { name: harness-yaml, id: ${GROUP} }
encryptionAtRest:
  awsKms: { enabled: true, customerMasterKeyID: ${AWS_KEY}, region: US_EAST_1, roleId: 5f232b94af0a6b41747bcc2d }
kms:
  keys:
    - { provider: AWS, keyId: ${AWS_KEY}, state: ENABLED }
clusters:
  - { name: orders, clusterType: REPLICASET, providerSettings: { providerName: AWS, instanceSizeName: M30, regionName: US_EAST_1 }, encryptionAtRestProvider: AWS, providerBackupEnabled: true }
apiKeys:
  - { publicKey: yaml-owner, privateKey: "\${env:HARNESS_OWNER_KEY}", roles: [GROUP_OWNER] }
`;
