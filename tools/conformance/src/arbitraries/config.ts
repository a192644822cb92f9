// Random project configs: the intents of ear.ts, clusters.ts and backups.ts resolved against one
// another into a file, kept inside the domain on which the tools are meant to agree (see
// known-divergences.ts), and now and then broken against the schema.
import fc from 'fast-check';
import { CLOUD_PROVIDERS, EAR_DOCUMENT, KEY_ID_FIELD, backupModeOf, clusterFromAnyLayout } from '@mock-atlas/domain';
import { restoreJobDrawArb, scheduleDrawArb, snapshotDrawArb, type ClusterPick, type KeyPick } from './backups';
import { clusterDrawArb, type ProviderIntent } from './clusters';
import { compact, mostly } from './choice';
import { encryptionAtRestArb, kmsKeysArb } from './ear';
import { CLUSTER_NAMES, GHOST_CLUSTER, KEY_IDS, PROJECTS, SNAPSHOT_IDS, groupIdOf } from './pools';

type Doc = Record<string, unknown>;

/** Schema breaks, one at most per config, each in a place the API's own schema checks too (or in a fixture). */
const SCHEMA_BREAKS = [
  'aws-region-enum',
  'ear-enabled-type',
  'cluster-disk-range',
  'cluster-unknown-field',
  'delivery-type-enum',
  'policy-interval-enum',
  'kms-state-enum',
] as const;
type SchemaBreak = (typeof SCHEMA_BREAKS)[number];

const drawArb = fc.record({
  project: fc.constantFrom(...PROJECTS),
  encryptionAtRest: encryptionAtRestArb,
  keys: kmsKeysArb,
  // Distinct names, now and then a repeated one (the API refuses the second with DUPLICATE_CLUSTER_NAME).
  clusters: mostly(
    fc.uniqueArray(fc.record({ name: fc.constantFrom(...CLUSTER_NAMES), draw: clusterDrawArb }), { minLength: 1, maxLength: 3, selector: (c) => c.name }),
    fc.array(fc.record({ name: fc.constantFrom(...CLUSTER_NAMES), draw: clusterDrawArb }), { minLength: 2, maxLength: 3 }),
    8,
  ),
  snapshots: fc.array(snapshotDrawArb, { maxLength: SNAPSHOT_IDS.length }),
  schedules: fc.array(scheduleDrawArb, { maxLength: 2 }),
  restoreJobs: fc.array(restoreJobDrawArb, { maxLength: 2 }),
  credentials: mostly(fc.constant(undefined), fc.record({ literal: fc.boolean() }), 4),
  schemaBreak: mostly(fc.constant(undefined), fc.record({ kind: fc.constantFrom(...SCHEMA_BREAKS), index: fc.nat(2) }), 12),
});
type Draw = typeof drawArb extends fc.Arbitrary<infer T> ? T : never;

/** Providers the file's encryptionAtRest turns on. */
function enabledProviders(ear: Doc | undefined): string[] {
  return CLOUD_PROVIDERS.filter((p) => (ear?.[EAR_DOCUMENT[p]] as Doc | undefined)?.['enabled'] === true);
}

function resolveProvider(intent: ProviderIntent, enabled: readonly string[], i: number): string | undefined {
  if (intent === 'absent') return undefined;
  if (intent === 'enabled') return enabled.length === 0 ? 'NONE' : enabled[i % enabled.length];
  return intent;
}

function clusterName(pick: ClusterPick, clusters: readonly Doc[]): string {
  if (pick === 'ghost' || clusters.length === 0) return GHOST_CLUSTER;
  return clusters[pick.index % clusters.length]!['name'] as string;
}

/** The key a cluster's provider document names, if the cluster uses a customer key. */
function keyOfCluster(name: string, clusters: readonly Doc[], ear: Doc | undefined): { provider: string; keyId: string } | undefined {
  const provider = clusters.find((c) => c['name'] === name)?.['encryptionAtRestProvider'];
  const p = CLOUD_PROVIDERS.find((cloud) => cloud === provider);
  if (!p) return undefined;
  const keyId = (ear?.[EAR_DOCUMENT[p]] as Doc | undefined)?.[KEY_ID_FIELD[p]];
  return typeof keyId === 'string' ? { provider: p, keyId } : undefined;
}

function snapshotKey(pick: KeyPick, cluster: string, clusters: readonly Doc[], ear: Doc | undefined): unknown {
  if (pick === 'none') return undefined;
  if (pick !== 'cluster' && pick !== 'previous') return { ...pick };
  const current = keyOfCluster(cluster, clusters, ear);
  if (!current || pick === 'cluster') return current;
  const provider = current.provider as keyof typeof KEY_IDS;
  return { provider, keyId: KEY_IDS[provider].find((k) => k !== current.keyId) };
}

/**
 * Restore jobs inside the agreement domain: jobs may name undeclared clusters, snapshots their
 * cluster has no fixture for, or no snapshot at all; but one restore at most writes into each
 * target (known divergence `concurrent-restores-into-one-target`) and targetGroupId is always the
 * project's own (`foreign-target-project`).
 */
