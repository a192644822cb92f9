import { keyIdOf, usesCustomerKey, type Cluster, type Project, type SnapshotKey } from '@mock-atlas/model';
import { masterKeyUuidOf } from '../../mappers/snapshot';

/**
 * The customer key a snapshot of `cluster` is encrypted with if taken now: the project's
 * current key for the cluster's provider, with its `masterKeyUUID` (S0:87-90). The result
 * is copied into the snapshot, so later key changes never alter it
 * (`snapshot/records-active-key`). Undefined for a cluster without customer keys.
 * @example activeKeyOf(project, orders) // → { provider: 'AWS', keyId: '030gce02-…', masterKeyUUID: '…' }
 */
export function activeKeyOf(project: Project, cluster: Cluster): SnapshotKey | undefined {
  if (!usesCustomerKey(cluster)) return undefined;
  const provider = cluster.encryptionAtRestProvider;
  const keyId = keyIdOf(provider, project.encryptionAtRest.providers[provider]);
  if (keyId === undefined) return undefined;
  return { provider, keyId, masterKeyUUID: masterKeyUuidOf({ provider, keyId }) };
}
