import {
  ADAPTIVE_CAPACITY_MODES,
  AWS_INSTANCE_SIZES,
  AWS_REGIONS,
  AWS_VOLUME_TYPES,
  AZURE_INSTANCE_SIZES,
  AZURE_REGIONS,
  BACKING_PROVIDER_NAMES,
  GCP_INSTANCE_SIZES,
  GCP_REGIONS,
  INTERNAL_CLUSTER_ROLES,
  REGION_CONFIG_PROVIDER_NAMES,
  REGION_PRIORITY,
  TENANT_EFFECTIVE_INSTANCE_SIZES,
  TENANT_INSTANCE_SIZES,
} from '../atlas-enums';
import type { JsonProperties, JsonSchema } from '../json-schema';
import { sharedClusterProperties, sharedReadOnlyClusterProperties } from './cluster-common';
import { arrayOf, bool, closedObject, DRAFT_07, int, objectId, readOnly, schemaId, str, stringEnum, taggedUnion } from './common';
import { ALL_REGIONS } from './regions';

function hardwareSpec(cloud: string, sizes: readonly string[], extra: JsonProperties = {}): JsonSchema {
  return closedObject(
    {
      instanceSize: stringEnum(sizes, `${cloud} instance size (tier) of these nodes.`),
      nodeCount: int('Number of nodes of this kind in the region.'),
      diskSizeGB: { type: 'number', description: 'Storage per node, in GB.' },
      ...extra,
    },
    { description: `Hardware of one kind of node on ${cloud}.` },
  );
}

const HARDWARE = {
  AWS: () =>
    hardwareSpec('AWS', AWS_INSTANCE_SIZES, {
      diskIOPS: int('Provisioned IOPS of the EBS volume.'),
      ebsVolumeType: stringEnum(AWS_VOLUME_TYPES, 'EBS volume type.'),
      diskThroughput: readOnly(int('Disk throughput in MB/s.')),
    }),
  AZURE: () => hardwareSpec('Azure', AZURE_INSTANCE_SIZES, { diskIOPS: int('Disk IOPS.') }),
  GCP: () => hardwareSpec('Google Cloud', GCP_INSTANCE_SIZES),
};

function advancedAutoScaling(cloud: string, sizes: readonly string[]): JsonSchema {
  return closedObject(
    {
      compute: closedObject(
        {
          enabled: bool('Whether the instance size scales up automatically.'),
          scaleDownEnabled: bool('Whether the instance size may also scale down.'),
          minInstanceSize: stringEnum(sizes, `Smallest ${cloud} instance size to scale down to.`),
          maxInstanceSize: stringEnum(sizes, `Largest ${cloud} instance size to scale up to.`),
        },
        { description: 'Compute auto-scaling.' },
      ),
      diskGB: closedObject({ enabled: bool('Whether storage grows automatically.') }, { description: 'Storage auto-scaling.' }),
    },
    { description: 'Auto-scaling of these nodes.' },
  );
}

const priority = (): JsonSchema => ({ ...int('Election priority of the region; 7 is the highest, 0 for read-only regions.'), ...REGION_PRIORITY });

type Dedicated = keyof typeof HARDWARE;

// Each cloud's hardware and auto-scaling shapes appear six and two times per region config;
// naming them once keeps the compiled validators and the editor schema a third smaller.
const local = (definition: string): JsonSchema => ({ $ref: `#/definitions/${definition}` });
const hardwareRef = (providerName: Dedicated): JsonSchema => local(`${providerName}HardwareSpec`);
const autoScalingRef = (providerName: Dedicated): JsonSchema => local(`${providerName}AutoScaling`);

/** The shape of a region config for one dedicated provider: its regions, sizes and attributes. */
function dedicatedRegionConfig(providerName: Dedicated, cloud: string, regions: readonly string[]): JsonSchema {
  return closedObject(
    {
      providerName: { const: providerName },
      regionName: stringEnum(regions, `${cloud} region of these nodes.`),
      priority: priority(),
      electableSpecs: hardwareRef(providerName),
      readOnlySpecs: hardwareRef(providerName),
      analyticsSpecs: hardwareRef(providerName),
      autoScaling: autoScalingRef(providerName),
      analyticsAutoScaling: autoScalingRef(providerName),
      effectiveElectableSpecs: readOnly(hardwareRef(providerName)),
      effectiveReadOnlySpecs: readOnly(hardwareRef(providerName)),
      effectiveAnalyticsSpecs: readOnly(hardwareRef(providerName)),
    },
    { required: ['regionName'] },
  );
}

