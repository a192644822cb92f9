// Atlas cluster representations: the model cluster in the layout of the served version,
// plus the read-only facts Atlas adds (ids, dates, versions, connection strings, links).
import {
  clusterFacts,
  clusterTo20240805,
  clusterToLegacy,
  deterministicObjectId,
  sortedKeys,
  type Cluster,
  type ClusterLayout,
} from '@mock-atlas/domain';

/** Where a cluster is presented: its project, the API root links point under, and the layout. */
export interface ClusterPresentation {
  readonly groupId: string;
  /** `…/api/atlas/v2` or `…/api/atlas/v1.0` (present/links.ts apiRootOf). */
  readonly apiRoot: string;
  readonly layout: ClusterLayout;
}

/** The per-project part of Atlas host names (`<cluster>.<hash>.mongodb.net`). */
function hostHashOf(groupId: string): string {
  return deterministicObjectId(`hosts:${groupId}`).slice(0, 5);
}

interface Endpoints {
  readonly srv: string;
  readonly hosts: string;
  readonly options: string;
}

function endpointsOf(cluster: Cluster, groupId: string, id: string): Endpoints {
  const name = cluster.name.toLowerCase();
  const domain = `${hostHashOf(groupId)}.mongodb.net`;
  const hosts = [0, 1, 2].map((i) => `${name}-shard-00-0${i}.${domain}:27017`).join(',');
  const replicaSet = cluster.clusterType === 'REPLICASET' ? `&replicaSet=atlas-${id.slice(-6)}-shard-0` : '';
  return { srv: `mongodb+srv://${name}.${domain}`, hosts: `mongodb://${hosts}`, options: `?ssl=true&authSource=admin${replicaSet}` };
}

/** Read-only ids Atlas gives each replication spec (per shard in 2024-08-05) and zone. */
function withSpecIds(specs: unknown, clusterId: string, layout: ClusterLayout): unknown {
  if (!Array.isArray(specs)) return specs;
  return specs.map((spec: Record<string, unknown>, i) => {
    const ids: Record<string, string> = { id: deterministicObjectId(`spec:${clusterId}/${i}`) };
    if (layout === '20240805') ids['zoneId'] = deterministicObjectId(`zone:${clusterId}/${String(spec['zoneName'])}`);
    return { ...ids, ...spec };
  });
}

/**
 * A cluster as Atlas answers for it in the served layout: `legacy` (v1.0 and v2 2023-01-01
 * `LegacyAtlasCluster`) or `20240805` (2024-08-05 and 2024-10-23 `ClusterDescription20240805`),
 * keys in alphabetical order as Atlas writes them. Added read-only facts:
 * - `id`, `groupId`, `createDate`, `mongoDBMajorVersion`/`mongoDBVersion`, `stateName`;
 * - `connectionStrings.standard`/`standardSrv` built from the cluster name and a per-project
 *   host hash (`mongodb+srv://orders.1a2b3.mongodb.net`), empty `{}` while CREATING as in the
 *   recorded POST response (README §9); legacy also `srvAddress`, `mongoURI`,
 *   `mongoURIWithOptions`, `mongoURIUpdated`;
 * - `links` (self, snapshots, restore jobs) and replication spec ids;
 * - Atlas defaults for settings the mock does not model (`labels`, `tags`, `biConnector`,
 *   `rootCertType`, `versionReleaseSystem`).
 *
 * A disabled cluster (invalid key, S0:63-65) is shown as it is: the Atlas body has no field
 * for pending changes, so updates accepted while disabled are not visible here but in the
 * state (`pendingChanges`) and on the control API, and appear in this body once they apply.
 * @example presentCluster(orders, { groupId, apiRoot: 'http://127.0.0.1:8080/api/atlas/v2', layout: '20240805' })
 */
