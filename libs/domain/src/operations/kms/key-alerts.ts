import type { CloudProvider } from '@mock-atlas/model';
import { mintObjectId } from '../../state/object-ids';
import type { AlertConfig, MockState, OpenAlert } from '../../state/mock-state';
import { nextId } from '../../state/timers';

/** The alert Atlas opens when a provider's key or credentials stop working (README §6). */
export function invalidKeyEventType(provider: CloudProvider): string {
  return `${provider}_ENCRYPTION_KEY_INVALID`;
}

/** The alert config for `eventTypeName` in the project, creating it (enabled, no threshold) when missing. */
export function ensureAlertConfig(state: MockState, groupId: string, eventTypeName: string, now: string): [AlertConfig, MockState] {
  const existing = state.alertConfigs.find((a) => a.groupId === groupId && a.eventTypeName === eventTypeName);
  if (existing) return [existing, state];
  const [id, next] = nextId(state, now, mintObjectId);
  const config: AlertConfig = { id, groupId, eventTypeName, enabled: true, created: now, updated: now };
  return [config, { ...next, alertConfigs: [...next.alertConfigs, config] }];
}

/** Opens an alert (status OPEN, created now) and returns it with the state that holds it. */
export function openAlert(
  state: MockState,
  alert: Omit<OpenAlert, 'id' | 'status' | 'created' | 'resolved'>,
  now: string,
): [OpenAlert, MockState] {
  const [id, next] = nextId(state, now, mintObjectId);
  const opened: OpenAlert = { ...alert, id, status: 'OPEN', created: now };
  return [opened, { ...next, alerts: [...next.alerts, opened] }];
}

/** Closes (resolved: now) every open alert the predicate matches; the same state when none does. */
export function closeAlerts(state: MockState, matches: (alert: OpenAlert) => boolean, now: string): MockState {
  let changed = false;
  const alerts = state.alerts.map((a) => {
    if (a.status !== 'OPEN' || !matches(a)) return a;
    changed = true;
    return { ...a, status: 'CLOSED' as const, resolved: now };
  });
  return changed ? { ...state, alerts } : state;
}
