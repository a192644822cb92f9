import { RETENTION_IN_DAYS, SNAPSHOT_RETENTION_UNITS } from '../atlas-enums';
import type { JsonSchema } from '../json-schema';
import { DRAFT_07, int, links, schemaId, str, stringEnum } from './common';

/** POST /clusters/{clusterName}/backup/snapshots (`DiskBackupOnDemandSnapshotRequest`). */
export const snapshotRequestSchema = {
  $schema: DRAFT_07,
  $id: schemaId('snapshot.request'),
  title: 'On-demand snapshot',
  description: 'The body of POST /groups/{groupId}/clusters/{clusterName}/backup/snapshots.',
  type: 'object',
  additionalProperties: false,
  properties: {
    description: str('Why the snapshot is taken.'),
    retentionInDays: { ...int('Days to keep the snapshot.'), ...RETENTION_IN_DAYS },
    links: links(),
  },
} satisfies JsonSchema;

/** PATCH /clusters/{clusterName}/backup/snapshots/{snapshotId} (`BackupSnapshotRetention`). */
export const snapshotRetentionSchema = {
  $schema: DRAFT_07,
  $id: schemaId('snapshot.retention'),
  title: 'Snapshot retention',
  description: 'The body of PATCH /groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}.',
  type: 'object',
  additionalProperties: false,
  required: ['retentionUnit', 'retentionValue'],
  properties: {
    retentionUnit: stringEnum(SNAPSHOT_RETENTION_UNITS, 'Unit of retentionValue (upper case, unlike policy items).'),
    retentionValue: int('How long to keep the snapshot, in retentionUnit.'),
    links: links(),
  },
} satisfies JsonSchema;
