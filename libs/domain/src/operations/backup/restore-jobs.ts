// Cloud Backup restore jobs: create (automated, download, pointInTime), list, get, cancel,
// and what a completed job does to its target.
import type { Cluster, Finding, Project, RestoreJob, Snapshot } from '@mock-atlas/model';
import type { CreateRestoreJobOp } from '@mock-atlas/rules';
import { validate } from '@mock-atlas/schemas';
import { restoreJobFromRequest } from '../../mappers/restore-job';
import { mintObjectId } from '../../state/object-ids';
import type { MockState } from '../../state/mock-state';
import { later, nextId, schedule, unschedule } from '../../state/timers';
import { accepted, firstError, refused, type OperationContext, type OperationResult } from '../result';
import { backupNotFound } from './lookup';
import { findProjectCluster } from '../lookups';
import { checkMockRules } from '../mock-rules';
import { putProject } from '../clusters/cluster-state';

/** A restore job with the snapshot it restores, when that snapshot still exists (for `timestamp`). */
export interface RestoreJobView {
  readonly job: RestoreJob;
  readonly snapshot?: Snapshot;
}

/** Delivery types that write into a target cluster. */
const TARGETED = new Set(['automated', 'pointInTime']);

/** Backup steps a restore job takes: queued, then running (like a snapshot). */
const RESTORE_STEPS = 2;

/** True for an automated or pointInTime job, which restores into a cluster. */
export function isTargetedRestore(job: RestoreJob): boolean {
  return job.deliveryType !== undefined && TARGETED.has(job.deliveryType);
}

/**
 * True while a job Atlas runs neither finished nor was cancelled. A config file's planned
 * job (no id) never ran, so it is not running either.
 */
export function isRestoreRunning(job: RestoreJob): boolean {
  return job.id !== undefined && job.finishedAt === undefined && job.cancelled !== true;
}

function refusal(errorCode: string, httpStatus: number, message: string, parameters: readonly unknown[], path: readonly (string | number)[] = []): Finding {
  return { ruleId: 'api/conflict', severity: 'error', errorCode, httpStatus, message, path, parameters };
}

/** The cluster a job restores into, looked up in the target project (which may be another project). */
function targetOf(state: MockState, job: RestoreJob): Cluster | undefined {
  if (job.targetGroupId === undefined || job.targetClusterName === undefined) return undefined;
  return state.projects[job.targetGroupId]?.clusters.find((c) => c.name === job.targetClusterName);
}

/** A running job, in any project, that restores into the same cluster. */
function restoreInto(state: MockState, groupId: string, clusterName: string): RestoreJob | undefined {
  for (const project of Object.values(state.projects)) {
    const job = project.restoreJobs.find((j) => isTargetedRestore(j) && isRestoreRunning(j) && j.targetGroupId === groupId && j.targetClusterName === clusterName);
    if (job) return job;
  }
  return undefined;
}

/**
 * Checks that come after the rules (restore/required-fields has already asked for snapshotId):
 * a complete snapshot, and a target no other restore is writing.
 */
function stateFindings(state: MockState, job: RestoreJob, snapshot: Snapshot | undefined): Finding[] {
  if (snapshot && snapshot.status !== 'completed') {
    return [
      refusal(
        'CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT',
        409,
        `Cannot start a restore job for snapshot ${snapshot.id} of cluster ${snapshot.clusterName}: it is still ${snapshot.status}.`,
        [snapshot.id],
        ['snapshotId'],
      ),
    ];
  }
  if (isTargetedRestore(job) && job.targetGroupId !== undefined && job.targetClusterName !== undefined) {
    const running = restoreInto(state, job.targetGroupId, job.targetClusterName);
    if (running) {
      return [
        refusal(
          'ATLAS_CLUSTER_RESTORE_IN_PROGRESS',
          409,
          `A restore is already in progress for cluster ${job.targetClusterName} (restore job ${running.id ?? ''}); wait for it to finish or cancel it.`,
          [job.targetClusterName],
          ['targetClusterName'],
        ),
      ];
    }
  }
  return [];
}

