import { EAR_DOCUMENT } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

/**
 * S3:500-501: `valid` "is a system-controlled status report and is read-only"; the spec
 * marks it readOnly. A client that sends it (even as `false` or `null`) is refused, so that
 * nobody believes they can vouch for a key themselves.
 */
export default defineRule({
  id: 'ear/valid-is-read-only',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'ATTRIBUTE_READ_ONLY',
  httpStatus: 400,
  description: '`valid` is reported by Atlas from its last validity check and cannot be set by a client.',
  sources: ['S3:500', 'S3:501', 'spec'],
  appliesTo: ['updateEncryptionAtRest'],
  check({ op }) {
    if (op.request['valid'] === undefined) return [];
    return [
      {
        path: [...op.at, 'valid'],
        message: `The attribute ${EAR_DOCUMENT[op.provider]}.valid is read-only: Atlas reports it from its own key validity check, so remove it from the request.`,
        parameters: ['valid'],
      },
    ];
  },
});
