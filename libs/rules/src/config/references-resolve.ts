import { KMS_DISPLAY_NAME, backupModeOf, fieldPath, findKey, type Cluster, type Project } from '@mock-atlas/model';
import type { OperationOf, RuleContext } from '../context';
import { defineRule, type Violation } from '../define-rule';
import { keyError } from '../key-state-code';

type Kind = 'createCluster' | 'updateBackupSchedule' | 'createRestoreJob' | 'reviewConfig';

function clusterNotFound(project: Project, name: string, path: Violation['path'], what: string): Violation {
  return {
    path,
    message: `${what} names cluster ${name}, but no cluster named ${name} exists in project ${project.name} (${project.id}).`,
    parameters: [name, project.id],
    errorCode: 'CLUSTER_NOT_FOUND',
    httpStatus: 404,
  };
}

// The config replay (libs/domain check-project-config.ts) creates a file's clusters one by one on
// a list it appends to, so scanning the list per created cluster made linting n clusters O(n²):
// 10,000 clusters spent 27 s here (docs/benchmarks.md). The index of a list is extended with what
// was appended since the last lookup, and rebuilt if the list got shorter; lists are never changed
// in place (Project.clusters is readonly, the replay only appends, the mock makes new lists).
const indexes = new WeakMap<readonly Cluster[], { indexed: number; byName: Map<string, Cluster> }>();

/** The first cluster named `name`, as `clusters.find((c) => c.name === name)` gives it. */
function clusterNamed(clusters: readonly Cluster[], name: string): Cluster | undefined {
  let index = indexes.get(clusters);
  if (!index || index.indexed > clusters.length) {
    index = { indexed: 0, byName: new Map() };
    indexes.set(clusters, index);
  }
  for (; index.indexed < clusters.length; index.indexed += 1) {
    const cluster = clusters[index.indexed]!;
    if (!index.byName.has(cluster.name)) index.byName.set(cluster.name, cluster);
  }
  return index.byName.get(name);
}

/** POST /clusters: the name must be free in the project (D, README §5.2: 400, not 409). */
function checkCreateCluster({ project, op }: RuleContext<OperationOf<'createCluster'>>): Violation[] {
  const { cluster } = op;
  const taken = clusterNamed(project.clusters, cluster.name);
  if (!taken) return [];
  return [
    {
      path: fieldPath(cluster, 'name'),
      message: `A cluster named ${cluster.name} is already present in project ${project.name} (${project.id}); cluster names must be unique.`,
      parameters: [cluster.name, project.id],
      related: [{ path: fieldPath(taken, 'name'), message: `cluster ${cluster.name} is first declared here` }],
      errorCode: 'DUPLICATE_CLUSTER_NAME',
      httpStatus: 400,
    },
  ];
}

/** PATCH …/backup/schedule: the path's cluster must exist and run Cloud Backup, which alone has a schedule. */
function checkSchedule({ project, op }: RuleContext<OperationOf<'updateBackupSchedule'>>): Violation[] {
  const { schedule } = op;
  const cluster = clusterNamed(project.clusters, schedule.clusterName);
  if (!cluster && op.clusterRefused) return [];
  if (!cluster) return [clusterNotFound(project, schedule.clusterName, fieldPath(schedule, 'clusterName'), 'A backup schedule')];
  if (backupModeOf(cluster) === 'CLOUD') return [];
  return [
    {
      path: fieldPath(schedule, 'clusterName'),
      message: `A backup schedule names cluster ${cluster.name}, which does not use Cloud Backup, so it has no backup configuration; turn Cloud Backup on for it.`,
      parameters: [cluster.name],
      related: [{ path: fieldPath(cluster, 'name'), message: `cluster ${cluster.name} is declared here without Cloud Backup` }],
      errorCode: 'BACKUP_CONFIG_NOT_FOUND',
      httpStatus: 404,
    },
  ];
}