/** The job as the mock stores it: what the client may set, plus the facts Atlas reports. */
function storedJob(request: RestoreJob, id: string, now: string): RestoreJob {
  const { src: _src, id: _id, createdAt: _createdAt, targetClusterName, targetGroupId, ...rest } = request;
  return {
    ...rest,
    id,
    // Atlas echoes the target only for jobs that have one (README §9).
    ...(isTargetedRestore(request) ? { targetClusterName, targetGroupId } : {}),
    createdAt: now,
    cancelled: false,
    expired: false,
    failed: false,
  };
}

/**
 * POST /clusters/{clusterName}/backup/restoreJobs, answered 200 (README §2, §9). The body
 * is schema-checked, its snapshot must exist (404 SNAPSHOT_NOT_FOUND), and every
 * `restore/*` rule must agree: required fields, the target exists and is neither paused
 * nor disabled (it may be in another project, `targetGroupId`), no download of a
 * CMK-encrypted snapshot, the key recorded on the snapshot still valid in the simulated
 * KMS (S0:90-93), and the target's provider matching the snapshot's. A snapshot that is
 * not complete yet, or a target another restore is writing, answers 409 (D). The job
 * completes after two backup steps.
 */
export function createRestoreJob(
  state: MockState,
  groupId: string,
  clusterName: string,
  body: unknown,
  ctx: OperationContext,
): OperationResult<RestoreJobView> {
  const found = findProjectCluster(state, groupId, clusterName);
  if (!found.ok) return found;
  const { project, cluster } = found.value;
  const schemaFindings = validate('restore-job.request', body);
  if (schemaFindings.length > 0) return refused(schemaFindings);

  const request = restoreJobFromRequest(body as Readonly<Record<string, unknown>>, clusterName);
  let snapshot: Snapshot | undefined;
  if (request.snapshotId !== undefined) {
    snapshot = project.snapshots.find((s) => s.id === request.snapshotId && s.clusterName === clusterName);
    if (!snapshot) return refused([backupNotFound.snapshot(request.snapshotId, clusterName)]);
  }
  // Only automated and pointInTime jobs have a target; a download job ignores one it is sent.
  const target = isTargetedRestore(request) ? targetOf(state, request) : undefined;
  const op: CreateRestoreJobOp = {
    kind: 'createRestoreJob',
    job: request,
    sourceCluster: cluster,
    ...(snapshot ? { snapshot } : {}),
    ...(target ? { target } : {}),
  };
  const findings = checkMockRules(state, project, op, ctx);
  if (firstError(findings)) return refused(findings);
  const conflicts = stateFindings(state, request, snapshot);
  if (conflicts.length > 0) return refused([...findings, ...conflicts]);

  const [id, minted] = nextId(state, ctx.now, mintObjectId);
  const job = storedJob(request, id, ctx.now);
  let next = putProject(minted, { ...project, restoreJobs: [...project.restoreJobs, job] });
  next = schedule(next, {
    kind: 'restore-transition',
    at: later(ctx.now, RESTORE_STEPS * ctx.options.backupStepMs),
    groupId,
    restoreJobId: id,
    to: 'completed',
  });
  return accepted(next, { job, ...(snapshot ? { snapshot } : {}) }, findings);
}

function viewOf(project: Project, job: RestoreJob): RestoreJobView {
  const snapshot = job.snapshotId === undefined ? undefined : project.snapshots.find((s) => s.id === job.snapshotId);
  return { job, ...(snapshot ? { snapshot } : {}) };
}

/**
 * GET /clusters/{clusterName}/backup/restoreJobs: the jobs of the cluster, oldest first.
 * A config file's `restoreJobs` are plans the loader checks, not jobs Atlas ran, so only
 * jobs with an id (created through the API or imported state) are listed.
 */
