import { backupScheduleToRepresentation, derivedClusterId, type ScheduleView } from '@mock-atlas/domain';
import type { ServedApi } from '../http/locals';

/** The version that added `autoCopySettingsEnabled` (`DiskBackupSnapshotSchedule20240805`). */
const SCHEDULE_20240805 = '2024-08-05';

/**
 * A backup schedule as `DiskBackupSnapshotSchedule` (v1.0 and v2 2023-01-01) or
 * `DiskBackupSnapshotSchedule20240805`, which differs only in `autoCopySettingsEnabled`
 * and in copy settings naming zones (the mock keeps no copy settings, so `[]` fits both).
 * A cluster without an id gets one derived from its project and name.
 */
export function presentBackupSchedule(view: ScheduleView, groupId: string, apiRoot: string, served: ServedApi | undefined): Record<string, unknown> {
  const { cluster, schedule, nextSnapshot } = view;
  const body = backupScheduleToRepresentation(schedule, {
    clusterId: cluster.id ?? derivedClusterId(groupId, cluster.name),
    groupId,
    baseUrl: apiRoot,
    ...(nextSnapshot === undefined ? {} : { nextSnapshot }),
  });
  // Keys stay in Atlas's alphabetical order: autoCopySettingsEnabled comes first.
  return served?.api === 'v2' && served.date >= SCHEDULE_20240805 ? { autoCopySettingsEnabled: false, ...body } : body;
}
