import {
  AWS_INSTANCE_SIZES,
  AWS_REGIONS,
  AWS_VOLUME_TYPES,
  AZURE_DISK_TYPE_NAMES,
  AZURE_INSTANCE_SIZES,
  AZURE_REGIONS,
  BACKING_PROVIDER_NAMES,
  DISK_SIZE_GB,
  ELECTABLE_NODE_COUNTS,
  FLEX_INSTANCE_SIZES,
  GCP_INSTANCE_SIZES,
  GCP_REGIONS,
  LEGACY_PROVIDER_NAMES,
  NUM_SHARDS,
  REGION_PRIORITY,
  REPLICATION_FACTORS,
  TENANT_EFFECTIVE_INSTANCE_SIZES,
  TENANT_INSTANCE_SIZES,
} from '../atlas-enums';
import type { JsonProperties, JsonSchema } from '../json-schema';
import { sharedClusterProperties, sharedReadOnlyClusterProperties } from './cluster-common';
import { arrayOf, bool, closedObject, DRAFT_07, int, objectId, readOnly, schemaId, str, stringEnum, taggedUnion } from './common';
import { ALL_REGIONS, REGIONS_OF_PROVIDER } from './regions';

function computeLimits(sizes: readonly string[], cloud: string): JsonSchema {
  return closedObject(
    {
      minInstanceSize: stringEnum(sizes, `Smallest ${cloud} instance size compute auto-scaling may scale down to.`),
      maxInstanceSize: stringEnum(sizes, `Largest ${cloud} instance size compute auto-scaling may scale up to.`),
    },
    { description: 'Compute auto-scaling bounds.' },
  );
}

function providerAutoScaling(sizes: readonly string[], cloud: string): JsonSchema {
  return closedObject({ compute: computeLimits(sizes, cloud) }, { description: 'Auto-scaling bounds of this provider.' });
}

/** The shape of providerSettings for one providerName. */
function shape(providerName: string, properties: JsonProperties): JsonSchema {
  return closedObject({ providerName: { const: providerName }, ...properties });
}

function dedicated(cloud: string, sizes: readonly string[], regions: readonly string[], extra: JsonProperties): JsonProperties {
  return {
    instanceSizeName: stringEnum(sizes, `${cloud} instance size (tier) of the cluster.`),
    regionName: stringEnum(regions, `${cloud} region of the cluster.`),
    autoScaling: providerAutoScaling(sizes, cloud),
    ...extra,
  };
}

function shared(kind: string, sizes: readonly string[], extra: JsonProperties): JsonProperties {
  return {
    instanceSizeName: stringEnum(sizes, `${kind} instance size.`),
    regionName: stringEnum(ALL_REGIONS, `Region of the backing provider (any cloud's region name; the spec leaves it open).`),
    backingProviderName: stringEnum(BACKING_PROVIDER_NAMES, `Cloud that hosts the ${kind} cluster.`),
    ...extra,
  };
}

/** Every provider name of the spec's discriminator mapping, each with its own shape. */
const PROVIDER_SHAPES: Readonly<Record<(typeof LEGACY_PROVIDER_NAMES)[number], () => JsonSchema>> = {
  AWS: () =>
    shape(
      'AWS',
      dedicated('AWS', AWS_INSTANCE_SIZES, AWS_REGIONS, {
        diskIOPS: int('Provisioned IOPS of the EBS volume.'),
        encryptEBSVolume: { ...bool('Deprecated: EBS volumes are always encrypted.'), deprecated: true },
        volumeType: stringEnum(AWS_VOLUME_TYPES, 'EBS volume type.'),
      }),
    ),
  AZURE: () => shape('AZURE', dedicated('Azure', AZURE_INSTANCE_SIZES, AZURE_REGIONS, { diskTypeName: stringEnum(AZURE_DISK_TYPE_NAMES, 'Azure disk tier.') })),
  GCP: () => shape('GCP', dedicated('Google Cloud', GCP_INSTANCE_SIZES, GCP_REGIONS, {})),
  TENANT: () =>
    shape(
      'TENANT',
      shared('Shared-tier', TENANT_INSTANCE_SIZES, {
        autoScaling: providerAutoScaling(TENANT_INSTANCE_SIZES, 'shared-tier'),
        effectiveInstanceSizeName: readOnly(stringEnum(TENANT_EFFECTIVE_INSTANCE_SIZES, 'Instance size the tenant cluster actually runs on.')),
      }),
    ),
  FLEX: () => shape('FLEX', shared('Flex', FLEX_INSTANCE_SIZES, {})),
};

function providerSettings(): JsonSchema {
  return taggedUnion(
    'providerName',
    stringEnum(LEGACY_PROVIDER_NAMES, 'Cloud provider, or TENANT (M0/M2/M5) or FLEX.'),
    Object.fromEntries(LEGACY_PROVIDER_NAMES.map((name) => [name, PROVIDER_SHAPES[name]()])),
    'Cloud provider, tier and region of the cluster. providerName selects which other attributes apply.',
  );
}

