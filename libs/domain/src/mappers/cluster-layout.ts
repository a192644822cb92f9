// Config files may hold a cluster in either layout; the regionConfigs array tells them apart.
import type { Cluster, Path } from '@mock-atlas/model';
import { clusterFrom20240805 } from './cluster-20240805';
import { clusterFromLegacy } from './cluster-legacy';
import { asArray, asRecord } from './read';

/** The two cluster body layouts: v1.0 / 2023-01-01 (`legacy`) and 2024-08-05 / 2024-10-23. */
export type ClusterLayout = 'legacy' | '20240805';

/**
 * Which layout a cluster body is written in: 2024-08-05 when any replication spec has a
 * `regionConfigs` array, legacy otherwise (providerSettings, regionsConfig, or neither).
 * @example clusterLayoutOf({ providerSettings: { providerName: 'AWS' } }) // → 'legacy'
 */
export function clusterLayoutOf(body: Readonly<Record<string, unknown>>): ClusterLayout {
  const specs = asArray(body['replicationSpecs']) ?? [];
  return specs.some((spec) => asArray(asRecord(spec)?.['regionConfigs']) !== undefined) ? '20240805' : 'legacy';
}

/**
 * A cluster body of either layout as a model cluster (for config files, which may hold both).
 * @example clusterFromAnyLayout(config.clusters[0], ['clusters', 0])
 */
export function clusterFromAnyLayout(body: Readonly<Record<string, unknown>>, base: Path = []): Cluster {
  return clusterLayoutOf(body) === '20240805' ? clusterFrom20240805(body, base) : clusterFromLegacy(body, base);
}
