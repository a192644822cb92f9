import {
  CLOUD_PROVIDERS,
  KMS_DISPLAY_NAME,
  keyIdOf,
  type CloudProvider,
  type Cluster,
  type KmsKey,
  type Project,
} from '@mock-atlas/model';
import { describeKeyProblem, keyProblemOf, type KeyProblem, type KmsView } from '@mock-atlas/rules';
import { isProviderValid } from '../../kms/provider-validity';
import { applyClusterSettings } from '../clusters/cluster-state';
import { kmsViewOf } from '../../state/mock-kms';
import type { MockState, Notification } from '../../state/mock-state';
import { mintObjectId } from '../../state/object-ids';
import { later, nextId, schedule } from '../../state/timers';
import { accepted, notFound, refused, type OperationContext, type OperationResult } from '../result';
import { closeAlerts, ensureAlertConfig, invalidKeyEventType, openAlert } from './key-alerts';
import { projectOwnersOf } from './project-owners';

/** One enabled provider's verdict. */
export interface ProviderValidity {
  readonly provider: CloudProvider;
  readonly valid: boolean;
  readonly keyId?: string;
  /** Why it is invalid (the key's state, or BAD_CREDENTIALS). */
  readonly problem?: KeyProblem;
}

/** What one validity check found and did (the answer of POST /_mock/groups/{id}/encryptionAtRest/validate). */
export interface ValidityReport {
  readonly groupId: string;
  readonly checkedAt: string;
  readonly providers: readonly ProviderValidity[];
  /** Clusters this check shut down. */
  readonly disabledClusters: readonly string[];
  /** Clusters this check brought back (their pending changes applied). */
  readonly restoredClusters: readonly string[];
}

/**
 * What a check looks up: the KMS as one project sees it, and whether an invalid-key alert
 * is open. The scheduled check builds it once for every project (indexed, so 1,000
 * projects stay cheap every 15 minutes); the on-demand check builds it for one.
 */
interface ValidityLookups {
  kmsFor(groupId: string): KmsView;
  hasOpenInvalidAlert(groupId: string, provider: CloudProvider): boolean;
}

const lookupKey = (groupId: string, provider: CloudProvider) => `${groupId}\u0000${provider}`;

function openInvalidAlerts(state: MockState, groupId?: string): Set<string> {
  const open = new Set<string>();
  for (const a of state.alerts) {
    if (a.status !== 'OPEN' || (groupId !== undefined && a.groupId !== groupId)) continue;
    const provider = CLOUD_PROVIDERS.find((p) => a.eventTypeName === invalidKeyEventType(p));
    if (provider) open.add(lookupKey(a.groupId, provider));
  }
  return open;
}

/** Lookups for a single project, straight off the state. */
function projectLookups(state: MockState, groupId: string, ctx: OperationContext): ValidityLookups {
  const open = openInvalidAlerts(state, groupId);
  return {
    kmsFor: (id) => kmsViewOf(state, id, ctx.options),
    hasOpenInvalidAlert: (id, provider) => open.has(lookupKey(id, provider)),
  };
}

/**
 * Lookups for every project at once: keys indexed by (provider, key id), so each project's
 * view holds just the keys its providers name and the check never scans the whole KMS.
 */
function indexedLookups(state: MockState, ctx: OperationContext): ValidityLookups {
  const keys = new Map<string, KmsKey>();
  for (const key of state.kmsKeys) keys.set(`${key.provider}\u0000${key.keyId}`, key);
  const open = openInvalidAlerts(state);
  return {
    kmsFor(groupId) {
      const project = state.projects[groupId];
      const named: KmsKey[] = [];
      for (const provider of CLOUD_PROVIDERS) {
        const settings = project?.encryptionAtRest.providers[provider];
        const keyId = settings?.enabled ? keyIdOf(provider, settings) : undefined;
        const key = keyId === undefined ? undefined : keys.get(`${provider}\u0000${keyId}`);
        if (key) named.push(key);
      }
      const view = kmsViewOf(state, groupId, ctx.options);
      return { ...view, keys: named };
    },
    hasOpenInvalidAlert: (groupId, provider) => open.has(lookupKey(groupId, provider)),
  };
}

function verdictsOf(project: Project, kms: KmsView): ProviderValidity[] {
  return CLOUD_PROVIDERS.flatMap((provider) => {
    const settings = project.encryptionAtRest.providers[provider];
    if (!settings.enabled) return [];
    const valid = isProviderValid(kms, provider, settings);
    const keyId = keyIdOf(provider, settings);
    const problem: KeyProblem | undefined = valid
      ? undefined
      : kms.credentialsValid(provider) === false
        ? 'BAD_CREDENTIALS'
        : keyId === undefined
          ? undefined
          : keyProblemOf(kms.keys, kms.unseenKeys, provider, keyId);
    return [{ provider, valid, ...(keyId === undefined ? {} : { keyId }), ...(problem ? { problem } : {}) }];
  });
}

