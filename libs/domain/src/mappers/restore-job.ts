// Restore jobs: the POST body (and config entries) in, DiskBackupSnapshotRestoreJob out.
import type { Path, RestoreJob } from '@mock-atlas/model';
import { DEFAULT_LINK_BASE, hrefOf, relatedLink } from './links';
import { asNumber, asString } from './read';

/** Delivery types that restore into a cluster, and so name a target (spec text). */
const TARGETED = ['automated', 'pointInTime'];

/** Response fields the model does not hold: job progress and where the job lives. */
export interface RestoreJobExtra {
  readonly groupId: string;
  /** Base URL for `links`; DEFAULT_LINK_BASE when not given. */
  readonly baseUrl?: string;
  /** When the restored snapshot was taken. */
  readonly timestamp?: string;
  readonly expiresAt?: string;
  readonly finishedAt?: string;
  readonly cancelled?: boolean;
  readonly expired?: boolean;
  readonly failed?: boolean;
  readonly deliveryUrl?: readonly string[];
}

/**
 * A restore job request (POST body, or a config `restoreJobs` entry) as the model job of
 * cluster `clusterName`. Only what the body sets is read, so a rule can tell a missing
 * field from a wrong one; `id` and `createdAt` are read too, for state import.
 * @example restoreJobFromRequest({ deliveryType: 'download', snapshotId }, 'orders').deliveryType // → 'download'
 */
export function restoreJobFromRequest(body: Readonly<Record<string, unknown>>, clusterName: string, base: Path = []): RestoreJob {
  const job: Record<string, unknown> = { clusterName };
  const text = (field: string): void => {
    const value = asString(body[field]);
    if (value !== undefined) job[field] = value;
  };
  const number = (field: string): void => {
    const value = asNumber(body[field]);
    if (value !== undefined) job[field] = value;
  };
  text('id');
  text('snapshotId');
  text('deliveryType');
  text('targetClusterName');
  text('targetGroupId');
  number('pointInTimeUTCSeconds');
  number('oplogTs');
  number('oplogInc');
  text('createdAt');
  return { ...(job as unknown as RestoreJob), src: { base } };
}

/**
 * A restore job as `DiskBackupSnapshotRestoreJob`, shaped like the recorded POST response
 * (no `createdAt`: the schema has none, and neither has the recording):
 * `cancelled`/`expired`/`failed` false and `deliveryUrl` [] until told otherwise,
 * `desiredTimestamp` all null, `targetClusterName`/`targetGroupId` only for automated and
 * pointInTime jobs, and links to the job, its snapshot, cluster and project.
 */
export function restoreJobToRepresentation(job: RestoreJob, extra: RestoreJobExtra): Record<string, unknown> {
  const base = extra.baseUrl ?? DEFAULT_LINK_BASE;
  const groupHref = hrefOf(base, 'groups', extra.groupId);
  const clusterHref = hrefOf(base, 'groups', extra.groupId, 'clusters', job.clusterName);
  const targeted = job.deliveryType !== undefined && TARGETED.includes(job.deliveryType);
  const links = [
    ...(job.id === undefined ? [] : [{ href: `${clusterHref}/backup/restoreJobs/${encodeURIComponent(job.id)}`, rel: 'self' }]),
    ...(job.snapshotId === undefined ? [] : [relatedLink(`${clusterHref}/backup/snapshots/${encodeURIComponent(job.snapshotId)}`, 'snapshot')]),
    relatedLink(clusterHref, 'cluster'),
    relatedLink(groupHref, 'group'),
  ];
  const optional = (field: string, value: unknown): Record<string, unknown> => (value === undefined ? {} : { [field]: value });
  return {
    cancelled: extra.cancelled ?? false,
    ...optional('deliveryType', job.deliveryType),
    deliveryUrl: [...(extra.deliveryUrl ?? [])],
    desiredTimestamp: { increment: null, time: null, date: null },
    expired: extra.expired ?? false,
    ...optional('expiresAt', extra.expiresAt),
    failed: extra.failed ?? false,
    ...optional('finishedAt', extra.finishedAt),
    ...optional('id', job.id),
    links,
    ...optional('oplogInc', job.oplogInc),
    ...optional('oplogTs', job.oplogTs),
    ...optional('pointInTimeUTCSeconds', job.pointInTimeUTCSeconds),
    ...optional('snapshotId', job.snapshotId),
    ...(targeted ? optional('targetClusterName', job.targetClusterName) : {}),
    ...(targeted ? optional('targetGroupId', job.targetGroupId) : {}),
    ...optional('timestamp', extra.timestamp),
  };
}