function regionSpec(): JsonSchema {
  return closedObject(
    {
      electableNodes: { type: 'integer', enum: ELECTABLE_NODE_COUNTS, description: 'Electable nodes in this region: 0, 3, 5 or 7.' },
      readOnlyNodes: int('Read-only nodes in this region.'),
      analyticsNodes: int('Analytics nodes in this region.'),
      priority: { ...int('Election priority of the region; 7 is the highest.'), ...REGION_PRIORITY },
    },
    { description: 'Nodes of one region.' },
  );
}

/** A map from region name to its nodes; the keys are checked against every cloud's regions. */
function regionsMap(description: string): JsonSchema {
  return {
    type: 'object',
    description,
    propertyNames: { enum: ALL_REGIONS },
    additionalProperties: regionSpec(),
  };
}

function replicationSpec(): JsonSchema {
  return closedObject(
    {
      id: objectId('Id of this zone.'),
      // The spec says only "positive"; Atlas reports a zone's count as the cluster's numShards,
      // which is 1 to 50, so a zone's is too (found by the request fuzzer: the mock echoed -2045695097).
      numShards: { ...int('Shards in this zone: 1 to 50.'), ...NUM_SHARDS },
      zoneName: str('Name of the zone of a global cluster.'),
      regionsConfig: regionsMap('Regions of this zone and their nodes, keyed by region name.'),
    },
    { description: 'One zone of the cluster.' },
  );
}

function clusterAutoScaling(): JsonSchema {
  return closedObject(
    {
      compute: closedObject(
        {
          enabled: bool('Whether the instance size scales up automatically.'),
          scaleDownEnabled: bool('Whether the instance size may also scale down.'),
        },
        { description: 'Compute auto-scaling switches (bounds live in providerSettings.autoScaling).' },
      ),
      diskGBEnabled: bool('Whether storage grows automatically.'),
      autoIndexingEnabled: bool('v1.0 only: whether the Performance Advisor builds indexes automatically.'),
    },
    { description: 'Auto-scaling switches.' },
  );
}

/**
 * A zone's regions are regions of the cluster's cloud: when the body names a dedicated provider
 * (a create always does), the keys of `replicationSpec` and of each `regionsConfig` must be its
 * regions. Without this, an AWS cluster took a GCP region and the mock reported it as an AWS
 * regionName the contract refuses (found by the request fuzzer, tools/conformance/src/fuzz).
 */
function regionKeysOfTheProvider(): JsonSchema[] {
  return Object.entries(REGIONS_OF_PROVIDER).map(([providerName, names]): JsonSchema => {
    const keys: JsonSchema = { type: 'object', propertyNames: { enum: names } };
    return {
      if: {
        required: ['providerSettings'],
        properties: { providerSettings: { type: 'object', required: ['providerName'], properties: { providerName: { const: providerName } } } },
      },
      then: {
        properties: { replicationSpec: keys, replicationSpecs: { type: 'array', items: { type: 'object', properties: { regionsConfig: keys } } } },
      },
    };
  });
}

/** The legacy cluster body: v1.0 `/clusters` and v2 media type 2023-01-01 (`LegacyAtlasCluster`). */
export const clusterLegacySchema = {
  $schema: DRAFT_07,
  $id: schemaId('cluster.legacy'),
  title: 'Cluster (v1.0 and v2 2023-01-01 layout)',
  description: 'The body of POST/PATCH /groups/{groupId}/clusters in API v1.0 and v2 media type 2023-01-01 (LegacyAtlasCluster).',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...sharedClusterProperties(),
    providerSettings: providerSettings(),
    backupEnabled: bool('v1.0: legacy (continuous) backup, which cannot be combined with a customer key. Use providerBackupEnabled for Cloud Backup.'),
    providerBackupEnabled: bool('Cloud Backup (M10 and up).'),
    diskSizeGB: { type: 'number', ...DISK_SIZE_GB, description: 'Storage per data-bearing node, in GB.' },
    numShards: { ...int('Shards of a sharded cluster.'), ...NUM_SHARDS },
    replicationFactor: { type: 'integer', enum: REPLICATION_FACTORS, deprecated: true, description: 'Deprecated: nodes of a single-region cluster; use replicationSpecs.' },
    replicationSpec: regionsMap('Legacy single-zone form of replicationSpecs[].regionsConfig; do not send both.'),
    replicationSpecs: arrayOf(replicationSpec(), 'Zones of the cluster and the regions of each.'),
    autoScaling: clusterAutoScaling(),
    deleteAfterCreationHours: int('Hours after creation at which Atlas deletes the cluster; 0 for never.'),
    ...sharedReadOnlyClusterProperties(),
    deleteAfterDate: readOnly({ type: 'string', format: 'date-time', description: 'When Atlas deletes the cluster.' }),
    mongoURI: readOnly(str('Legacy connection string.')),
    mongoURIUpdated: readOnly({ type: 'string', format: 'date-time', description: 'When mongoURI last changed.' }),
    mongoURIWithOptions: readOnly(str('Legacy connection string with options.')),
    srvAddress: readOnly(str('mongodb+srv:// address.')),
  },
  allOf: regionKeysOfTheProvider(),
} satisfies JsonSchema;