/**
 * The cluster running again: no longer disabled, its pending changes applied (S0:65, S0:75).
 * An idle cluster with changes waiting goes through an update (UPDATING, then IDLE), as if
 * the changes had been submitted now; `updates` says so.
 */
function restored(cluster: Cluster): { cluster: Cluster; updates: boolean } {
  const { disabled: _disabled, pendingChanges, ...rest } = cluster;
  if (pendingChanges === undefined || Object.keys(pendingChanges).length === 0) return { cluster: rest, updates: false };
  // No stateName is a cluster loaded from a config, shown as IDLE.
  const updates = rest.stateName === undefined || rest.stateName === 'IDLE';
  return { cluster: { ...applyClusterSettings(rest, pendingChanges), ...(updates ? { stateName: 'UPDATING' as const } : {}) }, updates };
}

function notificationText(project: Project, verdicts: readonly ProviderValidity[], clusterNames: readonly string[]): { subject: string; body: string } {
  const causes = verdicts
    .filter((v) => !v.valid)
    .map((v) =>
      v.keyId !== undefined && v.problem !== undefined
        ? `${describeKeyProblem(v.provider, v.keyId, v.problem)}.`
        : `Atlas cannot use the ${KMS_DISPLAY_NAME[v.provider]} configuration.`,
    );
  const list = clusterNames.join(', ');
  const plural = clusterNames.length === 1 ? 'cluster' : 'clusters';
  return {
    subject: `Atlas disabled ${clusterNames.length} ${plural} in project ${project.name}: invalid Encryption at Rest settings`,
    body: [
      `The Encryption at Rest settings of project ${project.name} (${project.id}) are no longer valid. ${causes.join(' ')}`,
      `Atlas shut down the mongod and mongos processes of the affected ${plural}: ${list}.`,
      'You cannot read or write data on disabled clusters; they keep all their data, and updates you submit apply once the key is restored.',
      'Restore the key or fix the credentials, then click Try Again in the Advanced Security settings, or wait for the next scheduled check.',
    ].join('\n'),
  };
}

/**
 * The validity check of one project (RULES.md "Validity checks"), with the lookups to use.
 * Returns the same state object when nothing changed, so a quiet check costs no write.
 */