export function presentCluster(cluster: Cluster, where: ClusterPresentation): Record<string, unknown> {
  const shown = clusterFacts(cluster, where.groupId);
  const self = `${where.apiRoot}/groups/${where.groupId}/clusters/${encodeURIComponent(cluster.name)}`;
  const ready = shown.stateName !== 'CREATING';
  const endpoints = ready ? endpointsOf(shown, where.groupId, shown.id) : undefined;
  if (where.layout === 'legacy') return legacyBody(shown, self, endpoints);
  const base = clusterTo20240805(shown);
  return sortedKeys({
    ...base,
    replicationSpecs: withSpecIds(base['replicationSpecs'], shown.id, where.layout),
    connectionStrings: connectionStringsOf(endpoints),
    links: linksOf(self),
    ...atlasDefaults(),
  });
}

function connectionStringsOf(endpoints: Endpoints | undefined): Record<string, string> {
  return endpoints ? { standard: `${endpoints.hosts}/${endpoints.options}`, standardSrv: endpoints.srv } : {};
}

function linksOf(self: string): { href: string; rel: string }[] {
  return [
    { href: self, rel: 'self' },
    { href: `${self}/backup/snapshots`, rel: 'https://cloud.mongodb.com/snapshots' },
    { href: `${self}/backup/restoreJobs`, rel: 'https://cloud.mongodb.com/restoreJobs' },
  ];
}

/** Settings the mock does not model, as Atlas reports them for a cluster that never set them. */
function atlasDefaults(): Record<string, unknown> {
  return { labels: [], tags: [], biConnector: { enabled: false, readPreference: 'SECONDARY' }, rootCertType: 'ISRGROOTX1', versionReleaseSystem: 'LTS' };
}

/**
 * The legacy body, written key by key in alphabetical order rather than assembled and sorted:
 * every PATCH of the legacy layout answers with one, and spreading then sorting ~30 keys was the
 * largest part of presenting it (docs/benchmarks.md). The mapped fields come from
 * clusterToLegacy; present/cluster.spec.ts checks that none of them is left out.
 */
function legacyBody(shown: Cluster & { readonly id: string }, self: string, endpoints: Endpoints | undefined): Record<string, unknown> {
  const mapped = clusterToLegacy(shown);
  const defaults = atlasDefaults();
  const body: Record<string, unknown> = {};
  body['backupEnabled'] = mapped['backupEnabled'];
  body['biConnector'] = defaults['biConnector'];
  body['clusterType'] = mapped['clusterType'];
  body['connectionStrings'] = connectionStringsOf(endpoints);
  if (mapped['createDate'] !== undefined) body['createDate'] = mapped['createDate'];
  if (mapped['diskSizeGB'] !== undefined) body['diskSizeGB'] = mapped['diskSizeGB'];
  body['encryptionAtRestProvider'] = mapped['encryptionAtRestProvider'];
  body['groupId'] = mapped['groupId'];
  body['id'] = mapped['id'];
  body['labels'] = defaults['labels'];
  body['links'] = linksOf(self);
  body['mongoDBMajorVersion'] = mapped['mongoDBMajorVersion'];
  body['mongoDBVersion'] = mapped['mongoDBVersion'];
  if (endpoints) {
    body['mongoURI'] = endpoints.hosts;
    if (shown.createDate !== undefined) body['mongoURIUpdated'] = shown.createDate;
    body['mongoURIWithOptions'] = `${endpoints.hosts}/${endpoints.options}`;
  }
  body['name'] = mapped['name'];
  body['numShards'] = mapped['numShards'];
  body['paused'] = mapped['paused'];
  body['pitEnabled'] = mapped['pitEnabled'];
  body['providerBackupEnabled'] = mapped['providerBackupEnabled'];
  body['providerSettings'] = mapped['providerSettings'];
  body['replicationSpecs'] = withSpecIds(mapped['replicationSpecs'], shown.id, 'legacy');
  body['rootCertType'] = defaults['rootCertType'];
  if (endpoints) body['srvAddress'] = endpoints.srv;
  body['stateName'] = mapped['stateName'];
  body['tags'] = defaults['tags'];
  body['terminationProtectionEnabled'] = mapped['terminationProtectionEnabled'];
  body['versionReleaseSystem'] = defaults['versionReleaseSystem'];
  return body;
}
