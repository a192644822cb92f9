// PATCH /clusters/{name}: merge the fields a body names onto the cluster it updates.
import { primaryCloudOf, type Cluster, type Path } from '@mock-atlas/model';
import { CLUSTER_20240805_FIELDS, read20240805 } from './cluster-20240805';
import { DEFAULT_CLOUD, READ_ONLY_FACTS } from './cluster-common';
import { LEGACY_CLUSTER_FIELDS, readLegacyUpdate } from './cluster-legacy';
import type { ClusterLayout } from './cluster-layout';

/** A cluster after an update, and the model fields the update body named. */
export interface ClusterUpdate {
  readonly cluster: Cluster;
  /**
   * Model field names the body sets, whether or not the value differs from before (a
   * rule decides what a repeated value means). Read-only facts are never listed, and
   * `replicationSpecs` is listed for a legacy body's providerSettings only when the
   * topology it implies differs from the cluster's.
   */
  readonly changed: string[];
}

/**
 * Applies a PATCH body with Atlas merge semantics: fields the body leaves out keep their
 * value; read-only facts (id, groupId, stateName, mongoDBVersion, createDate) are never
 * taken from a body; `disabled` and `pendingChanges` are carried over for the operation to
 * decide. The result's `src` maps fields to the body (base []), so a finding points at
 * what the request sent, or where it would have sent a field it left out.
 * @example applyClusterUpdate(orders, { providerBackupEnabled: true }, 'legacy').changed // → ['cloudBackupEnabled']
 */
export function applyClusterUpdate(before: Cluster, body: Readonly<Record<string, unknown>>, layout: ClusterLayout): ClusterUpdate {
  const reading =
    layout === 'legacy' ? readLegacyUpdate(before, body) : read20240805(body, primaryCloudOf(before) ?? DEFAULT_CLOUD);
  const values: Record<string, unknown> = { ...reading.values };
  const fields: Record<string, Path> = { ...reading.fields };
  for (const fact of READ_ONLY_FACTS) {
    delete values[fact];
    delete fields[fact];
  }
  const layoutFields = layout === 'legacy' ? LEGACY_CLUSTER_FIELDS : CLUSTER_20240805_FIELDS;
  const cluster = { ...before, ...values, src: { base: [], fields: { ...layoutFields, ...fields } } } as Cluster;
  return { cluster, changed: Object.keys(values) };
}
