// The projects fuzzed requests run against, each a lint-clean config the mock loads through
// POST /_mock/projects before a request (again only after a request changed it). A request that
// the linter can judge too is judged as this config plus the request's resource.
import { KEY_IDS, ROLE_ID, SNAPSHOT_IDS } from '../arbitraries/pools';

type Doc = Readonly<Record<string, unknown>>;

/** The fuzzed project. */
export const PROJECT = { name: 'fuzz', id: '5e2211c17a3e5a48f5497de3' } as const;

/** Keys the simulated KMS holds: each provider's current key enabled, its previous one not. */
const KMS = {
  keys: [
    { provider: 'AWS', keyId: KEY_IDS.AWS[0], state: 'ENABLED' },
    { provider: 'AWS', keyId: KEY_IDS.AWS[1], state: 'DISABLED' },
    { provider: 'AZURE', keyId: KEY_IDS.AZURE[0], state: 'ENABLED' },
    { provider: 'AZURE', keyId: KEY_IDS.AZURE[1], state: 'PENDING_DELETION' },
    { provider: 'GCP', keyId: KEY_IDS.GCP[0], state: 'ENABLED' },
    { provider: 'GCP', keyId: KEY_IDS.GCP[1], state: 'DELETED' },
  ],
};

const legacy = (name: string, instanceSizeName: string, extra: Doc = {}): Doc => ({
  name,
  providerSettings: { providerName: 'AWS', instanceSizeName, regionName: 'US_EAST_1' },
  providerBackupEnabled: true,
  ...extra,
});

/** One base: its config, and the clusters and snapshots requests name in their paths. */
export interface Base {
  readonly name: 'ear' | 'full';
  readonly config: Doc;
  readonly clusters: readonly string[];
  readonly snapshots: readonly string[];
}

/**
 * Encryption at Rest is judged on a project that has none yet: a config (one state applied to an
 * empty project) cannot express changing a provider that is already on, whose rules
 * (ear/key-valid-to-change, ear/disable-in-use) the table tests cover.
 */
export const EAR_BASE: Base = {
  name: 'ear',
  config: { version: 1, project: PROJECT, kms: KMS, clusters: [legacy('scratch', 'M10')] },
  clusters: ['scratch'],
  snapshots: [],
};

/**
 * Everything else: AWS customer keys on; clusters of both layouts, with and without customer
 * keys, paused, shared-tier; snapshots taken with the current key, with the disabled previous
 * key, and without one. No restore jobs: a second restore into one target is a known divergence
 * (`concurrent-restores-into-one-target`).
 */
export const FULL_BASE: Base = {
  name: 'full',
  config: {
    version: 1,
    project: PROJECT,
    encryptionAtRest: { awsKms: { enabled: true, customerMasterKeyID: KEY_IDS.AWS[0], region: 'US_EAST_1', roleId: ROLE_ID } },
    kms: KMS,
    clusters: [
      legacy('orders', 'M30', { encryptionAtRestProvider: 'AWS', pitEnabled: true }),
      {
        name: 'reporting',
        clusterType: 'REPLICASET',
        backupEnabled: true,
        replicationSpecs: [
          { regionConfigs: [{ providerName: 'AWS', regionName: 'US_EAST_1', priority: 7, electableSpecs: { instanceSize: 'M10', nodeCount: 3 } }] },
        ],
      },
      legacy('scratch', 'M10'),
      legacy('frozen', 'M10', { paused: true }),
      { name: 'sandbox', providerSettings: { providerName: 'TENANT', instanceSizeName: 'M0', regionName: 'US_EAST_1', backingProviderName: 'AWS' } },
    ],
    snapshots: [
      { id: SNAPSHOT_IDS[0], cluster: 'orders', createdAt: '2026-05-01T06:00:00Z', encryptionKey: { provider: 'AWS', keyId: KEY_IDS.AWS[0] } },
      { id: SNAPSHOT_IDS[1], cluster: 'orders', createdAt: '2026-03-01T06:00:00Z', encryptionKey: { provider: 'AWS', keyId: KEY_IDS.AWS[1] } },
      { id: SNAPSHOT_IDS[2], cluster: 'scratch', createdAt: '2026-05-01T06:00:00Z' },
    ],
  },
  clusters: ['orders', 'reporting', 'scratch', 'frozen', 'sandbox'],
  snapshots: [...SNAPSHOT_IDS],
};

export const BASES = { ear: EAR_BASE, full: FULL_BASE } as const;
