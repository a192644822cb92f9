// Cloud Backup snapshots: take on demand, list, get, change retention, delete.
import type { Cluster, Finding, Project, Snapshot, SnapshotType } from '@mock-atlas/model';
import { validate } from '@mock-atlas/schemas';
import { mintObjectId } from '../../state/object-ids';
import type { MockState } from '../../state/mock-state';
import { later, nextId, schedule } from '../../state/timers';
import { accepted, firstError, refused, type OperationContext, type OperationResult } from '../result';
import { activeKeyOf } from './active-key';
import { backupNotFound, hasCloudBackup } from './lookup';
import { findProjectCluster } from '../lookups';
import { checkMockRules } from '../mock-rules';
import { putProject } from '../clusters/cluster-state';
import { retainUntil } from './retention';

/** A snapshot with the cluster it belongs to (the representation reports the cluster's cloud and version). */
export interface ClusterSnapshot {
  readonly cluster: Cluster;
  readonly snapshot: Snapshot;
}

/** A cluster's snapshots, oldest first. */
export interface ClusterSnapshots {
  readonly cluster: Cluster;
  readonly snapshots: readonly Snapshot[];
}

/**
 * Days an on-demand snapshot is kept when the request does not say: the Atlas CLI's
 * `--retention` default [inferred; the spec gives none].
 */
export const DEFAULT_ON_DEMAND_RETENTION_DAYS = 1;

/** 400 INVALID_ATTRIBUTE, as Atlas answers an attribute out of its range. */
function invalidRetention(attribute: string, message: string): Finding {
  return {
    ruleId: 'api/invalid-attribute',
    severity: 'error',
    errorCode: 'INVALID_ATTRIBUTE',
    httpStatus: 400,
    message,
    path: [attribute],
    parameters: [attribute],
  };
}

/**
 * A retention whose end no date-time can write (past the year 9999): refused rather than a
 * snapshot that never expires or a 500 (found by the request fuzzer, tools/conformance/src/fuzz:
 * retentionInDays 945052464).
 */
function retentionTooLong(attribute: string, value: number, unit: string): Finding {
  return invalidRetention(attribute, `A retention of ${value} ${unit} ends after the year 9999; keep the snapshot for less.`);
}

/** What a new snapshot is: on demand or scheduled, why, and until when it is kept. */
export interface NewSnapshot {
  readonly snapshotType: SnapshotType;
  readonly description?: string;
  readonly expiresAt?: string;
}

/**
 * A new `queued` snapshot of `cluster`, taken now with the customer key active now
 * (`snapshot/records-active-key`: the key is copied, so later key changes never alter it).
 */
export function queuedSnapshot(id: string, project: Project, cluster: Cluster, fields: NewSnapshot, now: string): Snapshot {
  const encryptionKey = activeKeyOf(project, cluster);
  return {
    id,
    clusterName: cluster.name,
    createdAt: now,
    status: 'queued',
    ...fields,
    ...(encryptionKey ? { encryptionKey } : {}),
  };
}

/**
 * Adds a `queued` snapshot of `cluster` and queues its progress: `inProgress` after one
 * backup step, `completed` after another (operations/backup/timers.ts).
 */
export function recordSnapshot(
  state: MockState,
  project: Project,
  cluster: Cluster,
  fields: NewSnapshot,
  ctx: OperationContext,
): [Snapshot, MockState] {
  const [id, minted] = nextId(state, ctx.now, mintObjectId);
  const snapshot = queuedSnapshot(id, project, cluster, fields, ctx.now);
  let next = putProject(minted, { ...project, snapshots: [...project.snapshots, snapshot] });
  next = schedule(next, { kind: 'snapshot-transition', at: later(ctx.now, ctx.options.backupStepMs), groupId: project.id, snapshotId: id, to: 'inProgress' });
  return [snapshot, next];
}

function unfinishedOnDemand(clusterName: string): Finding {
  return {
    ruleId: 'api/conflict',
    severity: 'error',
    errorCode: 'UNFINISHED_ON_DEMAND_SNAPSHOT',
    httpStatus: 400,
    message: `An on-demand snapshot is already queued or in progress for cluster ${clusterName}.`,
    path: [],
    parameters: [clusterName],
  };
}

/**
 * POST /clusters/{clusterName}/backup/snapshots: an on-demand snapshot, answered 200
 * with `status: queued` (README §9). Refused for a disabled cluster
 * (`cluster/disabled-accepts-updates`, 409), for a cluster without Cloud Backup (404
 * BACKUP_CONFIG_NOT_FOUND) and while another on-demand snapshot of the cluster is queued
 * or in progress (400 UNFINISHED_ON_DEMAND_SNAPSHOT, D).
 */
export function takeSnapshot(
  state: MockState,
  groupId: string,
  clusterName: string,
  body: unknown,
  ctx: OperationContext,
): OperationResult<ClusterSnapshot> {
  const found = findProjectCluster(state, groupId, clusterName);
  if (!found.ok) return found;
  const { project, cluster } = found.value;
  const schemaFindings = validate('snapshot.request', body ?? {});
  if (schemaFindings.length > 0) return refused(schemaFindings);

  const findings = checkMockRules(state, project, { kind: 'takeSnapshot', cluster }, ctx);
  if (firstError(findings)) return refused(findings);
  if (!hasCloudBackup(cluster)) return refused([backupNotFound.backupConfig(clusterName)]);
  const busy = project.snapshots.some(
    (s) => s.clusterName === clusterName && s.snapshotType === 'onDemand' && (s.status === 'queued' || s.status === 'inProgress'),
  );
  if (busy) return refused([unfinishedOnDemand(clusterName)]);

  const request = (body ?? {}) as { description?: string; retentionInDays?: number };
  const days = request.retentionInDays ?? DEFAULT_ON_DEMAND_RETENTION_DAYS;
  const expiresAt = retainUntil(ctx.now, days, 'days');
  if (expiresAt === undefined) return refused([retentionTooLong('retentionInDays', days, 'days')]);
  const [snapshot, next] = recordSnapshot(
    state,
    project,
    cluster,
    {
      snapshotType: 'onDemand',
      ...(request.description === undefined ? {} : { description: request.description }),
      expiresAt,
    },
    ctx,
  );
  return accepted(next, { cluster, snapshot }, findings);
}

