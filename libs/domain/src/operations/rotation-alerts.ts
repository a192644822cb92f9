import { CLOUD_PROVIDERS, keyIdOf, type CloudProvider, type EncryptionAtRest } from '@mock-atlas/model';
import { mintObjectId } from '../state/object-ids';
import type { AlertConfig, MockState } from '../state/mock-state';
import type { OperationContext } from './result';

export function rotationEventType(provider: CloudProvider): string {
  return `${provider}_ENCRYPTION_KEY_NEEDS_ROTATION`;
}

/**
 * Keeps the key-rotation alert configs in step with the providers (S3:57: "Atlas
 * automatically creates a 90-day key rotation alert when you configure" customer keys):
 * configuring a provider creates its alert, changing its key restarts the rotation clock,
 * turning it off removes the alert.
 */
export function syncRotationAlerts(
  state: MockState,
  groupId: string,
  before: EncryptionAtRest,
  after: EncryptionAtRest,
  ctx: OperationContext,
): MockState {
  let alerts = state.alertConfigs;
  let configuredAt = { ...(state.keyConfiguredAt[groupId] ?? {}) };
  let sequence = state.sequence;
  for (const provider of CLOUD_PROVIDERS) {
    const was = before.providers[provider];
    const is = after.providers[provider];
    const eventTypeName = rotationEventType(provider);
    const mine = (a: AlertConfig) => a.groupId === groupId && a.eventTypeName === eventTypeName;
    if (!is.enabled) {
      alerts = alerts.filter((a) => !mine(a));
      delete configuredAt[provider];
      continue;
    }
    const keyChanged = !was.enabled || keyIdOf(provider, was) !== keyIdOf(provider, is);
    if (keyChanged) configuredAt = { ...configuredAt, [provider]: ctx.now };
    if (!alerts.some(mine)) {
      sequence += 1;
      alerts = [
        ...alerts,
        {
          id: mintObjectId(sequence, ctx.now),
          groupId,
          eventTypeName,
          enabled: true,
          created: ctx.now,
          updated: ctx.now,
          threshold: { operator: 'GREATER_THAN', units: 'DAYS', threshold: ctx.options.keyRotationDays },
        },
      ];
    }
  }
  return { ...state, alertConfigs: alerts, keyConfiguredAt: { ...state.keyConfiguredAt, [groupId]: configuredAt }, sequence };
}
