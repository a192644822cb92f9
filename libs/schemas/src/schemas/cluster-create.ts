// What POST /groups/{groupId}/clusters needs beyond the layouts' schemas, which also describe
// PATCH bodies and so leave the name and the placement optional. The mock's create validates
// against these, and the project config's clusters (created when a file is loaded) refer to them,
// so the API and the linter refuse the same bodies with the same findings.
import type { JsonSchema } from '../json-schema';
import { DRAFT_07, schemaId, schemaRef } from './common';

/**
 * Some zone of a legacy body names a region: a `replicationSpecs[].regionsConfig` or the
 * `replicationSpec` map has a key. "Some spec", as below, is "not every spec lacks it".
 */
const LEGACY_ZONES_PLACE_A_REGION: JsonSchema = {
  anyOf: [
    {
      required: ['replicationSpecs'],
      properties: {
        replicationSpecs: {
          type: 'array',
          not: { items: { not: { type: 'object', required: ['regionsConfig'], properties: { regionsConfig: { type: 'object', minProperties: 1 } } } } },
        },
      },
    },
    { required: ['replicationSpec'], properties: { replicationSpec: { type: 'object', minProperties: 1 } } },
  ],
};

/**
 * What a legacy create needs besides a name and providerSettings: a tier for every cloud and
 * TENANT (FLEX has one size), then a region in providerSettings or in a zone. Neither is defaulted: Atlas
 * documents no default, and a mock that invents a cloud or a size misleads (found by the request
 * fuzzer: such clusters were created with no region, or as a dedicated M10).
 */
const LEGACY_CREATE_NEEDS: readonly JsonSchema[] = [
  {
    properties: {
      providerSettings: {
        if: { type: 'object', required: ['providerName'], properties: { providerName: { enum: ['AWS', 'AZURE', 'GCP', 'TENANT'] } } },
        then: { type: 'object', required: ['instanceSizeName'], properties: { instanceSizeName: true } },
      },
    },
  },
  {
    if: { required: ['providerSettings'], properties: { providerSettings: { type: 'object' } }, not: LEGACY_ZONES_PLACE_A_REGION },
    then: { properties: { providerSettings: { type: 'object', required: ['regionName'], properties: { regionName: true } } } },
  },
];

/** A v1.0 / 2023-01-01 create: a name, providerSettings, a tier (FLEX aside) and a region. */
export const clusterLegacyCreateSchema = {
  $schema: DRAFT_07,
  $id: schemaId('cluster.legacy.create'),
  title: 'Cluster create (v1.0 and v2 2023-01-01 layout)',
  description: 'The body of POST /groups/{groupId}/clusters in API v1.0 and v2 media type 2023-01-01.',
  type: 'object',
  allOf: [schemaRef('cluster.legacy'), { required: ['name', 'providerSettings'], properties: { name: true, providerSettings: true } }, ...LEGACY_CREATE_NEEDS],
} as const satisfies JsonSchema;

/** A 2024-08-05 / 2024-10-23 create: a name and replicationSpecs. */
export const cluster20240805CreateSchema = {
  $schema: DRAFT_07,
  $id: schemaId('cluster.20240805.create'),
  title: 'Cluster create (v2 2024-08-05 layout)',
  description: 'The body of POST /groups/{groupId}/clusters in API v2 media types 2024-08-05 and 2024-10-23.',
  type: 'object',
  allOf: [schemaRef('cluster.20240805'), { required: ['name', 'replicationSpecs'], properties: { name: true, replicationSpecs: true } }],
} as const satisfies JsonSchema;
