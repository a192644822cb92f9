import type { Cluster } from '@mock-atlas/model';
import { validate, type SchemaName } from '@mock-atlas/schemas';
import { clusterFrom20240805, clusterFromLegacy, type ClusterLayout } from '../../mappers';
import type { MockState } from '../../state/mock-state';
import { mintObjectId } from '../../state/object-ids';
import { later, nextId, schedule } from '../../state/timers';
import { accepted, firstError, notFound, refused, type OperationContext, type OperationResult } from '../result';
import { clusterFindings } from './cluster-findings';
import { checkMockRules } from '../mock-rules';
import { DEFAULT_MONGODB_MAJOR_VERSION, defaultDiskSizeGB, findCluster, mongoDBVersionOf, putCluster, withoutSource } from './cluster-state';

/** The schema an update body of each layout is checked against. */
export const CLUSTER_SCHEMA_OF_LAYOUT = { legacy: 'cluster.legacy', '20240805': 'cluster.20240805' } as const satisfies Record<ClusterLayout, SchemaName>;

/**
 * The schema a create body is checked against: its layout's, plus what a create needs and the
 * layout's schema leaves optional for PATCH bodies (a name; where the cluster runs; in v1.0 a tier,
 * FLEX aside, and a region). libs/schemas cluster-create.ts holds them, and the config schema's
 * clusters refer to the same ones, so the linter refuses what the mock refuses, with the same
 * findings. Atlas documents no default tier or region; the mock refuses rather than invent one
 * (found by the request fuzzer: such clusters had no region, or became a dedicated M10).
 */
const CREATE_SCHEMA_OF_LAYOUT = { legacy: 'cluster.legacy.create', '20240805': 'cluster.20240805.create' } as const satisfies Record<ClusterLayout, SchemaName>;

/**
 * POST /groups/{groupId}/clusters. The body is checked against the create schema of its layout
 * (v1.0 and 2023-01-01: `legacy`; 2024-08-05 and 2024-10-23: `20240805`; a missing name,
 * placement, tier or region is 400 MISSING_ATTRIBUTE), read into the model, refused if the name is taken (400 DUPLICATE_CLUSTER_NAME) or any mock rule objects
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
  const problems = validate(CREATE_SCHEMA_OF_LAYOUT[layout], body);
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
