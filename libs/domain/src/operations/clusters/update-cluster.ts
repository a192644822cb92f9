import { tierClassOf, type Cluster, type Finding } from '@mock-atlas/model';
import { REGIONS_OF_PROVIDER, validate } from '@mock-atlas/schemas';
import { applyClusterUpdate, type ClusterLayout } from '../../mappers';
import type { MockState } from '../../state/mock-state';
import { findProjectCluster } from '../lookups';
import { later, reschedule } from '../../state/timers';
import { accepted, firstError, refused, type OperationContext, type OperationResult } from '../result';
import { clusterFindings } from './cluster-findings';
import { checkMockRules } from '../mock-rules';
import { clusterWithPendingChanges, putCluster, settingsDiff, applyClusterSettings, withoutSource } from './cluster-state';
import { CLUSTER_SCHEMA_OF_LAYOUT } from './create-cluster';

/**
 * A region the update places a dedicated cluster in that is not of the placement's cloud. The
 * schema ties a body's regions to its providerSettings; a PATCH without providerSettings names
 * regions of the cluster's cloud, which only the cluster knows (found by the request fuzzer,
 * tools/conformance/src/fuzz: an AWS cluster moved to CENTRAL_US, then reported as an AWS regionName
 * the contract refuses). Placements the cluster already had are left alone.
 */
function foreignRegion(before: Cluster, after: Cluster): Finding | undefined {
  // Most PATCHes leave the zones alone (the same array): nothing new to judge.
  if (after.replicationSpecs === before.replicationSpecs || tierClassOf(after.instanceSize) !== 'DEDICATED') return undefined;
  const had = new Set(before.replicationSpecs.flatMap((s) => s.regions.map((r) => `${r.provider} ${r.region}`)));
  for (const spec of after.replicationSpecs) {
    for (const r of spec.regions) {
      if (!had.has(`${r.provider} ${r.region}`) && !REGIONS_OF_PROVIDER[r.provider].includes(r.region)) {
        return clusterFindings.regionOfAnotherCloud(r.region, r.provider, ['replicationSpecs']);
      }
    }
  }
  return undefined;
}

/** Roles that may change termination protection (the spec's PATCH description: Project Owner). */
const OWNER_ROLES: readonly string[] = ['GROUP_OWNER', 'ORG_OWNER'];

/**
 * PATCH /groups/{groupId}/clusters/{clusterName}, with Atlas merge semantics (fields the body
 * leaves out keep their value). In order it refuses:
 * - an unknown cluster (404 CLUSTER_NOT_FOUND), one being deleted (400
 *   CLUSTER_ALREADY_REQUESTED_DELETION), a body its layout's schema rejects, a new `name`
 *   (400 CLUSTER_CANNOT_CHANGE_NAME);
 * - any change to a paused cluster other than `paused: false` (409 CANNOT_UPDATE_PAUSED_CLUSTER);
 * - a change of `terminationProtectionEnabled` by a caller without Project Owner (401
 *   USER_UNAUTHORIZED);
 * - whatever the mock rules refuse for an updateCluster operation naming the fields the body
 *   sets, so that legacy backup and customer key management are refused in either order.
 *
 * An accepted update of a cluster disabled by an invalid key (S0:65) changes nothing visible:
 * it is recorded in `pendingChanges` (the settings that will differ once applied, merged over
 * earlier pending ones) and the cluster keeps its state. Otherwise the settings apply and the
 * cluster goes UPDATING (a cluster still CREATING stays CREATING) until a `cluster-transition`
 * timer makes it IDLE; an update that changes nothing leaves the cluster as it is.
 * @example updateCluster(state, groupId, 'orders', { diskSizeGB: 160 }, 'legacy', ctx)
 */
export function updateCluster(
  state: MockState,
  groupId: string,
  name: string,
  body: unknown,
  layout: ClusterLayout,
  ctx: OperationContext,
): OperationResult<Cluster> {
  const found = findProjectCluster(state, groupId, name);
  if (!found.ok) return found;
  const { project, cluster: current } = found.value;
  if (current.stateName === 'DELETING') return refused([clusterFindings.alreadyDeleting(name)]);
  const schemaFindings = validate(CLUSTER_SCHEMA_OF_LAYOUT[layout], body);
  if (schemaFindings.length > 0) return refused(schemaFindings);
  const record = body as Readonly<Record<string, unknown>>;
  if (record['name'] !== undefined && record['name'] !== name) return refused([clusterFindings.cannotChangeName(name)]);

  // A disabled cluster's earlier pending changes are part of what this update builds on.
  const before = clusterWithPendingChanges(current);
  const update = applyClusterUpdate(before, record, layout);
  const foreign = foreignRegion(before, update.cluster);
  if (foreign) return refused([foreign]);
  const diff = settingsDiff(before, update.cluster);
  const diffFields = Object.keys(diff);

  if (before.paused && !(diff.paused === false && diffFields.length === 1)) return refused([clusterFindings.paused(name)]);
  const owner = !ctx.caller || ctx.caller.roles.some((r) => OWNER_ROLES.includes(r));
  if (diffFields.includes('terminationProtectionEnabled') && !owner) return refused([clusterFindings.terminationProtectionNeedsOwner(name)]);

  const changed = update.changed.filter((f) => f !== 'name');
  const findings = checkMockRules(state, project, { kind: 'updateCluster', before, cluster: update.cluster, changed }, ctx);
  if (firstError(findings)) return refused(findings);

  if (current.disabled) {
    const { pendingChanges: _earlier, ...visible } = withoutSource(current);
    const pending = settingsDiff(current, update.cluster);
    const held: Cluster = Object.keys(pending).length > 0 ? { ...visible, pendingChanges: pending } : visible;
    return accepted(putCluster(state, groupId, held), held, findings);
  }
  if (diffFields.length === 0) return accepted(state, current, findings);

  const updated: Cluster = {
    ...applyClusterSettings(withoutSource(current), diff),
    stateName: current.stateName === 'CREATING' ? 'CREATING' : 'UPDATING',
  };
  let next = putCluster(state, groupId, updated);
  // The cluster's earlier transition to IDLE, if still pending, gives way to the new one.
  next = reschedule(
    next,
    (t) => t.kind === 'cluster-transition' && t.clusterName === name && t.groupId === groupId && t.to === 'IDLE',
    { kind: 'cluster-transition', at: later(ctx.now, ctx.options.clusterTransitionMs), groupId, clusterName: name, to: 'IDLE' },
  );
  return accepted(next, updated, findings);
}
