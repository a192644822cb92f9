import { KMS_DISPLAY_NAME, fieldPath, findKey, type Cluster } from '@mock-atlas/model';
import { defineRule, type Violation } from '../define-rule';
import { keyError } from '../key-state-code';

/**
 * A config file's snapshots and restore jobs must point at clusters, snapshots and keys the
 * file declares, with the codes Atlas answers for the same dangling reference (D):
 * CLUSTER_NOT_FOUND, SNAPSHOT_NOT_FOUND, and the provider's "key not found" code. A job's
 * snapshot is looked up only when its cluster exists, and `targetClusterName` is left to
 * restore/target-available, so that one mistake yields one finding.
 */
export default defineRule({
  id: 'config/references-resolve',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'CLUSTER_NOT_FOUND',
  httpStatus: 404,
  description:
    'Snapshots and restore jobs must name clusters the file declares, restore jobs must name a snapshot of their cluster, and a snapshot’s encryption key must be declared in `kms.keys`.',
  sources: ['D', 'S0:90'],
  codeNote:
    'The code varies: 404 CLUSTER_NOT_FOUND (listed as the usual one), 404 SNAPSHOT_NOT_FOUND from the error-code table (whether v2 backup endpoints answer RESOURCE_NOT_FOUND instead is unverified), and for an undeclared snapshot key the provider’s key-not-found code from key-state-code.ts.',
  appliesTo: ['reviewConfig'],
  check({ project, kms }) {
    const clusters = new Map<string, Cluster>(project.clusters.map((c) => [c.name, c]));
    const violations: Violation[] = [];
    const clusterNotFound = (name: string, path: Violation['path'], what: string): Violation => ({
      path,
      message: `${what} names cluster ${name}, but no cluster named ${name} exists in project ${project.name} (${project.id}).`,
      parameters: [name, project.id],
      errorCode: 'CLUSTER_NOT_FOUND',
      httpStatus: 404,
    });

    for (const snapshot of project.snapshots) {
      if (!clusters.has(snapshot.clusterName)) {
        violations.push(clusterNotFound(snapshot.clusterName, fieldPath(snapshot, 'clusterName'), `Snapshot ${snapshot.id}`));
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

    for (const job of project.restoreJobs) {
      const cluster = clusters.get(job.clusterName);
      const jobName = job.id ? `Restore job ${job.id}` : 'A restore job';
      if (!cluster) {
        violations.push(clusterNotFound(job.clusterName, fieldPath(job, 'clusterName'), jobName));
        continue;
      }
      const snapshotId = job.snapshotId;
      if (snapshotId === undefined) continue;
      const exists = project.snapshots.some((s) => s.id === snapshotId && s.clusterName === cluster.name);
      if (exists) continue;
      violations.push({
        path: fieldPath(job, 'snapshotId'),
        message: `${jobName} names snapshot ${snapshotId}, but no snapshot with ID ${snapshotId} exists for cluster ${cluster.name}.`,
        parameters: [snapshotId, cluster.name],
        related: [{ path: fieldPath(cluster, 'name'), message: `cluster ${cluster.name} is declared here` }],
        errorCode: 'SNAPSHOT_NOT_FOUND',
        httpStatus: 404,
      });
    }
    return violations;
  },
});
