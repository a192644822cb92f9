import { restoreJobToRepresentation, type RestoreJob, type RestoreJobView } from '@mock-atlas/domain';

/**
 * Where a finished download job's archive "is". The mock serves no archives, so the URL
 * is on a reserved `.invalid` host (RFC 2606): well-formed, and never resolvable.
 */
function downloadUrlOf(job: RestoreJob, groupId: string): string {
  return `https://restore.mock-atlas.invalid/${groupId}/${job.id ?? ''}/restore-${job.snapshotId ?? 'pit'}.tar.gz`;
}

/** When the restored data was written: the snapshot's time, or the point in time asked for. */
function timestampOf(view: RestoreJobView): string | undefined {
  if (view.snapshot) return view.snapshot.createdAt;
  const seconds = view.job.pointInTimeUTCSeconds ?? view.job.oplogTs;
  return seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
}

/**
 * A restore job as `DiskBackupSnapshotRestoreJob` (v1.0 and v2 2023-01-01). `deliveryUrl`
 * is `[]` as recorded on create (README §9) and gains the archive's URL when a download
 * job finishes; `expired` stays false (the mock does not expire download links).
 */
export function presentRestoreJob(view: RestoreJobView, groupId: string, apiRoot: string): Record<string, unknown> {
  const { job } = view;
  const downloadReady = job.deliveryType === 'download' && job.finishedAt !== undefined && job.cancelled !== true && job.failed !== true;
  const timestamp = timestampOf(view);
  return restoreJobToRepresentation(job, {
    groupId,
    baseUrl: apiRoot,
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(job.finishedAt === undefined ? {} : { finishedAt: job.finishedAt }),
    cancelled: job.cancelled ?? false,
    expired: job.expired ?? false,
    failed: job.failed ?? false,
    deliveryUrl: downloadReady ? [downloadUrlOf(job, groupId)] : [],
  });
}