export function listRestoreJobs(state: MockState, groupId: string, clusterName: string): OperationResult<readonly RestoreJobView[]> {
  const found = findProjectCluster(state, groupId, clusterName);
  if (!found.ok) return found;
  const { project } = found.value;
  return accepted(
    state,
    project.restoreJobs.filter((j) => j.clusterName === clusterName && j.id !== undefined).map((j) => viewOf(project, j)),
  );
}

function findJob(state: MockState, groupId: string, clusterName: string, restoreJobId: string): OperationResult<{ project: Project; job: RestoreJob }> {
  const found = findProjectCluster(state, groupId, clusterName);
  if (!found.ok) return found;
  const { project } = found.value;
  const job = project.restoreJobs.find((j) => j.id === restoreJobId && j.clusterName === clusterName);
  return job ? accepted(state, { project, job }) : refused([backupNotFound.restoreJob(restoreJobId, clusterName)]);
}

/** GET /clusters/{clusterName}/backup/restoreJobs/{restoreJobId}. */
export function getRestoreJob(state: MockState, groupId: string, clusterName: string, restoreJobId: string): OperationResult<RestoreJobView> {
  const found = findJob(state, groupId, clusterName, restoreJobId);
  return found.ok ? accepted(state, viewOf(found.value.project, found.value.job)) : found;
}

function replaceJob(state: MockState, project: Project, job: RestoreJob): MockState {
  return putProject(state, { ...project, restoreJobs: project.restoreJobs.map((j) => (j.id === job.id ? job : j)) });
}

/**
 * DELETE /clusters/{clusterName}/backup/restoreJobs/{restoreJobId}: cancels the job (204).
 * An automated restore cannot be cancelled (400 CANNOT_CANCEL_AUTOMATED_RESTORE, D: the
 * code names automated restores only, so download and pointInTime jobs can be). Cancelling
 * a job that already finished or was cancelled changes nothing and still answers 204.
 */
export function cancelRestoreJob(
  state: MockState,
  groupId: string,
  clusterName: string,
  restoreJobId: string,
  _ctx: OperationContext,
): OperationResult<RestoreJob> {
  const found = findJob(state, groupId, clusterName, restoreJobId);
  if (!found.ok) return found;
  const { project, job } = found.value;
  if (job.deliveryType === 'automated') {
    return refused([refusal('CANNOT_CANCEL_AUTOMATED_RESTORE', 400, `Automated restore job ${restoreJobId} cannot be cancelled.`, [restoreJobId])]);
  }
  if (!isRestoreRunning(job)) return accepted(state, job);
  const cancelled: RestoreJob = { ...job, cancelled: true };
  const next = unschedule(replaceJob(state, project, cancelled), (t) => t.kind === 'restore-transition' && t.restoreJobId === restoreJobId);
  return accepted(next, cancelled);
}

/**
 * A restore job finishing at `now` (its timer): `finishedAt` is set, and an automated or
 * pointInTime job marks its target as restored from the snapshot (`restoredFrom`). A
 * target deleted meanwhile fails the job instead.
 */
export function completeRestoreJob(state: MockState, groupId: string, restoreJobId: string, now: string): MockState {
  const project = state.projects[groupId];
  const job = project?.restoreJobs.find((j) => j.id === restoreJobId);
  if (!project || !job || !isRestoreRunning(job)) return state;
  if (!isTargetedRestore(job)) return replaceJob(state, project, { ...job, finishedAt: now });

  const targetProject = job.targetGroupId === undefined ? undefined : state.projects[job.targetGroupId];
  const target = targetProject?.clusters.find((c) => c.name === job.targetClusterName);
  if (!targetProject || !target) return replaceJob(state, project, { ...job, finishedAt: now, failed: true });

  const restoredFrom = { ...(job.snapshotId === undefined ? {} : { snapshotId: job.snapshotId }), restoreJobId, sourceClusterName: job.clusterName, at: now };
  const marked = putProject(state, { ...targetProject, clusters: targetProject.clusters.map((c) => (c === target ? { ...c, restoredFrom } : c)) });
  // The target may be the source's own project: re-read it before recording the job.
  return replaceJob(marked, marked.projects[groupId]!, { ...job, finishedAt: now });
}