function checkProjectValidity(
  state: MockState,
  groupId: string,
  lookups: ValidityLookups,
  ctx: OperationContext,
): { state: MockState; report: ValidityReport } {
  const project = state.projects[groupId];
  if (!project) return { state, report: { groupId, checkedAt: ctx.now, providers: [], disabledClusters: [], restoredClusters: [] } };
  const verdicts = verdictsOf(project, lookups.kmsFor(groupId));
  const invalid = new Set(verdicts.filter((v) => !v.valid).map((v) => v.provider));

  const disabledClusters: string[] = [];
  const restoredClusters: string[] = [];
  const updating: string[] = [];
  const clusters = project.clusters.map((cluster) => {
    const provider = cluster.encryptionAtRestProvider;
    const shouldBeDisabled = provider !== 'NONE' && invalid.has(provider);
    if (shouldBeDisabled && !cluster.disabled) {
      disabledClusters.push(cluster.name);
      return { ...cluster, disabled: { reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID' as const, since: ctx.now } };
    }
    if (!shouldBeDisabled && cluster.disabled) {
      restoredClusters.push(cluster.name);
      const back = restored(cluster);
      if (back.updates) updating.push(cluster.name);
      return back.cluster;
    }
    return cluster;
  });

  const flagChanges = verdicts.filter((v) => project.encryptionAtRest.providers[v.provider].valid !== v.valid);
  const alertsToOpen = verdicts.filter((v) => !v.valid && !lookups.hasOpenInvalidAlert(groupId, v.provider));
  const alertsToClose = CLOUD_PROVIDERS.filter((p) => !invalid.has(p) && lookups.hasOpenInvalidAlert(groupId, p));
  const report: ValidityReport = { groupId, checkedAt: ctx.now, providers: verdicts, disabledClusters, restoredClusters };
  const quiet =
    disabledClusters.length === 0 && restoredClusters.length === 0 && flagChanges.length === 0 && alertsToOpen.length === 0 && alertsToClose.length === 0;
  if (quiet) return { state, report };

  let providers = project.encryptionAtRest.providers;
  for (const v of flagChanges) providers = { ...providers, [v.provider]: { ...providers[v.provider], valid: v.valid } };
  let next: MockState = {
    ...state,
    projects: { ...state.projects, [groupId]: { ...project, clusters, encryptionAtRest: { ...project.encryptionAtRest, providers } } },
  };

  for (const clusterName of updating) {
    next = schedule(next, { kind: 'cluster-transition', at: later(ctx.now, ctx.options.clusterTransitionMs), groupId, clusterName, to: 'IDLE' });
  }

  for (const v of alertsToOpen) {
    const eventTypeName = invalidKeyEventType(v.provider);
    const [config, withConfig] = ensureAlertConfig(next, groupId, eventTypeName, ctx.now);
    const clusterNames = clusters.filter((c) => c.encryptionAtRestProvider === v.provider).map((c) => c.name);
    [, next] = openAlert(
      withConfig,
      { groupId, alertConfigId: config.id, eventTypeName, clusterNames, ...(v.keyId === undefined ? {} : { keyId: v.keyId }) },
      ctx.now,
    );
  }
  if (alertsToClose.length > 0) {
    const closing = new Set(alertsToClose.map(invalidKeyEventType));
    next = closeAlerts(next, (a) => a.groupId === groupId && closing.has(a.eventTypeName), ctx.now);
  }

  if (disabledClusters.length > 0) {
    const { subject, body } = notificationText(project, verdicts, disabledClusters);
    const notifications: Notification[] = [];
    for (const to of projectOwnersOf(next, groupId)) {
      let id: string;
      [id, next] = nextId(next, ctx.now, mintObjectId);
      notifications.push({ id, groupId, at: ctx.now, to, subject, body, clusterNames: disabledClusters });
    }
    next = { ...next, outbox: [...next.outbox, ...notifications] };
  }
  return { state: next, report };
}

/**
 * Runs the validity check of one project now: the console's "Try Again" (S0:73-75) and
 * POST /_mock/groups/{groupId}/encryptionAtRest/validate. An enabled provider whose
 * credentials fail or whose key is not ENABLED becomes `valid: false`; the clusters using
 * it are disabled, each Project Owner gets one e-mail listing them (S0:63) and a
 * `<P>_ENCRYPTION_KEY_INVALID` alert opens. When a later check passes, the clusters come
 * back with their pending changes applied and the alert closes. Data is kept throughout.
 * @example validateProject(state, groupId, ctx) // → accepted(state', {providers: [{provider: 'AWS', valid: false, ...}], disabledClusters: ['orders'], ...})
 */
export function validateProject(state: MockState, groupId: string, ctx: OperationContext): OperationResult<ValidityReport> {
  if (!state.projects[groupId]) return refused([notFound.group(groupId)]);
  const { state: next, report } = checkProjectValidity(state, groupId, projectLookups(state, groupId, ctx), ctx);
  return accepted(next, report);
}

/** What a quiet check depended on besides the project itself. */
interface CheckInputs {
  readonly kmsKeys: MockState['kmsKeys'];
  readonly alerts: MockState['alerts'];
  readonly credentials: unknown;
  readonly kms: OperationContext['options']['kms'];
}

// The check is a pure function of the project, the KMS, the project's credentials and the
// alerts. So when none of them changed since a check that changed nothing, checking again
// would change nothing either: memoised by object identity, the scheduled check of 1,000 idle projects
// is a few lookups each, every 15 virtual minutes over months of advanced time.
const quietProjects = new WeakMap<Project, CheckInputs>();
const quietStates = new WeakMap<MockState['projects'], CheckInputs>();

const sameInputs = (memo: CheckInputs | undefined, inputs: CheckInputs) =>
  memo !== undefined &&
  memo.kmsKeys === inputs.kmsKeys &&
  memo.alerts === inputs.alerts &&
  memo.credentials === inputs.credentials &&
  memo.kms === inputs.kms;

/** The scheduled check: every project, with lookups built once, skipping what cannot have changed. */
export function validateAllProjects(state: MockState, ctx: OperationContext): MockState {
  const all: CheckInputs = { kmsKeys: state.kmsKeys, alerts: state.alerts, credentials: state.kmsCredentials, kms: ctx.options.kms };
  if (sameInputs(quietStates.get(state.projects), all)) return state;
  let lookups: ValidityLookups | undefined;
  let next = state;
  for (const [groupId, project] of Object.entries(state.projects)) {
    const inputs: CheckInputs = { kmsKeys: state.kmsKeys, alerts: state.alerts, credentials: state.kmsCredentials[groupId], kms: ctx.options.kms };
    if (sameInputs(quietProjects.get(project), inputs)) continue;
    lookups ??= indexedLookups(state, ctx);
    const checked = checkProjectValidity(next, groupId, lookups, ctx).state;
    if (checked === next) quietProjects.set(project, inputs);
    next = checked;
  }
  if (next === state) quietStates.set(state.projects, all);
  return next;
}
