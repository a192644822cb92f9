// PUT /_mock/state accepts what GET /_mock/state exports, and the export hides every secret
// behind the `<redacted>` marker. So that an export can be edited and put back, a marker keeps
// the secret the running mock holds for the same credential or provider; a marker with nothing
// to keep is refused, because adopting the marker itself as a password would silently lock the
// client out (or, for a KMS secret, configure a provider with a placeholder).
//
// The round-trip rule, per secret position:
//   apiKeys[i].privateKey              ← the current API key with the same publicKey
//   serviceAccounts[i].clientSecret    ← the current service account with the same clientId
//   projects[g].credentials[i].secret  ← project g's current credential of the same kind and id
//   projects[g].encryptionAtRest.providers[P].settings[<secret field of P>]
//                                      ← project g's current setting of that field for provider P
// Any other value is taken as the new secret, except a sealed one (`enc:v1:…`, as the state file
// holds secrets): it was encrypted under a state file's key, which the import does not have, so
// taking it would store the ciphertext as the password. It is refused, naming the field.
import { REDACTED, SECRET_FIELDS, CLOUD_PROVIDERS, type MockState, type Project } from '@mock-atlas/domain';
import { sealedPaths } from './state-secrets';

/** The outcome of {@link restoreRedactedSecrets}. */
export type SecretsRestored = { readonly ok: true; readonly state: MockState } | { readonly ok: false; readonly problems: readonly string[] };

function restoreProject(project: Project, current: Project | undefined, at: string, problems: string[]): Project {
  const providers = { ...project.encryptionAtRest.providers };
  for (const provider of CLOUD_PROVIDERS) {
    const imported = providers[provider];
    let settings = imported.settings;
    for (const field of SECRET_FIELDS[provider]) {
      if (settings[field] !== REDACTED) continue;
      const kept = current?.encryptionAtRest.providers[provider].settings[field];
      if (typeof kept === 'string') settings = { ...settings, [field]: kept };
      else problems.push(`${at}.encryptionAtRest.providers.${provider}.settings.${field} is "${REDACTED}", but project ${project.id} has no current ${provider} ${field} to keep; give the secret itself`);
    }
    providers[provider] = settings === imported.settings ? imported : { ...imported, settings };
  }
  const credentials = project.credentials.map((credential, index) => {
    if (credential.secret !== REDACTED) return credential;
    const kept = current?.credentials.find((c) => c.kind === credential.kind && c.id === credential.id);
    if (kept) return { ...credential, secret: kept.secret };
    problems.push(`${at}.credentials[${index}].secret is "${REDACTED}", but project ${project.id} has no current ${credential.kind} ${credential.id} to keep the secret of; give the secret itself`);
    return credential;
  });
  return { ...project, encryptionAtRest: { ...project.encryptionAtRest, providers }, credentials };
}

/**
 * Replaces each `<redacted>` secret of an imported state by the current secret of the same
 * credential or provider (see the table above); lists every marker that has none to keep.
 * @example restoreRedactedSecrets(redactState(store.state), store.state) // → { ok: true, state: store.state's equal }
 */
export function restoreRedactedSecrets(imported: MockState, current: MockState): SecretsRestored {
  const problems: string[] = sealedPaths(imported).map(
    (at) => `${at} is an encrypted secret from a state file, which cannot be imported; give the secret itself, or "${REDACTED}" to keep the current one`,
  );
  const projects = Object.fromEntries(
    Object.entries(imported.projects).map(([id, project]) => [id, restoreProject(project, current.projects[id], `projects.${id}`, problems)]),
  );
  const apiKeys = imported.apiKeys.map((key, index) => {
    if (key.privateKey !== REDACTED) return key;
    const kept = current.apiKeys.find((k) => k.publicKey === key.publicKey);
    if (kept) return { ...key, privateKey: kept.privateKey };
    problems.push(`apiKeys[${index}].privateKey is "${REDACTED}", but there is no current API key ${key.publicKey} to keep the private key of; give the private key itself`);
    return key;
  });
  const serviceAccounts = imported.serviceAccounts.map((account, index) => {
    if (account.clientSecret !== REDACTED) return account;
    const kept = current.serviceAccounts.find((s) => s.clientId === account.clientId);
    if (kept) return { ...account, clientSecret: kept.clientSecret };
    problems.push(`serviceAccounts[${index}].clientSecret is "${REDACTED}", but there is no current service account ${account.clientId} to keep the secret of; give the secret itself`);
    return account;
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, state: { ...imported, projects, apiKeys, serviceAccounts } };
}
