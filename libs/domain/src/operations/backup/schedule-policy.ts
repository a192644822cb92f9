// Reading a backup schedule: which schedule a cluster follows, and how often its
// scheduled snapshots come.
import { defaultBackupSchedule, type BackupSchedule, type PolicyItem, type Project } from '@mock-atlas/model';
import { deterministicObjectId } from '../../mappers/ids';

const HOUR_MS = 60 * 60 * 1000;

/** A complete policy item (all four fields), which `backup/schedule-valid` guarantees for stored ones. */
export interface CompletePolicyItem extends PolicyItem {
  readonly frequencyType: string;
  readonly frequencyInterval: number;
  readonly retentionUnit: string;
  readonly retentionValue: number;
}

/** The schedule `clusterName` follows: the one stored for it, else the default Atlas creates (S0:95's 6-hour base). */
export function scheduleOf(project: Project, clusterName: string): BackupSchedule {
  return project.backupSchedules.find((s) => s.clusterName === clusterName) ?? defaultBackupSchedule(clusterName);
}

/**
 * The schedule with an id on its policy and on every policy item that lacks one. Ids of
 * schedules nobody stored through the API (the default, a config file's) are derived from
 * the project, cluster and position, so every GET reports the same ids.
 */
export function withPolicyIds(schedule: BackupSchedule, groupId: string): BackupSchedule {
  const seed = `backup-schedule:${groupId}:${schedule.clusterName}`;
  return {
    ...schedule,
    policies: schedule.policies.map((policy, i) => ({
      ...policy,
      id: policy.id ?? deterministicObjectId(`${seed}:policy:${i}`),
      policyItems: policy.policyItems.map((item, j) => ({ ...item, id: item.id ?? deterministicObjectId(`${seed}:policy:${i}:item:${j}`) })),
    })),
  };
}

// Nominal period of each frequency. Monthly and yearly items are calendar-based in Atlas;
// the mock only needs them when a schedule has nothing more frequent.
const FREQUENCY_PERIOD_MS: Readonly<Record<string, number>> = {
  daily: 24 * HOUR_MS,
  weekly: 7 * 24 * HOUR_MS,
  monthly: 30 * 24 * HOUR_MS,
  yearly: 365 * 24 * HOUR_MS,
};

/** Time between two snapshots of a policy item: `frequencyInterval` hours for hourly items, the frequency's period otherwise. */
export function periodOf(item: CompletePolicyItem): number | undefined {
  if (item.frequencyType === 'hourly') return item.frequencyInterval > 0 ? item.frequencyInterval * HOUR_MS : undefined;
  return FREQUENCY_PERIOD_MS[item.frequencyType];
}

function isComplete(item: PolicyItem): item is CompletePolicyItem {
  return item.frequencyType !== undefined && item.frequencyInterval !== undefined && item.retentionUnit !== undefined && item.retentionValue !== undefined;
}

/**
 * The item that drives scheduled snapshots: the most frequent complete one (the hourly
 * base item of the default schedule). Less frequent items only decide how long Atlas
 * keeps some of those snapshots, which the mock does not model. Undefined for a schedule
 * without items (after DELETE /backup/schedule): no scheduled snapshots.
 */
export function baseItemOf(schedule: BackupSchedule): CompletePolicyItem | undefined {
  let best: { item: CompletePolicyItem; period: number } | undefined;
  for (const policy of schedule.policies) {
    for (const item of policy.policyItems) {
      if (!isComplete(item)) continue;
      const period = periodOf(item);
      if (period !== undefined && (!best || period < best.period)) best = { item, period };
    }
  }
  return best?.item;
}

// Every cluster without a stored schedule follows the default, so its base item is read once.
const DEFAULT_BASE_ITEM = baseItemOf(defaultBackupSchedule(''));

/** The base item of the schedule `clusterName` follows (see scheduleOf and baseItemOf). */
export function baseItemFor(project: Project, clusterName: string): CompletePolicyItem | undefined {
  const stored = project.backupSchedules.find((s) => s.clusterName === clusterName);
  return stored ? baseItemOf(stored) : DEFAULT_BASE_ITEM;
}
