import { CLOUD_PROVIDERS, EAR_DOCUMENT, SECRET_FIELDS, basePath, fieldPath, type Credential } from '@mock-atlas/model';
import { defineRule, type Violation } from '../define-rule';

/** A whole value of the form `${env:NAME}`; anything else, even with a reference inside, is a literal. */
const ENV_REFERENCE = /^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/;

/** True for a non-empty string that is not an environment reference (an empty value leaks nothing). */
function isLiteralSecret(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !ENV_REFERENCE.test(value);
}

const CREDENTIAL_FIELD: Record<Credential['kind'], { readonly noun: string; readonly field: string }> = {
  apiKey: { noun: 'API key', field: 'privateKey' },
  serviceAccount: { noun: 'service account', field: 'clientSecret' },
};

/**
 * The spec marks `secretAccessKey`, Azure `secret` and `serviceAccountKey` write-only, and
 * the product accepts `${env:NAME}` for every secret-bearing field so that a config file
 * can be committed. A literal secret in the file is reported by location only: the message
 * never repeats the value, since lint output lands in CI logs.
 */
export default defineRule({
  id: 'security/no-plaintext-secrets',
  severity: 'warn',
  scope: ['lint'],
  description:
    'Secrets (`secretAccessKey`, Azure `secret`, `serviceAccountKey`, API `privateKey`, `clientSecret`) should be written as `${env:NAME}` references, not literals.',
  sources: ['spec'],
  appliesTo: ['reviewConfig'],
  check({ project }) {
    const ear = project.encryptionAtRest;
    const violations: Violation[] = [];
    for (const provider of CLOUD_PROVIDERS) {
      const doc = EAR_DOCUMENT[provider];
      for (const field of SECRET_FIELDS[provider]) {
        if (!isLiteralSecret(ear.providers[provider].settings[field])) continue;
        violations.push({
          path: [...basePath(ear), doc, field],
          message: `${doc}.${field} is written as a literal secret; use an environment reference such as \${env:NAME} instead.`,
        });
      }
    }
    for (const credential of project.credentials) {
      if (!isLiteralSecret(credential.secret)) continue;
      const { noun, field } = CREDENTIAL_FIELD[credential.kind];
      violations.push({
        path: fieldPath(credential, 'secret'),
        message: `The ${field} of ${noun} ${credential.id} is written as a literal secret; use an environment reference such as \${env:NAME} instead.`,
      });
    }
    return violations;
  },
});