function restoreJobsOf(draw: Draw, clusters: readonly Doc[], snapshots: readonly Doc[]): Doc[] {
  const targets = new Set<unknown>();
  return draw.restoreJobs.flatMap(({ source, target, deliveryType, sendsTargetGroupId, pointInTime }): Doc[] => {
    const fixture = 'snapshot' in source ? snapshots[source.snapshot % Math.max(1, snapshots.length)] : undefined;
    const cluster = fixture ? fixture['cluster'] : clusterName('cluster' in source ? source.cluster : 'ghost', clusters);
    const named = fixture ? fixture['id'] : 'snapshotId' in source ? source.snapshotId : undefined;
    const job: Doc = compact({
      cluster,
      // A pointInTime job restores the source's oplog; it names a snapshot only when drawn directly.
      snapshotId: deliveryType === 'pointInTime' && fixture ? undefined : named,
      deliveryType,
      targetClusterName: target === 'none' ? undefined : target === 'source' ? cluster : clusterName(target, clusters),
      targetGroupId: sendsTargetGroupId ? groupIdOf(draw.project) : undefined,
      ...(deliveryType === 'pointInTime' ? pointInTime : {}),
    });
    if (job['deliveryType'] !== 'download' && job['targetClusterName'] !== undefined && job['targetGroupId'] !== undefined) {
      if (targets.has(job['targetClusterName'])) return [];
      targets.add(job['targetClusterName']);
    }
    return [job];
  });
}

function breakSchema(config: Doc, kind: SchemaBreak, index: number): void {
  const at = (list: unknown): Doc | undefined => (Array.isArray(list) && list.length > 0 ? (list[index % list.length] as Doc) : undefined);
  const aws = (config['encryptionAtRest'] as Doc | undefined)?.['awsKms'] as Doc | undefined;
  const cluster = at(config['clusters']);
  switch (kind) {
    case 'aws-region-enum':
      if (aws) aws['region'] = 'us-east-1';
      return;
    case 'ear-enabled-type':
      if (aws) aws['enabled'] = 'yes';
      return;
    case 'cluster-disk-range':
      if (cluster && 'providerSettings' in cluster) cluster['diskSizeGB'] = 5;
      return;
    case 'cluster-unknown-field':
      if (cluster) cluster['backupEnable'] = true;
      return;
    case 'delivery-type-enum': {
      const job = at(config['restoreJobs']);
      if (job) job['deliveryType'] = 'copy';
      return;
    }
    case 'policy-interval-enum': {
      const item = (at(config['backupSchedules'])?.['policies'] as { policyItems: Doc[] }[] | undefined)?.[0]?.policyItems[0];
      if (item) item['frequencyInterval'] = 0;
      return;
    }
    case 'kms-state-enum': {
      const key = at((config['kms'] as Doc | undefined)?.['keys']);
      if (key) key['state'] = 'ROTATED';
      return;
    }
  }
}

function assemble(draw: Draw): Doc {
  const ear = draw.encryptionAtRest;
  const enabled = enabledProviders(ear);
  const clusters: Doc[] = draw.clusters.map(({ name, draw: c }, i) =>
    compact({ name, ...c.body, encryptionAtRestProvider: resolveProvider(c.provider, enabled, i) }),
  );
  const snapshots: Doc[] = draw.snapshots.map(({ cluster: pick, key, writesStatus }, i) => {
    const cluster = clusterName(pick, clusters);
    // Completed, said or not (known divergence `restore-of-incomplete-snapshot`).
    return compact({
      id: SNAPSHOT_IDS[i],
      cluster,
      createdAt: '2026-03-01T06:00:00Z',
      status: writesStatus ? 'completed' : undefined,
      encryptionKey: snapshotKey(key, cluster, clusters, ear),
    });
  });
  // A schedule mostly belongs to a declared cluster with Cloud Backup, now and then to one
  // without it (BACKUP_CONFIG_NOT_FOUND) or to none the file declares (CLUSTER_NOT_FOUND).
  const cloudBackup = clusters.filter((c) => backupModeOf(clusterFromAnyLayout(c)) === 'CLOUD');
  const backupSchedules = draw.schedules.flatMap(({ cluster: pick, body }) => {
    if (typeof pick === 'object' && 'cloudBackup' in pick) {
      const owner = cloudBackup[pick.cloudBackup % Math.max(1, cloudBackup.length)];
      return owner ? [{ cluster: owner['name'], ...body }] : [];
    }
    return [{ cluster: clusterName(pick, clusters), ...body }];
  });
  const restoreJobs = restoreJobsOf(draw, clusters, snapshots);
  const nonEmpty = (list: readonly unknown[]) => (list.length > 0 ? list : undefined);
  const credentials = draw.credentials
    ? {
        apiKeys: [
          { publicKey: 'ci-owner', privateKey: draw.credentials.literal ? 'plain-text-key' : '${env:MOCK_ATLAS_OWNER_PRIVATE_KEY}', roles: ['GROUP_OWNER'] },
        ],
        serviceAccounts: [{ clientId: 'mdb_sa_id_ci', clientSecret: '${env:MOCK_ATLAS_SA_SECRET}', roles: ['GROUP_READ_ONLY'] }],
      }
    : {};
  // A fresh structure: fast-check reuses drawn values while shrinking, so nothing drawn is mutated.
  const config: Doc = structuredClone(
    compact({
      version: 1,
      project: { ...draw.project },
      encryptionAtRest: ear,
      kms: draw.keys.length > 0 ? { keys: draw.keys } : undefined,
      clusters: nonEmpty(clusters),
      snapshots: nonEmpty(snapshots),
      backupSchedules: nonEmpty(backupSchedules),
      restoreJobs: nonEmpty(restoreJobs),
      ...credentials,
    }),
  );
  if (draw.schemaBreak) breakSchema(config, draw.schemaBreak.kind, draw.schemaBreak.index);
  return config;
}

/**
 * A random project config, as the value YAML parses to (`toYaml` writes it). Each part mixes
 * valid and rule-breaking choices, the valid ones more often, so that about half the configs are
 * clean; shrinking drops parts and moves choices back to the usual one.
 * @example fc.sample(configArb, 1)[0] // → { version: 1, project: { name: 'conformance', … }, … }
 */
export const configArb: fc.Arbitrary<Doc> = drawArb.map(assemble);
