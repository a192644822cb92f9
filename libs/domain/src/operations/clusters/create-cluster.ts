import type { Cluster, Finding } from '@mock-atlas/model';
import { validate } from '@mock-atlas/schemas';
import { clusterFrom20240805, clusterFromLegacy, legacyBodyPlacesARegion, type ClusterLayout } from '../../mappers';
import type { MockState } from '../../state/mock-state';
import { mintObjectId } from '../../state/object-ids';
import { later, nextId, schedule } from '../../state/timers';
import { accepted, firstError, notFound, refused, type OperationContext, type OperationResult } from '../result';
import { clusterFindings } from './cluster-findings';
import { checkMockRules } from '../mock-rules';
import { DEFAULT_MONGODB_MAJOR_VERSION, defaultDiskSizeGB, findCluster, mongoDBVersionOf, putCluster, withoutSource } from './cluster-state';

/** The schema a create or update body of each layout is checked against. */
export const CLUSTER_SCHEMA_OF_LAYOUT = { legacy: 'cluster.legacy', '20240805': 'cluster.20240805' } as const satisfies Record<ClusterLayout, string>;

/**
 * Attributes the schemas leave optional (they also describe PATCH bodies) but a create
 * needs: a name, and where the cluster runs (v1.0 `providerSettings`, v2 `replicationSpecs`).
 * A v1.0 create also needs a tier and a region (legacyCreateFindings).
 */
const REQUIRED_ON_CREATE: Readonly<Record<ClusterLayout, readonly string[]>> = {
  legacy: ['name', 'providerSettings'],
  '20240805': ['name', 'replicationSpecs'],
};

/**
 * The legacy providerNames whose tier a create must name: every cloud and TENANT (M0, M2 or
 * M5). FLEX has one size, which the mapper implies. Atlas's default tier is not documented, so
 * the mock refuses rather than invent one (found by the request fuzzer: a TENANT create without
 * a size became a dedicated M10).
 */
const SIZE_REQUIRED_FOR: ReadonlySet<unknown> = new Set(['AWS', 'AZURE', 'GCP', 'TENANT']);

/**
 * What a legacy create needs inside providerSettings, checked in the config schema's order
 * (libs/schemas project-config.ts): a tier, then a place to run. Without a region the cluster
 * had none at all (found by the request fuzzer); no cloud or region is invented for it.
 */
function legacyCreateFindings(record: Readonly<Record<string, unknown>>): Finding[] {
  const settings = record['providerSettings'] as Readonly<Record<string, unknown>>;
  const findings: Finding[] = [];
  if (SIZE_REQUIRED_FOR.has(settings['providerName']) && settings['instanceSizeName'] === undefined) {
    findings.push(clusterFindings.missingAttribute('instanceSizeName', ['providerSettings', 'instanceSizeName']));
  }
  if (!legacyBodyPlacesARegion(record)) findings.push(clusterFindings.missingAttribute('regionName', ['providerSettings', 'regionName']));
  return findings;
}

function bodyFindings(body: unknown, layout: ClusterLayout): Finding[] {
  const schemaFindings = validate(CLUSTER_SCHEMA_OF_LAYOUT[layout], body);
  if (schemaFindings.length > 0) return schemaFindings;
  const record = body as Readonly<Record<string, unknown>>;
  const missing = REQUIRED_ON_CREATE[layout].filter((a) => record[a] === undefined).map((a) => clusterFindings.missingAttribute(a));
  if (missing.length > 0 || layout !== 'legacy') return missing;
  return legacyCreateFindings(record);
}

/**
 * POST /groups/{groupId}/clusters. The body is checked against the schema of its layout
 * (v1.0 and 2023-01-01: `legacy`; 2024-08-05 and 2024-10-23: `20240805`) and must say where
 * the cluster runs (a legacy body also its tier, FLEX aside, and a region: 400 MISSING_ATTRIBUTE
 * instanceSizeName / regionName), read into the model, refused if the name is taken (400 DUPLICATE_CLUSTER_NAME) or any mock rule objects
 * (cluster/* and backup/*, with the caller's roles), and otherwise added in state CREATING
 * with Atlas's read-only facts (id, groupId, createDate, mongoDBMajorVersion and
 * mongoDBVersion, the tier's default disk size). A `cluster-transition` timer makes it IDLE
 * `options.clusterTransitionMs` later.
 * @example createCluster(state, groupId, { name: 'orders', providerSettings: { providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' } }, 'legacy', ctx)
 */
export function createCluster(
  state: MockState,
  groupId: string,
  body: unknown,
  layout: ClusterLayout,
  ctx: OperationContext,
): OperationResult<Cluster> {
  const project = state.projects[groupId];
  if (!project) return refused([notFound.group(groupId)]);
  const problems = bodyFindings(body, layout);
  if (problems.length > 0) return refused(problems);

  const record = body as Readonly<Record<string, unknown>>;
  const requested = layout === 'legacy' ? clusterFromLegacy(record) : clusterFrom20240805(record);
  if (findCluster(project, requested.name)) return refused([clusterFindings.duplicateName(requested.name, groupId)]);

  const findings = checkMockRules(state, project, { kind: 'createCluster', cluster: requested }, ctx);
  if (firstError(findings)) return refused(findings);

  const [id, minted] = nextId(state, ctx.now, mintObjectId);
  const major = requested.mongoDBMajorVersion ?? DEFAULT_MONGODB_MAJOR_VERSION;
  const diskSizeGB = requested.diskSizeGB ?? defaultDiskSizeGB(requested.instanceSize);
  // Read-only facts a body may carry (a GET body sent back) are Atlas's to set, never the client's.
  const cluster: Cluster = {
    ...withoutSource(requested),
    id,
    groupId,
    createDate: ctx.now,
    mongoDBMajorVersion: major,
    mongoDBVersion: mongoDBVersionOf(major),
    stateName: 'CREATING',
    ...(diskSizeGB === undefined ? {} : { diskSizeGB }),
  };
  let next = putCluster(minted, groupId, cluster);
  next = schedule(next, {
    kind: 'cluster-transition',
    at: later(ctx.now, ctx.options.clusterTransitionMs),
    groupId,
    clusterName: cluster.name,
    to: 'IDLE',
  });
  return accepted(next, cluster, findings);
}
