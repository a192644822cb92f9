import { KMS_DISPLAY_NAME, fieldPath, keyIdOf, type KmsKey, type Project } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

const DAY_MS = 24 * 60 * 60 * 1000;

/** True when an enabled provider of the project encrypts with this key today. */
function inUse(key: KmsKey, project: Project): boolean {
  const state = project.encryptionAtRest.providers[key.provider];
  return state.enabled && keyIdOf(key.provider, state) === key.keyId;
}

/**
 * Atlas never rotates customer keys and opens a rotation alert instead: after 365 days per
 * S0:17, after 90 per S3:57 and the current spec. The threshold is an option defaulting to
 * 90. Only keys an enabled provider uses today are judged: an old key kept so that older
 * snapshots stay restorable (S0:90) is supposed to stay, not to be rotated.
 */
export default defineRule({
  id: 'kms/key-rotation-age',
  severity: 'warn',
  scope: ['lint'],
  description:
    'A key in use by an enabled provider whose `createdAt` is older than the rotation threshold (default 90 days, configurable) should be rotated.',
  sources: ['S0:17', 'S3:57'],
  appliesTo: ['reviewConfig'],
  check({ kms, project, now, options }) {
    const nowMs = Date.parse(now);
    const thresholdDays = options.keyRotationDays;
    return kms.keys.flatMap((key) => {
      if (key.createdAt === undefined || !inUse(key, project)) return [];
      const ageMs = nowMs - Date.parse(key.createdAt);
      // NaN (an unparsable date) fails this comparison, so bad dates stay silent here.
      if (!(ageMs > thresholdDays * DAY_MS)) return [];
      const ageDays = Math.floor(ageMs / DAY_MS);
      return [
        {
          path: fieldPath(key, 'createdAt'),
          message: `${KMS_DISPLAY_NAME[key.provider]} key ${key.keyId} was created ${ageDays} days ago, more than the ${thresholdDays}-day rotation threshold; Atlas cannot rotate it, so rotate it in your KMS.`,
          parameters: [key.keyId, ageDays, thresholdDays],
        },
      ];
    });
  },
});
