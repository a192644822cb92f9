// The resources a soak run fights over: one or two projects of its own (loaded through the
// control API, so a running mock can be soaked as well as an in-process one), each with AWS
// customer-key Encryption at Rest, two KMS keys to switch between, and a handful of M10
// clusters with Cloud Backup. Every value a client writes comes from the small sets below, so
// that clients keep overwriting each other's values.
import { randomBytes } from 'node:crypto';

/** The versions the soak asks for: the 2024-08-05 cluster layout, and 2023-01-01 for the legacy layout and everything else. */
export const V20240805 = 'application/vnd.atlas.2024-08-05+json';
export const V20230101 = 'application/vnd.atlas.2023-01-01+json';

/** One project of a run. */
export interface SoakProject {
  readonly groupId: string;
  readonly name: string;
  readonly clusters: readonly string[];
}

/** Everything a run is set up with. */
export interface SoakWorld {
  readonly projects: readonly SoakProject[];
  /** The two AWS KMS key ids each project's encryptionAtRest switches between. */
  readonly keys: readonly [string, string];
}

/** The cluster fields clients write (last writer wins per field). */
export interface ClusterFields {
  readonly diskSizeGB: number;
  readonly pitEnabled: boolean;
  readonly encryptionAtRestProvider: string;
}

/** The encryptionAtRest fields clients write. */
export interface EarFields {
  readonly customerMasterKeyID: string;
  readonly enabledForSearchNodes: boolean;
}

/** The backup schedule fields clients write; `policyItems` normalised by policyItemsKey. */
export interface ScheduleFields {
  readonly referenceHourOfDay: number;
  readonly referenceMinuteOfHour: number;
  readonly restoreWindowDays: number;
  readonly policyItems: string;
}

export const DISK_SIZES: readonly number[] = [10, 20, 32, 40, 64];
export const EAR_PROVIDERS: readonly string[] = ['AWS', 'NONE'];

/** One policy item as the schedule PATCH sends it. */
export interface PolicyItemBody {
  readonly frequencyType: string;
  readonly frequencyInterval: number;
  readonly retentionUnit: string;
  readonly retentionValue: number;
}

/** The policy item lists a schedule PATCH chooses from (hourly intervals of 6 h or more: S0:95's base schedule). */
export const POLICY_VARIANTS: readonly (readonly PolicyItemBody[])[] = [
  [
    { frequencyType: 'hourly', frequencyInterval: 6, retentionUnit: 'days', retentionValue: 7 },
    { frequencyType: 'daily', frequencyInterval: 1, retentionUnit: 'days', retentionValue: 7 },
  ],
  [{ frequencyType: 'hourly', frequencyInterval: 12, retentionUnit: 'days', retentionValue: 3 }],
  [
    { frequencyType: 'daily', frequencyInterval: 1, retentionUnit: 'days', retentionValue: 14 },
    { frequencyType: 'weekly', frequencyInterval: 6, retentionUnit: 'weeks', retentionValue: 4 },
  ],
];

/**
 * A schedule's policy items as one comparable string (ids left out: the mock mints new ones).
 * @example policyItemsKey([{ policyItems: [{ frequencyType: 'hourly', frequencyInterval: 6, retentionUnit: 'days', retentionValue: 7 }] }]) // 'hourly/6/days/7'
 */
export function policyItemsKey(policies: readonly { readonly policyItems?: readonly Partial<PolicyItemBody>[] }[]): string {
  return policies
    .map((p) => (p.policyItems ?? []).map((i) => `${i.frequencyType}/${i.frequencyInterval}/${i.retentionUnit}/${i.retentionValue}`).join(','))
    .join('|');
}

/** The fields every cluster starts with (config and re-creates alike, unless the create body says otherwise). */
export const INITIAL_CLUSTER: ClusterFields = { diskSizeGB: 20, pitEnabled: false, encryptionAtRestProvider: 'AWS' };

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * The resources of a run: fresh project ids (so a long-running mock can be soaked again) and
 * fixed cluster names `soak-0`, `soak-1`, …
 * @example soakWorld(2, 3).projects[0].clusters // ['soak-0', 'soak-1', 'soak-2']
 */
export function soakWorld(projects: number, clustersPerProject: number): SoakWorld {
  const tag = hex(4);
  const keys: [string, string] = [`${hex(4)}-1111-4111-8111-${hex(6)}`, `${hex(4)}-2222-4222-8222-${hex(6)}`];
  return {
    keys,
    projects: Array.from({ length: projects }, (_, p) => ({
      groupId: `${tag}${hex(8)}`,
      name: `soak-${tag}-${p}`,
      clusters: Array.from({ length: clustersPerProject }, (_, c) => `soak-${c}`),
    })),
  };
}

/** A region config of the 2024-08-05 layout with the given disk size. */
function replicationSpecs(diskSizeGB: number): unknown[] {
  return [
    {
      zoneName: 'Zone 1',
      regionConfigs: [{ providerName: 'AWS', regionName: 'US_EAST_1', priority: 7, electableSpecs: { instanceSize: 'M10', nodeCount: 3, diskSizeGB } }],
    },
  ];
}

/**
 * The body of POST /clusters (2024-08-05 layout), also the config's cluster entry.
 * @example createClusterBody('soak-0', INITIAL_CLUSTER)
 */
export function createClusterBody(name: string, fields: ClusterFields): Record<string, unknown> {
  return {
    name,
    clusterType: 'REPLICASET',
    backupEnabled: true,
    pitEnabled: fields.pitEnabled,
    encryptionAtRestProvider: fields.encryptionAtRestProvider,
    replicationSpecs: replicationSpecs(fields.diskSizeGB),
  };
}

/** The 2024-08-05 PATCH fragment that sets the disk size. */
export function diskSizePatch20240805(diskSizeGB: number): Record<string, unknown> {
  return { replicationSpecs: replicationSpecs(diskSizeGB) };
}

/**
 * The project config POST /_mock/projects loads for one project of the run.
 * @example projectConfig(world.projects[0], world.keys)
 */
export function projectConfig(project: SoakProject, keys: readonly [string, string]): Record<string, unknown> {
  return {
    version: 1,
    project: { name: project.name, id: project.groupId },
    encryptionAtRest: { awsKms: { enabled: true, customerMasterKeyID: keys[0], region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' } },
    kms: { keys: keys.map((keyId) => ({ provider: 'AWS', keyId, state: 'ENABLED' })) },
    clusters: project.clusters.map((name) => createClusterBody(name, INITIAL_CLUSTER)),
  };
}