function tenantRegionConfig(): JsonSchema {
  return closedObject(
    {
      providerName: { const: 'TENANT' },
      regionName: stringEnum(ALL_REGIONS, 'Region of the backing provider (any cloud\'s region name; the spec leaves it open).'),
      priority: priority(),
      backingProviderName: stringEnum(BACKING_PROVIDER_NAMES, 'Cloud that hosts the shared-tier cluster.'),
      electableSpecs: closedObject(
        {
          instanceSize: stringEnum(TENANT_INSTANCE_SIZES, 'Shared-tier instance size.'),
          diskSizeGB: { type: 'number', description: 'Storage, in GB.' },
          effectiveInstanceSize: readOnly(stringEnum(TENANT_EFFECTIVE_INSTANCE_SIZES, 'Instance size the tenant cluster actually runs on.')),
        },
        { description: 'Hardware of the shared-tier cluster.' },
      ),
    },
    { required: ['regionName'] },
  );
}

const REGION_CONFIG_SHAPES: Readonly<Record<(typeof REGION_CONFIG_PROVIDER_NAMES)[number], () => JsonSchema>> = {
  AWS: () => dedicatedRegionConfig('AWS', 'AWS', AWS_REGIONS),
  AZURE: () => dedicatedRegionConfig('AZURE', 'Azure', AZURE_REGIONS),
  GCP: () => dedicatedRegionConfig('GCP', 'Google Cloud', GCP_REGIONS),
  TENANT: tenantRegionConfig,
};

function regionConfig(): JsonSchema {
  return taggedUnion(
    'providerName',
    stringEnum(REGION_CONFIG_PROVIDER_NAMES, 'Cloud provider, or TENANT for M0/M2/M5.'),
    Object.fromEntries(REGION_CONFIG_PROVIDER_NAMES.map((name) => [name, REGION_CONFIG_SHAPES[name]()])),
    'Nodes of one region. providerName selects the regions, instance sizes and attributes that apply.',
  );
}

function replicationSpec(): JsonSchema {
  return closedObject(
    {
      id: readOnly(objectId('Id of this shard\'s replication spec.')),
      zoneId: readOnly(objectId('Id of the zone.')),
      zoneName: str('Name of the zone of a global cluster.'),
      regionConfigs: arrayOf(regionConfig(), 'Regions of this shard, each with its provider and nodes.'),
    },
    { description: 'One shard (or the replica set) and the regions it spans.' },
  );
}

/** The cluster body of v2 media types 2024-08-05 and 2024-10-23 (`ClusterDescription20240805`). */
export const cluster20240805Schema = {
  $schema: DRAFT_07,
  $id: schemaId('cluster.20240805'),
  title: 'Cluster (v2 2024-08-05 and 2024-10-23 layout)',
  description:
    'The body of POST/PATCH /groups/{groupId}/clusters in API v2 media types 2024-08-05 and 2024-10-23 (ClusterDescription20240805): one replicationSpecs entry per shard.',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...sharedClusterProperties(),
    backupEnabled: bool('Cloud Backup (in this layout backupEnabled is not legacy backup).'),
    replicationSpecs: arrayOf(local('replicationSpec'), 'Shards of the cluster and the regions of each.'),
    redactClientLogData: bool('Whether client data is redacted from logs.'),
    retainBackups: bool('Whether snapshots are kept after the cluster is deleted.'),
    useAwsTimeBasedSnapshotCopyForFastInitialSync: bool('Whether initial sync of new nodes copies time-based AWS snapshots.'),
    adaptiveCapacity: {
      type: ['string', 'null'],
      enum: [...ADAPTIVE_CAPACITY_MODES, null],
      description: 'Adaptive capacity, or null for the default.',
    },
    ...sharedReadOnlyClusterProperties(),
    effectiveReplicationSpecs: readOnly(arrayOf(local('replicationSpec'), 'Replication specs as Atlas runs them.')),
    internalClusterRole: readOnly(stringEnum(INTERNAL_CLUSTER_ROLES, 'Internal role of the cluster.')),
  },
  definitions: {
    replicationSpec: replicationSpec(),
    AWSHardwareSpec: HARDWARE.AWS(),
    AZUREHardwareSpec: HARDWARE.AZURE(),
    GCPHardwareSpec: HARDWARE.GCP(),
    AWSAutoScaling: advancedAutoScaling('AWS', AWS_INSTANCE_SIZES),
    AZUREAutoScaling: advancedAutoScaling('Azure', AZURE_INSTANCE_SIZES),
    GCPAutoScaling: advancedAutoScaling('Google Cloud', GCP_INSTANCE_SIZES),
  },
} satisfies JsonSchema;
