import type { JsonSchema } from './json-schema';
import { backupScheduleRequestSchema } from './schemas/backup-schedule';
import { cluster20240805Schema } from './schemas/cluster-20240805';
import { cluster20240805CreateSchema, clusterLegacyCreateSchema } from './schemas/cluster-create';
import { clusterLegacySchema } from './schemas/cluster-legacy';
import { encryptionAtRestRequestSchema } from './schemas/encryption-at-rest';
import { projectConfigSchema } from './schemas/project-config';
import { restoreJobRequestSchema } from './schemas/restore-job';
import { snapshotRequestSchema, snapshotRetentionSchema } from './schemas/snapshot';

/**
 * Every schema by name. The name is the last part of its `$id`, and what `validate` takes.
 * | name | body |
 * |---|---|
 * | encryption-at-rest.request | PATCH encryptionAtRest (v1.0, v2 2023-01-01) |
 * | cluster.legacy | POST/PATCH clusters, v1.0 and v2 2023-01-01 |
 * | cluster.20240805 | POST/PATCH clusters, v2 2024-08-05 and 2024-10-23 |
 * | cluster.legacy.create / cluster.20240805.create | POST clusters: the above, plus a name and where the cluster runs |
 * | snapshot.request / snapshot.retention | POST snapshots / PATCH a snapshot |
 * | restore-job.request | POST restoreJobs |
 * | backup-schedule.request | PATCH backup/schedule (2023-01-01 and 2024-08-05) |
 * | project-config | the YAML project config |
 */
export const SCHEMAS = {
  'encryption-at-rest.request': encryptionAtRestRequestSchema,
  'cluster.legacy': clusterLegacySchema,
  'cluster.20240805': cluster20240805Schema,
  'cluster.legacy.create': clusterLegacyCreateSchema,
  'cluster.20240805.create': cluster20240805CreateSchema,
  'snapshot.request': snapshotRequestSchema,
  'snapshot.retention': snapshotRetentionSchema,
  'restore-job.request': restoreJobRequestSchema,
  'backup-schedule.request': backupScheduleRequestSchema,
  'project-config': projectConfigSchema,
} as const satisfies Record<string, JsonSchema & { readonly $id: string }>;

export type SchemaName = keyof typeof SCHEMAS;

export const SCHEMA_NAMES = Object.keys(SCHEMAS) as readonly SchemaName[];

/**
 * The identifier under which the precompiled validator of a schema is exported.
 * @example validatorExportName('cluster.20240805') // → 'cluster20240805'
 */
export function validatorExportName(name: SchemaName): string {
  return name.replace(/[^a-zA-Z0-9]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}
