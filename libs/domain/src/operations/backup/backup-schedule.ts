// A cluster's Cloud Backup schedule: get, update (PATCH), delete.
import type { BackupPolicy, BackupSchedule, Cluster, Project } from '@mock-atlas/model';
import { validate } from '@mock-atlas/schemas';
import { backupScheduleFromRepresentation } from '../../mappers/backup-schedule';
import { mintObjectId } from '../../state/object-ids';
import type { MockState } from '../../state/mock-state';
import { accepted, firstError, refused, type OperationContext, type OperationResult } from '../result';
import { backupNotFound, hasCloudBackup } from './lookup';
import { findProjectCluster, type ProjectCluster } from '../lookups';
import { checkMockRules } from '../mock-rules';
import { putProject } from '../clusters/cluster-state';
import { scheduleOf, withPolicyIds } from './schedule-policy';
import { nextScheduledSnapshot } from './scheduled-snapshots';

/** A cluster's schedule as the API reports it, with when its next scheduled snapshot is due. */
export interface ScheduleView {
  readonly cluster: Cluster;
  readonly schedule: BackupSchedule;
  readonly nextSnapshot?: string;
}

/** The project and cluster, if the cluster has Cloud Backup (a schedule exists only then). */
function backupCluster(state: MockState, groupId: string, clusterName: string): OperationResult<ProjectCluster> {
  const found = findProjectCluster(state, groupId, clusterName);
  if (!found.ok) return found;
  return hasCloudBackup(found.value.cluster) ? found : refused([backupNotFound.backupConfig(clusterName)]);
}

function viewOf(state: MockState, project: Project, cluster: Cluster, now: string): ScheduleView {
  const schedule = withPolicyIds(scheduleOf(project, cluster.name), project.id);
  const nextSnapshot = nextScheduledSnapshot(state, project, cluster, now);
  return { cluster, schedule, ...(nextSnapshot === undefined ? {} : { nextSnapshot }) };
}

function storeSchedule(state: MockState, project: Project, schedule: BackupSchedule): MockState {
  const others = project.backupSchedules.filter((s) => s.clusterName !== schedule.clusterName);
  return putProject(state, { ...project, backupSchedules: [...others, schedule] });
}

/**
 * GET /clusters/{clusterName}/backup/schedule: the stored schedule, or the default Atlas
 * creates for a Cloud Backup cluster (`defaultBackupSchedule`, with the 6-hour base of
 * S0:95). 404 BACKUP_CONFIG_NOT_FOUND for a cluster without Cloud Backup.
 */
export function getBackupSchedule(state: MockState, groupId: string, clusterName: string, ctx: OperationContext): OperationResult<ScheduleView> {
  const found = backupCluster(state, groupId, clusterName);
  if (!found.ok) return found;
  return accepted(state, viewOf(state, found.value.project, found.value.cluster, ctx.now));
}

/**
 * PATCH /clusters/{clusterName}/backup/schedule. `policies` (required) replace the
 * current ones; the reference time and restore window change when sent. The result must
 * pass `backup/schedule-valid` (400 INVALID_ATTRIBUTE / MISSING_ATTRIBUTE). Policy items
 * keep the ids they are sent with and get new ones otherwise; the policy keeps its id.
 */
export function updateBackupSchedule(
  state: MockState,
  groupId: string,
  clusterName: string,
  body: unknown,
  ctx: OperationContext,
): OperationResult<ScheduleView> {
  const found = findProjectCluster(state, groupId, clusterName);
  if (!found.ok) return found;
  const schemaFindings = validate('backup-schedule.request', body);
  if (schemaFindings.length > 0) return refused(schemaFindings);
  const located = backupCluster(state, groupId, clusterName);
  if (!located.ok) return located;
  const { project, cluster } = located.value;

  const requested = backupScheduleFromRepresentation(body as Readonly<Record<string, unknown>>, clusterName);
  const current = withPolicyIds(scheduleOf(project, clusterName), groupId);
  const pick = <K extends 'referenceHourOfDay' | 'referenceMinuteOfHour' | 'restoreWindowDays'>(field: K) => {
    const value = requested[field] ?? current[field];
    return value === undefined ? {} : { [field]: value };
  };
  const candidate: BackupSchedule = {
    clusterName,
    ...pick('referenceHourOfDay'),
    ...pick('referenceMinuteOfHour'),
    ...pick('restoreWindowDays'),
    policies: requested.policies,
    ...(requested.src ? { src: requested.src } : {}),
  };
  const findings = checkMockRules(state, project, { kind: 'updateBackupSchedule', schedule: candidate }, ctx);
  if (firstError(findings)) return refused(findings);

  let sequence = state.sequence;
  const mint = (): string => mintObjectId((sequence += 1), ctx.now);
  const policies: BackupPolicy[] = candidate.policies.map((policy, i) => ({
    id: policy.id ?? current.policies[i]?.id ?? mint(),
    policyItems: policy.policyItems.map((item) => ({ ...item, id: item.id ?? mint() })),
  }));
  const { src: _src, ...rest } = candidate;
  const next = storeSchedule({ ...state, sequence }, project, { ...rest, policies });
  return accepted(next, viewOf(next, next.projects[groupId]!, cluster, ctx.now), findings);
}

/**
 * DELETE /clusters/{clusterName}/backup/schedule: "removes all cloud backup schedules"
 * (spec) and answers 200 with the schedule (README §2). The policy stays, emptied of its
 * items, so no scheduled snapshot is taken until a PATCH adds items again (this is what
 * MongoDB's Terraform provider relies on to replace the default items). Reference time and
 * restore window are kept.
 */
export function deleteBackupSchedule(state: MockState, groupId: string, clusterName: string, ctx: OperationContext): OperationResult<ScheduleView> {
  const found = backupCluster(state, groupId, clusterName);
  if (!found.ok) return found;
  const { project, cluster } = found.value;
  const current = withPolicyIds(scheduleOf(project, clusterName), groupId);
  const { src: _src, ...rest } = current;
  const next = storeSchedule(state, project, { ...rest, policies: current.policies.map((p) => ({ ...p, policyItems: [] })) });
  return accepted(next, viewOf(next, next.projects[groupId]!, cluster, ctx.now));
}
