import type { AlertConfig } from '@mock-atlas/domain';

/**
 * Who Atlas notifies for the alerts it creates on its own: the project's owners, by e-mail
 * (S0:63 "Atlas sends an email to the Project Owner"), as a `GroupNotification`. Atlas's
 * own defaults for a new alert: every 60 minutes, no delay, no SMS.
 */
const OWNER_NOTIFICATION = {
  delayMin: 0,
  emailEnabled: true,
  intervalMin: 60,
  roles: ['GROUP_OWNER'],
  smsEnabled: false,
  typeName: 'GROUP',
} as const;

/**
 * An `EncryptionKeyAlertConfigViewForNdsGroup` (README §6): the rotation reminder with its
 * `GREATER_THAN n DAYS` threshold, or the invalid-key alert, which has none. The same fields
 * in v1.0 and v2 2023-01-01.
 */
export function presentAlertConfig(config: AlertConfig, apiRoot: string): Record<string, unknown> {
  return {
    created: config.created,
    enabled: config.enabled,
    eventTypeName: config.eventTypeName,
    groupId: config.groupId,
    id: config.id,
    links: [{ href: `${apiRoot}/groups/${config.groupId}/alertConfigs/${config.id}`, rel: 'self' }],
    matchers: [],
    notifications: [{ ...OWNER_NOTIFICATION, roles: [...OWNER_NOTIFICATION.roles] }],
    ...(config.threshold ? { threshold: { ...config.threshold } } : {}),
    updated: config.updated,
  };
}
