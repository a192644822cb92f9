import type { Cluster, Finding } from '@mock-atlas/model';
import { validate } from '@mock-atlas/schemas';
import { clusterFrom20240805, clusterFromLegacy, type ClusterLayout } from '../../mappers';
import type { MockState } from '../../state/mock-state';
import { mintObjectId } from '../../state/object-ids';
import { later, nextId, schedule } from '../../state/timers';
import { accepted, firstError, notFound, refused, type OperationContext, type OperationResult } from '../result';
import { clusterFindings } from './cluster-findings';
import { clusterRuleFindings } from './cluster-rules';
import { DEFAULT_MONGODB_MAJOR_VERSION, defaultDiskSizeGB, findCluster, mongoDBVersionOf, putCluster, withoutSource } from './cluster-state';

/** The schema a create or update body of each layout is checked against. */
export const CLUSTER_SCHEMA_OF_LAYOUT = { legacy: 'cluster.legacy', '20240805': 'cluster.20240805' } as const satisfies Record<ClusterLayout, string>;

/**
 * Attributes the schemas leave optional (they also describe PATCH bodies) but a create
 * needs: a name, and where the cluster runs (v1.0 `providerSettings`, v2 `replicationSpecs`).
 */
const REQUIRED_ON_CREATE: Readonly<Record<ClusterLayout, readonly string[]>> = {
  legacy: ['name', 'providerSettings'],
  '20240805': ['name', 'replicationSpecs'],
};

function bodyFindings(body: unknown, layout: ClusterLayout): Finding[] {
  const schemaFindings = validate(CLUSTER_SCHEMA_OF_LAYOUT[layout], body);
  if (schemaFindings.length > 0) return schemaFindings;
  const record = body as Readonly<Record<string, unknown>>;
  return REQUIRED_ON_CREATE[layout].filter((a) => record[a] === undefined).map((a) => clusterFindings.missingAttribute(a));
}

/**
 * POST /groups/{groupId}/clusters. The body is checked against the schema of its layout
 * (v1.0 and 2023-01-01: `legacy`; 2024-08-05 and 2024-10-23: `20240805`), read into the
 * model, refused if the name is taken (400 DUPLICATE_CLUSTER_NAME) or any mock rule objects
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

  const findings = clusterRuleFindings(state, project, { kind: 'createCluster', cluster: requested }, ctx);
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
