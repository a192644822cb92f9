// Backup schedules: 2023-01-01 DiskBackupSnapshotSchedule in and out.
import type { BackupPolicy, BackupSchedule, Path, PolicyItem } from '@mock-atlas/model';
import { DEFAULT_LINK_BASE, hrefOf, relatedLink } from './links';
import { asArray, asNumber, asRecord, asString, compact } from './read';

/** Response fields the model does not hold. */
export interface BackupScheduleExtra {
  readonly clusterId: string;
  /** With a groupId, the body carries `links` (self and project), as the recorded GET does. */
  readonly groupId?: string;
  readonly baseUrl?: string;
  readonly nextSnapshot?: string;
}

function policyItemOf(value: unknown): PolicyItem[] {
  const item = asRecord(value);
  if (!item) return [];
  return [
    compact({
      id: asString(item['id']),
      frequencyType: asString(item['frequencyType']),
      frequencyInterval: asNumber(item['frequencyInterval']),
      retentionUnit: asString(item['retentionUnit']),
      retentionValue: asNumber(item['retentionValue']),
    }),
  ];
}

function policyOf(value: unknown): BackupPolicy[] {
  const policy = asRecord(value);
  if (!policy) return [];
  const id = asString(policy['id']);
  return [{ ...(id === undefined ? {} : { id }), policyItems: (asArray(policy['policyItems']) ?? []).flatMap(policyItemOf) }];
}

/**
 * A schedule body (GET response, PATCH request or config entry) as the model schedule of
 * `clusterName`. Policy items keep only the fields they hold, so that
 * `backup/schedule-valid` can report a missing one; missing `policies` reads as none.
 * @example backupScheduleFromRepresentation({ policies: [] }, 'orders').policies // → []
 */
export function backupScheduleFromRepresentation(body: Readonly<Record<string, unknown>>, clusterName: string, base: Path = []): BackupSchedule {
  return {
    clusterName,
    ...compact({
      referenceHourOfDay: asNumber(body['referenceHourOfDay']),
      referenceMinuteOfHour: asNumber(body['referenceMinuteOfHour']),
      restoreWindowDays: asNumber(body['restoreWindowDays']),
    }),
    policies: (asArray(body['policies']) ?? []).flatMap(policyOf),
    src: { base },
  };
}

/**
 * A schedule as the 2023-01-01 `DiskBackupSnapshotSchedule` body, with the constant
 * fields of the recorded GET (no auto export, no copy settings) and keys in Atlas's
 * alphabetical order.
 */
export function backupScheduleToRepresentation(s: BackupSchedule, extra: BackupScheduleExtra): Record<string, unknown> {
  const base = extra.baseUrl ?? DEFAULT_LINK_BASE;
  const links =
    extra.groupId === undefined
      ? undefined
      : [
          { href: `${hrefOf(base, 'groups', extra.groupId, 'clusters', s.clusterName)}/backup/schedule`, rel: 'self' },
          relatedLink(hrefOf(base, 'groups', extra.groupId), 'group'),
        ];
  return compact({
    autoExportEnabled: false,
    clusterId: extra.clusterId,
    clusterName: s.clusterName,
    copyPolicyItemsEnabled: false,
    copySettings: [],
    links,
    nextSnapshot: extra.nextSnapshot,
    policies: s.policies.map((p) =>
      compact({
        id: p.id,
        policyItems: p.policyItems.map((i) =>
          compact({
            frequencyInterval: i.frequencyInterval,
            frequencyType: i.frequencyType,
            id: i.id,
            retentionUnit: i.retentionUnit,
            retentionValue: i.retentionValue,
          }),
        ),
      }),
    ),
    referenceHourOfDay: s.referenceHourOfDay,
    referenceMinuteOfHour: s.referenceMinuteOfHour,
    restoreWindowDays: s.restoreWindowDays,
    useOrgAndGroupNamesInExportPrefix: false,
  });
}