/** POST …/backup/restoreJobs: the path's cluster, then the job's snapshot of that cluster, as the API looks them up. */
function checkRestoreJob({ project, op }: RuleContext<OperationOf<'createRestoreJob'>>): Violation[] {
  const { job, sourceCluster, snapshot } = op;
  const jobName = job.id ? `Restore job ${job.id}` : 'A restore job';
  // Its snapshot is looked up in the cluster, so a refused cluster leaves nothing to look in.
  if (!sourceCluster && op.sourceRefused) return [];
  if (!sourceCluster) return [clusterNotFound(project, job.clusterName, fieldPath(job, 'clusterName'), jobName)];
  const snapshotId = job.snapshotId;
  if (snapshotId === undefined || snapshot) return [];
  return [
    {
      path: fieldPath(job, 'snapshotId'),
      message: `${jobName} names snapshot ${snapshotId}, but no snapshot with ID ${snapshotId} exists for cluster ${sourceCluster.name}.`,
      parameters: [snapshotId, sourceCluster.name],
      related: [{ path: fieldPath(sourceCluster, 'name'), message: `cluster ${sourceCluster.name} is declared here` }],
      errorCode: 'SNAPSHOT_NOT_FOUND',
      httpStatus: 404,
    },
  ];
}

/** The file's snapshot fixtures, which no request creates: their cluster and key must be declared. */
function checkFixtures({ project, kms }: RuleContext<OperationOf<'reviewConfig'>>): Violation[] {
  const clusters = new Set<string>(project.clusters.map((c: Cluster) => c.name));
  const violations: Violation[] = [];
  for (const snapshot of project.snapshots) {
    if (!clusters.has(snapshot.clusterName)) {
      violations.push(clusterNotFound(project, snapshot.clusterName, fieldPath(snapshot, 'clusterName'), `Snapshot ${snapshot.id}`));
    }
    const key = snapshot.encryptionKey;
    if (key && !findKey(kms.keys, key.provider, key.keyId)) {
      violations.push({
        path: fieldPath(snapshot, 'encryptionKey'),
        message: `Snapshot ${snapshot.id} was encrypted with ${KMS_DISPLAY_NAME[key.provider]} key ${key.keyId}, which kms.keys does not declare; declare the key so that the snapshot can be restored.`,
        parameters: [key.keyId],
        ...keyError(key.provider, 'NOT_FOUND'),
      });
    }
  }
  return violations;
}

/**
 * The references a request or a config file makes must resolve, with the codes Atlas answers
 * for the same dangling reference (D). Per request, as the API looks them up before any rule:
 * a new cluster's name must be free (DUPLICATE_CLUSTER_NAME); a backup schedule's cluster must
 * exist (CLUSTER_NOT_FOUND) and run Cloud Backup (BACKUP_CONFIG_NOT_FOUND); a restore job's
 * source cluster must exist and its snapshot be one of that cluster's (SNAPSHOT_NOT_FOUND). In
 * the review of a whole file: a snapshot fixture's cluster and key must be declared (the
 * provider's "key not found" code). `targetClusterName` is left to restore/target-available,
 * so that one mistake yields one finding; for the same reason a cluster the file declares but
 * whose create was refused (`clusterRefused`, `sourceRefused`) is not called missing again.
 */
export default defineRule<Kind>({
  id: 'config/references-resolve',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'CLUSTER_NOT_FOUND',
  httpStatus: 404,
  description:
    'Backup schedules, snapshots and restore jobs must name clusters that exist (a schedule’s must use Cloud Backup), cluster names must be unique, restore jobs must name a snapshot of their cluster, and a snapshot’s encryption key must be declared in `kms.keys`.',
  sources: ['D', 'S0:90'],
  codeNote:
    'The code varies: 404 CLUSTER_NOT_FOUND (listed as the usual one), 404 SNAPSHOT_NOT_FOUND from the error-code table (whether v2 backup endpoints answer RESOURCE_NOT_FOUND instead is unverified), 400 DUPLICATE_CLUSTER_NAME (D, README §5.2), 404 BACKUP_CONFIG_NOT_FOUND for a schedule of a cluster without Cloud Backup (the code MongoDB’s Terraform provider tolerates there), and for an undeclared snapshot key the provider’s key-not-found code from key-state-code.ts.',
  appliesTo: ['createCluster', 'updateBackupSchedule', 'createRestoreJob', 'reviewConfig'],
  check(ctx) {
    switch (ctx.op.kind) {
      case 'createCluster':
        return checkCreateCluster(ctx as RuleContext<OperationOf<'createCluster'>>);
      case 'updateBackupSchedule':
        return checkSchedule(ctx as RuleContext<OperationOf<'updateBackupSchedule'>>);
      case 'createRestoreJob':
        return checkRestoreJob(ctx as RuleContext<OperationOf<'createRestoreJob'>>);
      case 'reviewConfig':
        return checkFixtures(ctx as RuleContext<OperationOf<'reviewConfig'>>);
    }
  },
});
