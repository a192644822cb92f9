// Builders for rule table tests: a realistic project in a few lines, overridable per case.
import {
  DISABLED_PROVIDER,
  EAR_DOCUMENT,
  emptyProject,
  type CloudProvider,
  type Cluster,
  type EarProviderState,
  type KmsKey,
  type Project,
  type RestoreJob,
  type Snapshot,
} from '@mock-atlas/model';
import {
  DEFAULT_RULE_OPTIONS,
  type Caller,
  type KmsView,
  type Operation,
  type RuleContext,
  type UpdateEncryptionAtRestOp,
} from '../context';

export const GROUP_ID = '5e2211c17a3e5a48f5497de3';
export const AWS_KEY = '030gce02-586d-48d2-a966-05ea954fde0g';
export const AZURE_KEY = 'https://demo-vault.vault.azure.net/keys/atlas-key/0123456789abcdef0123456789abcdef';
export const GCP_KEY = 'projects/demo/locations/global/keyRings/atlas/cryptoKeys/cmk/cryptoKeyVersions/1';
export const NOW = '2026-11-22T12:00:00Z';

/** A fully configured provider, as a successful PATCH leaves it. */
export function enabledProvider(provider: CloudProvider, overrides: EarProviderState['settings'] = {}): EarProviderState {
  const settings: Record<CloudProvider, EarProviderState['settings']> = {
    AWS: { customerMasterKeyID: AWS_KEY, region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' },
    AZURE: {
      azureEnvironment: 'AZURE',
      clientID: 'b5ee8d2a-1f2b-4c1e-9f3a-8a2c1d4e5f60',
      subscriptionID: 'd2c6a4e0-5b7c-4f1a-8e2d-3c4b5a6f7e80',
      resourceGroupName: 'atlas-rg',
      keyVaultName: 'demo-vault',
      keyIdentifier: AZURE_KEY,
      tenantID: 'f1e2d3c4-b5a6-4789-9abc-def012345678',
      secret: '${env:AZURE_SECRET}',
    },
    GCP: { keyVersionResourceID: GCP_KEY, serviceAccountKey: '${env:GCP_SA_KEY}' },
  };
  return { enabled: true, valid: true, settings: { ...settings[provider], ...overrides } };
}

/** A dedicated single-region cluster without customer keys or backup. */
export function aCluster(overrides: Partial<Cluster> = {}): Cluster {
  return {
    name: 'orders',
    clusterType: 'REPLICASET',
    instanceSize: 'M30',
    diskSizeGB: 40,
    replicationSpecs: [
      {
        zoneName: 'Zone 1',
        numShards: 1,
        regions: [{ provider: 'AWS', region: 'US_EAST_1', priority: 7, electableNodes: 3, readOnlyNodes: 0, analyticsNodes: 0 }],
      },
    ],
    mongoDBMajorVersion: '8.0',
    legacyBackupEnabled: false,
    cloudBackupEnabled: true,
    pitEnabled: false,
    encryptionAtRestProvider: 'NONE',
    paused: false,
    terminationProtectionEnabled: false,
    stateName: 'IDLE',
    ...overrides,
  };
}

/** A completed snapshot of `orders`, taken with the AWS key unless told otherwise. */
export function aSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    id: '6a793f6b2c88faeba59bae37',
    clusterName: 'orders',
    createdAt: '2026-03-01T06:00:00Z',
    status: 'completed',
    snapshotType: 'scheduled',
    encryptionKey: { provider: 'AWS', keyId: AWS_KEY },
    ...overrides,
  };
}

/** A project with AWS KMS enabled and the given clusters and snapshots. */
export function aProject(overrides: Partial<Project> = {}): Project {
  const base = emptyProject(GROUP_ID, 'payments');
  return {
    ...base,
    encryptionAtRest: { providers: { ...base.encryptionAtRest.providers, AWS: enabledProvider('AWS') } },
    ...overrides,
  };
}

export function anEnabledKey(provider: CloudProvider, keyId: string, overrides: Partial<KmsKey> = {}): KmsKey {
  return { provider, keyId, state: 'ENABLED', createdAt: '2026-10-01T00:00:00Z', ...overrides };
}

export interface ContextOverrides {
  readonly project?: Project;
  readonly keys?: readonly KmsKey[];
  readonly credentials?: Partial<Record<CloudProvider, boolean>>;
  readonly unseenKeys?: KmsView['unseenKeys'];
  readonly now?: string;
  readonly keyRotationDays?: number;
  readonly caller?: Caller;
}

/** A rule context around one operation; by default the KMS holds the three demo keys, enabled. */
export function contextFor<Op extends Operation>(op: Op, o: ContextOverrides = {}): RuleContext<Op> {
  const credentials = o.credentials ?? {};
  const ctx: RuleContext<Op> = {
    project: o.project ?? aProject(),
    kms: {
      keys: o.keys ?? [anEnabledKey('AWS', AWS_KEY), anEnabledKey('AZURE', AZURE_KEY), anEnabledKey('GCP', GCP_KEY)],
      credentialsValid: (p) => credentials[p],
      unseenKeys: o.unseenKeys ?? 'unknown',
    },
    now: o.now ?? NOW,
    options: { ...DEFAULT_RULE_OPTIONS, ...(o.keyRotationDays ? { keyRotationDays: o.keyRotationDays } : {}) },
    op,
  };
  return o.caller ? { ...ctx, caller: o.caller } : ctx;
}

/** An automated restore of the default snapshot of `orders` into `orders-copy` in the same project. */
export function aRestoreJob(overrides: Partial<RestoreJob> = {}): RestoreJob {
  return {
    clusterName: 'orders',
    snapshotId: '6a793f6b2c88faeba59bae37',
    deliveryType: 'automated',
    targetClusterName: 'orders-copy',
    targetGroupId: GROUP_ID,
    ...overrides,
  };
}

/**
 * A PATCH encryptionAtRest operation for one provider document, with `after` merged the
 * way Atlas merges (S3:207): sent fields replace stored ones, and `enabled: false`
 * turns the provider off and clears its settings (S3:291-297).
 * @example earUpdate('AWS', { enabled: true, region: 'US_EAST_1' }) // turning AWS on from scratch
 */
export function earUpdate(
  provider: CloudProvider,
  request: Readonly<Record<string, unknown>>,
  before: EarProviderState = DISABLED_PROVIDER,
  at: UpdateEncryptionAtRestOp['at'] = [EAR_DOCUMENT[provider]],
): UpdateEncryptionAtRestOp {
  const enabled = typeof request['enabled'] === 'boolean' ? request['enabled'] : before.enabled;
  const sent = Object.fromEntries(
    Object.entries(request).filter(
      (entry): entry is [string, string | boolean] =>
        entry[0] !== 'enabled' && entry[0] !== 'valid' && (typeof entry[1] === 'string' || typeof entry[1] === 'boolean'),
    ),
  );
  const settings = enabled ? { ...before.settings, ...sent } : {};
  return { kind: 'updateEncryptionAtRest', provider, request, at, before, after: { enabled, valid: enabled && before.valid, settings } };
}
