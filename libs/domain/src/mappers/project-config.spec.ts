import { describe, expect, it } from 'vitest';
import { emptyEncryptionAtRest, fieldPath } from '@mock-atlas/model';
import { projectConfigToModel } from './project-config';

const AWS_KEY = '030gce02-586d-48d2-a966-05ea954fde0g';

/** PRODUCT.md "The project config", the example file as a parsed YAML document (plus a schedule and an Azure secret). */
const EXAMPLE = {
  version: 1,
  project: { name: 'payments', id: '5e2211c17a3e5a48f5497de3' },
  encryptionAtRest: {
    awsKms: { enabled: true, customerMasterKeyID: AWS_KEY, region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' },
    azureKeyVault: { enabled: false, secret: '${env:AZURE_CLIENT_SECRET}' },
  },
  kms: { keys: [{ provider: 'AWS', keyId: AWS_KEY, state: 'ENABLED', createdAt: '2026-01-15T00:00:00Z' }, { provider: 'GCP', keyId: 'projects/p/k/1' }] },
  clusters: [
    {
      name: 'orders',
      providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' },
      encryptionAtRestProvider: 'AWS',
      providerBackupEnabled: true,
    },
  ],
  snapshots: [{ id: '6a793f6b2c88faeba59bae37', cluster: 'orders', createdAt: '2026-03-01T06:00:00Z', encryptionKey: { provider: 'AWS', keyId: AWS_KEY } }],
  restoreJobs: [{ cluster: 'orders', snapshotId: '6a793f6b2c88faeba59bae37', deliveryType: 'automated', targetClusterName: 'orders-copy' }],
  backupSchedules: [{ cluster: 'orders', restoreWindowDays: 7, policies: [{ policyItems: [{ frequencyType: 'hourly', frequencyInterval: 6, retentionUnit: 'days', retentionValue: 7 }] }] }],
  apiKeys: [{ publicKey: 'demo-owner', privateKey: '${env:DEMO_PRIVATE_KEY}', roles: ['GROUP_OWNER'] }],
  serviceAccounts: [{ clientId: 'mdb_sa_id_demo', clientSecret: '${env:DEMO_SA_SECRET}', roles: ['GROUP_READ_ONLY'] }],
};

const ENV = { DEMO_PRIVATE_KEY: 'private-1234', DEMO_SA_SECRET: 'sa-5678', AZURE_CLIENT_SECRET: 'azure-9012' };

describe('projectConfigToModel', () => {
  const { model, problems } = projectConfigToModel(EXAMPLE);
  const project = model.project;

  it('PRODUCT.md: the project, with Encryption at Rest left empty for the replay to apply', () => {
    expect(problems).toEqual([]);
    expect(project).toMatchObject({ id: '5e2211c17a3e5a48f5497de3', name: 'payments' });
    expect(project.encryptionAtRest).toEqual({ ...emptyEncryptionAtRest(), src: { base: ['encryptionAtRest'] } });
    expect(model.encryptionAtRestRequest).toEqual(EXAMPLE.encryptionAtRest);
    expect(fieldPath(project.encryptionAtRest, 'awsKms')).toEqual(['encryptionAtRest', 'awsKms']);
  });

  it('PRODUCT.md: clusters in the config layout, located under clusters[i]', () => {
    const [orders] = project.clusters;
    expect(orders).toMatchObject({ name: 'orders', instanceSize: 'M30', encryptionAtRestProvider: 'AWS', cloudBackupEnabled: true });
    expect(orders && fieldPath(orders, 'instanceSize')).toEqual(['clusters', 0, 'providerSettings', 'instanceSizeName']);
    expect(orders && fieldPath(orders, 'name')).toEqual(['clusters', 0, 'name']);
  });

  it('PRODUCT.md: snapshots, restore jobs and schedules name their cluster with `cluster`', () => {
    const [snapshot] = project.snapshots;
    const [job] = project.restoreJobs;
    const [schedule] = project.backupSchedules;
    expect(snapshot).toMatchObject({ clusterName: 'orders', encryptionKey: { provider: 'AWS', keyId: AWS_KEY } });
    expect(snapshot && fieldPath(snapshot, 'clusterName')).toEqual(['snapshots', 0, 'cluster']);
    expect(snapshot && fieldPath(snapshot, 'encryptionKey')).toEqual(['snapshots', 0, 'encryptionKey']);
    expect(job).toMatchObject({ clusterName: 'orders', snapshotId: '6a793f6b2c88faeba59bae37', deliveryType: 'automated', targetClusterName: 'orders-copy' });
    expect(job && fieldPath(job, 'clusterName')).toEqual(['restoreJobs', 0, 'cluster']);
    expect(job && fieldPath(job, 'snapshotId')).toEqual(['restoreJobs', 0, 'snapshotId']);
    expect(schedule).toMatchObject({ clusterName: 'orders', restoreWindowDays: 7 });
    expect(schedule && fieldPath(schedule, 'clusterName')).toEqual(['backupSchedules', 0, 'cluster']);
  });

  it('PRODUCT.md: API keys and service accounts become credentials, secrets as written', () => {
    expect(project.credentials.map(({ src: _src, ...c }) => c)).toEqual([
      { kind: 'apiKey', id: 'demo-owner', secret: '${env:DEMO_PRIVATE_KEY}', roles: ['GROUP_OWNER'] },
      { kind: 'serviceAccount', id: 'mdb_sa_id_demo', secret: '${env:DEMO_SA_SECRET}', roles: ['GROUP_READ_ONLY'] },
    ]);
    const [apiKey, serviceAccount] = project.credentials;
    expect(apiKey && fieldPath(apiKey, 'secret')).toEqual(['apiKeys', 0, 'privateKey']);
    expect(serviceAccount && fieldPath(serviceAccount, 'id')).toEqual(['serviceAccounts', 0, 'clientId']);
  });

  it('PRODUCT.md: kms.keys is the simulated KMS, a key without state is ENABLED', () => {
    expect(model.kms.keys).toEqual([
      { provider: 'AWS', keyId: AWS_KEY, state: 'ENABLED', createdAt: '2026-01-15T00:00:00Z', src: { base: ['kms', 'keys', 0] } },
      { provider: 'GCP', keyId: 'projects/p/k/1', state: 'ENABLED', src: { base: ['kms', 'keys', 1] } },
    ]);
  });

  it('PRODUCT.md id optional: a project without id gets a stable 24-hex id from its name', () => {
    const a = projectConfigToModel({ project: { name: 'payments' } }).model.project.id;
    expect(a).toMatch(/^[0-9a-f]{24}$/);
    expect(projectConfigToModel({ project: { name: 'payments' } }).model.project.id).toBe(a);
    expect(projectConfigToModel({ project: { name: 'billing' } }).model.project.id).not.toBe(a);
  });

  it('odd input maps to an empty project without throwing', () => {
    const odd = projectConfigToModel({ project: 'x', clusters: 'none', apiKeys: [null, { roles: 'GROUP_OWNER' }], kms: { keys: [{ provider: 'OCI', keyId: 'k' }] } });
    expect(odd.model.project.clusters).toEqual([]);
    expect(odd.model.project.credentials).toEqual([{ kind: 'apiKey', id: '', secret: '', roles: [], src: { base: ['apiKeys', 1], fields: { id: ['publicKey'], secret: ['privateKey'] } } }]);
    expect(odd.model.kms.keys).toEqual([]);
  });
});

describe('projectConfigToModel with resolveSecrets', () => {
  it('PRODUCT.md: ${env:NAME} secrets are replaced from env at load time', () => {
    const { model, problems } = projectConfigToModel(EXAMPLE, { resolveSecrets: true, env: ENV });
    expect(problems).toEqual([]);
    expect(model.project.credentials.map((c) => c.secret)).toEqual(['private-1234', 'sa-5678']);
    expect(model.encryptionAtRestRequest['azureKeyVault']).toEqual({ enabled: false, secret: 'azure-9012' });
    expect(EXAMPLE.apiKeys[0]?.privateKey).toBe('${env:DEMO_PRIVATE_KEY}');
  });

  it('an unset variable is a config/env-unset error at the field, naming the variable but no secret', () => {
    const env = { DEMO_SA_SECRET: 'sa-5678' };
    const { model, problems } = projectConfigToModel(EXAMPLE, { resolveSecrets: true, env });
    expect(problems.map(({ message: _m, ...p }) => p)).toEqual([
      { ruleId: 'config/env-unset', severity: 'error', errorCode: 'MISSING_ATTRIBUTE', httpStatus: 400, path: ['apiKeys', 0, 'privateKey'], parameters: ['apiKeys[0].privateKey'] },
      {
        ruleId: 'config/env-unset',
        severity: 'error',
        errorCode: 'MISSING_ATTRIBUTE',
        httpStatus: 400,
        path: ['encryptionAtRest', 'azureKeyVault', 'secret'],
        parameters: ['encryptionAtRest.azureKeyVault.secret'],
      },
    ]);
    expect(problems[0]?.message).toContain('DEMO_PRIVATE_KEY');
    for (const p of problems) expect(p.message).not.toContain('sa-5678');
    expect(model.project.credentials[0]?.secret).toBe('${env:DEMO_PRIVATE_KEY}');
  });

  it('without resolveSecrets the file is read as written (the linter’s view)', () => {
    const { model, problems } = projectConfigToModel(EXAMPLE, { env: ENV });
    expect(problems).toEqual([]);
    expect(model.project.credentials[0]?.secret).toBe('${env:DEMO_PRIVATE_KEY}');
  });

  it('only a whole-value reference is resolved, as security/no-plaintext-secrets reads them', () => {
    const config = { project: { name: 'p' }, apiKeys: [{ publicKey: 'k', privateKey: 'x${env:DEMO_PRIVATE_KEY}', roles: [] }] };
    const { model } = projectConfigToModel(config, { resolveSecrets: true, env: ENV });
    expect(model.project.credentials[0]?.secret).toBe('x${env:DEMO_PRIVATE_KEY}');
  });
});