/** GET /clusters/{clusterName}/backup/snapshots: the cluster's snapshots, oldest first. */
export function listSnapshots(state: MockState, groupId: string, clusterName: string): OperationResult<ClusterSnapshots> {
  const found = findProjectCluster(state, groupId, clusterName);
  if (!found.ok) return found;
  const { project, cluster } = found.value;
  return accepted(state, { cluster, snapshots: project.snapshots.filter((s) => s.clusterName === clusterName) });
}

/** One snapshot of the path's cluster, or SNAPSHOT_NOT_FOUND. */
function findSnapshot(state: MockState, groupId: string, clusterName: string, snapshotId: string): OperationResult<ClusterSnapshot & { project: Project }> {
  const found = findProjectCluster(state, groupId, clusterName);
  if (!found.ok) return found;
  const { project, cluster } = found.value;
  const snapshot = project.snapshots.find((s) => s.id === snapshotId && s.clusterName === clusterName);
  if (!snapshot) return refused([backupNotFound.snapshot(snapshotId, clusterName)]);
  return accepted(state, { project, cluster, snapshot });
}

/** GET /clusters/{clusterName}/backup/snapshots/{snapshotId}. */
export function getSnapshot(state: MockState, groupId: string, clusterName: string, snapshotId: string): OperationResult<ClusterSnapshot> {
  const found = findSnapshot(state, groupId, clusterName, snapshotId);
  return found.ok ? accepted(state, { cluster: found.value.cluster, snapshot: found.value.snapshot }) : found;
}

function inProgress(code: string, snapshotId: string, message: string): Finding {
  return { ruleId: 'api/conflict', severity: 'error', errorCode: code, httpStatus: 400, message, path: [], parameters: [snapshotId] };
}

function replaceSnapshot(state: MockState, project: Project, snapshot: Snapshot): MockState {
  return putProject(state, { ...project, snapshots: project.snapshots.map((s) => (s.id === snapshot.id ? snapshot : s)) });
}

/**
 * PATCH /clusters/{clusterName}/backup/snapshots/{snapshotId}: a new retention,
 * `{retentionUnit: DAYS|WEEKS|MONTHS|YEARS, retentionValue}`, counted from when the
 * snapshot was taken. Only a completed snapshot's retention can change
 * (400 CANNOT_MODIFY_IN_PROGRESS_SNAPSHOT_RETENTION, D).
 */
export function updateSnapshotRetention(
  state: MockState,
  groupId: string,
  clusterName: string,
  snapshotId: string,
  body: unknown,
  _ctx: OperationContext,
): OperationResult<ClusterSnapshot> {
  const found = findSnapshot(state, groupId, clusterName, snapshotId);
  if (!found.ok) return found;
  const schemaFindings = validate('snapshot.retention', body);
  if (schemaFindings.length > 0) return refused(schemaFindings);
  const { project, cluster, snapshot } = found.value;
  const { retentionUnit, retentionValue } = body as { retentionUnit: string; retentionValue: number };
  if (retentionValue < 1) {
    return refused([
      invalidRetention('retentionValue', `The retention of snapshot ${snapshotId} must be at least 1 ${retentionUnit.toLowerCase()}, not ${retentionValue}.`),
    ]);
  }
  if (snapshot.status !== 'completed') {
    return refused([
      inProgress(
        'CANNOT_MODIFY_IN_PROGRESS_SNAPSHOT_RETENTION',
        snapshotId,
        `The retention of snapshot ${snapshotId} cannot be changed while it is ${snapshot.status}.`,
      ),
    ]);
  }
  const expiresAt = retainUntil(snapshot.createdAt, retentionValue, retentionUnit);
  if (expiresAt === undefined) return refused([retentionTooLong('retentionValue', retentionValue, retentionUnit.toLowerCase())]);
  const updated: Snapshot = { ...snapshot, expiresAt };
  return accepted(replaceSnapshot(state, project, updated), { cluster, snapshot: updated });
}

/**
 * DELETE /clusters/{clusterName}/backup/snapshots/{snapshotId}: 204 once gone; a queued
 * or in-progress snapshot cannot be deleted (400 CANNOT_DELETE_IN_PROGRESS_SNAPSHOT, D).
 */
export function deleteSnapshot(
  state: MockState,
  groupId: string,
  clusterName: string,
  snapshotId: string,
  _ctx: OperationContext,
): OperationResult<Snapshot> {
  const found = findSnapshot(state, groupId, clusterName, snapshotId);
  if (!found.ok) return found;
  const { project, snapshot } = found.value;
  if (snapshot.status === 'queued' || snapshot.status === 'inProgress') {
    return refused([inProgress('CANNOT_DELETE_IN_PROGRESS_SNAPSHOT', snapshotId, `Snapshot ${snapshotId} cannot be deleted while it is ${snapshot.status}.`)]);
  }
  return accepted(putProject(state, { ...project, snapshots: project.snapshots.filter((s) => s.id !== snapshotId) }), snapshot);
}
