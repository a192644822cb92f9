import { EAR_DOCUMENT, KMS_DISPLAY_NAME, REQUIRED_TO_ENABLE } from '@mock-atlas/model';
import { defineRule, type Violation } from '../define-rule';

/** JSON `null` counts as absent, so that `{ region: null }` is reported rather than accepted. */
function isSent(request: Readonly<Record<string, unknown>>, field: string): boolean {
  return request[field] !== undefined && request[field] !== null;
}

/**
 * S3:199-205: turning a provider on needs every field of its document. S3:199 says "If
 * you have enabled" but means "to enable" (RULES.md); S3:207 lets a PATCH of a provider
 * that is already on carry only the changed fields, so this rule looks only at the PATCH
 * that switches the provider from off to on, and only at the fields sent in it.
 */
export default defineRule({
  id: 'ear/provider-fields-complete',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'MISSING_ATTRIBUTE',
  httpStatus: 400,
  description:
    'Turning a provider on needs every field of its document (AWS: key, region and a role or an access key pair; Azure: all eight; GCP: key version and a service account key or a role); later updates may send only the changed fields.',
  sources: ['S3:199', 'S3:207', 'spec'],
  appliesTo: ['updateEncryptionAtRest'],
  check({ op }) {
    if (op.before.enabled || !op.after.enabled) return [];
    const doc = EAR_DOCUMENT[op.provider];
    const kms = KMS_DISPLAY_NAME[op.provider];
    const violations: Violation[] = [];
    for (const requirement of REQUIRED_TO_ENABLE[op.provider]) {
      if (typeof requirement === 'string') {
        if (isSent(op.request, requirement)) continue;
        violations.push({
          path: [...op.at, requirement],
          message: `Enabling ${kms} requires ${doc}.${requirement}, which the request does not specify.`,
          parameters: [`${doc}.${requirement}`],
        });
        continue;
      }
      const alternatives = requirement.map((fields) => ({
        sent: fields.filter((f) => isSent(op.request, f)).length,
        missing: fields.filter((f) => !isSent(op.request, f)),
      }));
      if (alternatives.some((a) => a.missing.length === 0)) continue;
      // Name the attribute of the alternative the user has started (most fields sent,
      // then fewest gaps; else the first): secretAccessKey when only accessKeyID is sent.
      const closest = alternatives.reduce((best, a) =>
        a.sent > best.sent || (a.sent === best.sent && a.missing.length < best.missing.length) ? a : best,
      );
      const options = requirement.map((fields) => fields.map((f) => `${doc}.${f}`).join(' with ')).join(' or ');
      violations.push({
        path: op.at,
        message: `Enabling ${kms} requires ${options}; the request specifies none of these completely.`,
        parameters: [`${doc}.${closest.missing[0] ?? ''}`],
      });
    }
    return violations;
  },
});
