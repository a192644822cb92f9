import { CLOUD_PROVIDERS, keyIdOf } from '@mock-atlas/model';
import type { AlertConfig, MockState } from '../../state/mock-state';
import { rotationEventType } from '../rotation-alerts';
import type { OperationContext } from '../result';
import { closeAlerts, openAlert } from './key-alerts';

const DAY_MS = 24 * 60 * 60 * 1000;

const ROTATION_EVENTS = new Set(CLOUD_PROVIDERS.map(rotationEventType));

const slot = (...parts: string[]) => parts.join('\u0000');

/** What a check read, and the first instant after which one of its keys comes due. */
interface Checked {
  readonly projects: MockState['projects'];
  readonly alertConfigs: MockState['alertConfigs'];
  readonly alerts: MockState['alerts'];
  readonly nextDueMs: number;
}

// A check that opened and closed nothing depends only on these parts of the state and on
// the time; until the earliest pending key comes due, checking the same parts again cannot
// open anything. Memoised by object identity, so an hourly check over 1,000 projects that
// nobody touched is one lookup.
const quiet = new WeakMap<MockState['keyConfiguredAt'], Checked>();

/**
 * Opens `<P>_ENCRYPTION_KEY_NEEDS_ROTATION` for every provider whose key has been configured
 * for longer than its rotation alert's threshold (ear/rotation-alert: GREATER_THAN n DAYS,
 * counted from state.keyConfiguredAt), once per key configuration; closes the alerts of
 * keys that have since been rotated away or whose provider was turned off. One pass over
 * the configs and alerts whatever the number of projects, so an hourly check stays cheap.
 */
export function checkKeyRotation(state: MockState, ctx: OperationContext): MockState {
  const nowMs = Date.parse(ctx.now);
  const memo = quiet.get(state.keyConfiguredAt);
  if (memo && memo.projects === state.projects && memo.alertConfigs === state.alertConfigs && memo.alerts === state.alerts && nowMs <= memo.nextDueMs) {
    return state;
  }
  const configs = new Map<string, AlertConfig>();
  for (const c of state.alertConfigs) if (ROTATION_EVENTS.has(c.eventTypeName)) configs.set(slot(c.groupId, c.eventTypeName), c);
  // The latest rotation alert per (project, event, key): one per key configuration.
  const latest = new Map<string, number>();
  for (const a of state.alerts) {
    if (!ROTATION_EVENTS.has(a.eventTypeName)) continue;
    const at = slot(a.groupId, a.eventTypeName, a.keyId ?? '');
    latest.set(at, Math.max(latest.get(at) ?? -Infinity, Date.parse(a.created)));
  }

  let next = state;
  let nextDueMs = Infinity;
  for (const [groupId, configuredAt] of Object.entries(state.keyConfiguredAt)) {
    const project = state.projects[groupId];
    if (!project) continue;
    for (const provider of CLOUD_PROVIDERS) {
      const since = configuredAt[provider];
      const settings = project.encryptionAtRest.providers[provider];
      const keyId = keyIdOf(provider, settings);
      if (since === undefined || !settings.enabled || keyId === undefined) continue;
      const eventTypeName = rotationEventType(provider);
      const config = configs.get(slot(groupId, eventTypeName));
      if (!config?.enabled) continue;
      const days = config.threshold?.threshold ?? ctx.options.keyRotationDays;
      const sinceMs = Date.parse(since);
      if ((latest.get(slot(groupId, eventTypeName, keyId)) ?? -Infinity) >= sinceMs) continue;
      // GREATER_THAN n DAYS: due once strictly more than n days have passed.
      const dueMs = sinceMs + days * DAY_MS;
      if (!(nowMs > dueMs)) {
        if (dueMs < nextDueMs) nextDueMs = dueMs;
        continue;
      }
      [, next] = openAlert(next, { groupId, alertConfigId: config.id, eventTypeName, keyId }, ctx.now);
    }
  }

  const checked = closeAlerts(
    next,
    (a) => {
      if (!ROTATION_EVENTS.has(a.eventTypeName)) return false;
      const provider = CLOUD_PROVIDERS.find((p) => rotationEventType(p) === a.eventTypeName)!;
      const settings = next.projects[a.groupId]?.encryptionAtRest.providers[provider];
      return !settings?.enabled || keyIdOf(provider, settings) !== a.keyId;
    },
    ctx.now,
  );
  if (checked === state) quiet.set(state.keyConfiguredAt, { projects: state.projects, alertConfigs: state.alertConfigs, alerts: state.alerts, nextDueMs });
  return checked;
}
