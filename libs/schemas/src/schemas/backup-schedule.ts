import {
  COPY_CLOUD_PROVIDERS,
  COPY_LAST_NUMBER_OF_SNAPSHOTS,
  COPY_POLICY_FREQUENCY_TYPES,
  COPY_POLICY_ITEMS,
  EXPORT_FREQUENCY_TYPES,
  POLICY_FREQUENCY_INTERVALS,
  POLICY_FREQUENCY_TYPES,
  POLICY_RETENTION_UNITS,
  SCHEDULE_POLICIES,
  SNAPSHOT_FREQUENCIES,
} from '../atlas-enums';
import type { JsonProperties, JsonSchema } from '../json-schema';
import { arrayOf, bool, closedObject, clusterName, dateTime, DRAFT_07, int, links, objectId, readOnly, schemaId, str, stringEnum } from './common';

// Types only for the reference time and restore window, and no `required` on policy
// items: backup/schedule-valid reports those with the schedule's cluster in the message.

function policyItem(): JsonSchema {
  return closedObject(
    {
      id: readOnly(objectId('Id of the policy item.')),
      frequencyType: stringEnum(POLICY_FREQUENCY_TYPES, 'How often the snapshot is taken.'),
      frequencyInterval: { type: 'integer', enum: POLICY_FREQUENCY_INTERVALS, description: 'Which instance of frequencyType: hours for hourly, weekday for weekly, day of month (40 = last) for monthly, month for yearly.' },
      retentionUnit: stringEnum(POLICY_RETENTION_UNITS, 'Unit of retentionValue (lower case).'),
      retentionValue: int('How long snapshots of this item are kept, in retentionUnit.'),
    },
    { description: 'One retention rule.' },
  );
}

function policy(): JsonSchema {
  return closedObject(
    {
      id: objectId('Id of the policy.'),
      policyItems: arrayOf(policyItem(), 'Retention rules of the policy.'),
    },
    { description: 'A backup policy.', required: ['policyItems'] },
  );
}

function copySetting(): JsonSchema {
  const copyPolicyItem = closedObject(
    {
      id: readOnly(objectId('Id of the copy policy item.')),
      frequencyType: stringEnum(COPY_POLICY_FREQUENCY_TYPES, 'Which snapshots are copied.'),
      retentionUnit: stringEnum(POLICY_RETENTION_UNITS, 'Unit of retentionValue (time-based items).'),
      retentionValue: int('How long copies are kept (time-based items).'),
    },
    { required: ['frequencyType'], description: 'Which snapshots are copied and for how long.' },
  );
  return closedObject(
    {
      cloudProvider: stringEnum(COPY_CLOUD_PROVIDERS, 'Cloud of the copy region.'),
      regionName: str('Region to copy snapshots to.'),
      replicationSpecId: objectId('2023-01-01: replication spec whose snapshots are copied.'),
      zoneId: objectId('2024-08-05: zone whose snapshots are copied.'),
      shouldCopyOplogs: bool('Whether oplogs are copied too (continuous backup).'),
      frequencies: { ...arrayOf(stringEnum(SNAPSHOT_FREQUENCIES, 'A snapshot frequency.'), 'Deprecated: use copyPolicyItems.', { maxItems: 6 }), deprecated: true },
      copyPolicyItems: arrayOf(copyPolicyItem, 'Snapshots to copy.', { ...COPY_POLICY_ITEMS }),
      lastNumberOfSnapshots: { ...int('Most recent snapshots to copy.'), ...COPY_LAST_NUMBER_OF_SNAPSHOTS },
    },
    { description: 'Copies of snapshots in another region.' },
  );
}

/** What a client sets on a schedule; the config's `backupSchedules[]` reuses exactly these. */
export const BACKUP_SCHEDULE_PROPERTIES: JsonProperties = {
  referenceHourOfDay: int('UTC hour (0-23) of the daily snapshot.'),
  referenceMinuteOfHour: int('Minute (0-59) of the reference hour.'),
  restoreWindowDays: int('Days back a point-in-time restore can reach.'),
  updateSnapshots: { ...bool('Whether existing snapshots take the new retention.'), writeOnly: true },
  policies: arrayOf(policy(), 'The backup policy (Atlas keeps one).', { ...SCHEDULE_POLICIES }),
  autoExportEnabled: bool('Whether snapshots are exported to a bucket.'),
  export: closedObject(
    {
      exportBucketId: objectId('Id of the export bucket.'),
      frequencyType: stringEnum(EXPORT_FREQUENCY_TYPES, 'How often snapshots are exported.'),
    },
    { description: 'Where and how often snapshots are exported.' },
  ),
  useOrgAndGroupNamesInExportPrefix: bool('Whether export paths use organization and project names.'),
  copySettings: arrayOf(copySetting(), 'Regions to copy snapshots to.'),
  copyPolicyItemsEnabled: bool('Whether copy settings use copyPolicyItems.'),
  autoCopySettingsEnabled: bool('2024-08-05: whether copy settings follow cluster topology changes.'),
  deleteCopiedBackups: {
    ...arrayOf(
      closedObject({
        cloudProvider: stringEnum(COPY_CLOUD_PROVIDERS, 'Cloud of the copies.'),
        regionName: str('Region of the copies.'),
        replicationSpecId: objectId('2023-01-01: replication spec of the copies.'),
        zoneId: objectId('2024-08-05: zone of the copies.'),
      }),
      'Copy regions whose copies to delete.',
    ),
    writeOnly: true,
  },
  deleteCopySnapshots: { ...bool('Whether to delete copies when their copy setting is removed.'), writeOnly: true },
  deleteSnapshots: { ...bool('Whether to delete snapshots of removed policy items.'), writeOnly: true },
  updateCopySnapshots: { ...bool('Whether existing copies take the new retention.'), writeOnly: true },
  extraRetentionSettings: arrayOf(
    closedObject({
      frequencyType: stringEnum(SNAPSHOT_FREQUENCIES, 'Which snapshots the extra retention applies to.'),
      retentionDays: int('Days to keep them.'),
    }),
    'Extra retention per snapshot frequency.',
  ),
};

/** Attributes Atlas reports on a schedule; accepted so that a GET body can be sent back. */
const BACKUP_SCHEDULE_READ_ONLY_PROPERTIES: JsonProperties = {
  clusterId: readOnly(objectId('Id of the cluster.')),
  clusterName: readOnly(clusterName('Name of the cluster.')),
  nextSnapshot: readOnly(dateTime('When the next snapshot is due.')),
  links: links(),
};

/**
 * PATCH /clusters/{clusterName}/backup/schedule, media types 2023-01-01 and 2024-08-05
 * (`DiskBackupSnapshotSchedule`, `DiskBackupSnapshotSchedule20240805`). One schema for both:
 * copy settings accept replicationSpecId (2023-01-01) and zoneId (2024-08-05).
 */
export const backupScheduleRequestSchema = {
  $schema: DRAFT_07,
  $id: schemaId('backup-schedule.request'),
  title: 'Backup schedule',
  description: 'The body of PATCH /groups/{groupId}/clusters/{clusterName}/backup/schedule.',
  type: 'object',
  additionalProperties: false,
  required: ['policies'],
  properties: { ...BACKUP_SCHEDULE_PROPERTIES, ...BACKUP_SCHEDULE_READ_ONLY_PROPERTIES },
} satisfies JsonSchema;
