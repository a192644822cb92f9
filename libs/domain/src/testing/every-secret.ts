// A state with one secret in every place a secret lives, each a distinct value, and the path of
// each written out by hand: the fixture of every test that checks secrets are redacted, sealed,
// restored or kept out of a file (a slot the code forgets then shows as a missing path or a
// value found where it must not be).
import { emptyProject } from '@mock-atlas/model';
import { emptyState, initialTimers, type MockState } from '../state/mock-state';

/** The project the fixture's secrets belong to. */
export const EVERY_SECRET_GROUP = '5e2211c17a3e5a48f5497de3';

/** One secret of every kind. */
export const EVERY_SECRET = {
  aws: 'aws-secret-7a1c',
  azure: 'azure-secret-8b2d',
  gcp: '{"private_key":"gcp-secret-9c3e"}',
  ownerCredential: 'owner-credential-secret-1d4f',
  saCredential: 'sa-credential-secret-2e5a',
  apiKey: 'api-private-key-3f6b',
  serviceAccount: 'sa-client-secret-4a7c',
} as const;

const G = EVERY_SECRET_GROUP;

/** Where each of EVERY_SECRET sits in the state, as mapSecrets names it. */
export const EVERY_SECRET_PATH: Readonly<Record<keyof typeof EVERY_SECRET, string>> = {
  aws: `projects.${G}.encryptionAtRest.providers.AWS.settings.secretAccessKey`,
  azure: `projects.${G}.encryptionAtRest.providers.AZURE.settings.secret`,
  gcp: `projects.${G}.encryptionAtRest.providers.GCP.settings.serviceAccountKey`,
  ownerCredential: `projects.${G}.credentials[0].secret`,
  saCredential: `projects.${G}.credentials[1].secret`,
  apiKey: 'apiKeys[0].privateKey',
  serviceAccount: 'serviceAccounts[0].clientSecret',
};

/**
 * The state holding EVERY_SECRET: a project with all three providers' secrets and an API-key and
 * a service-account credential, plus the matching global API key and service account.
 * @example stateWithEverySecret().apiKeys[0].privateKey // → EVERY_SECRET.apiKey
 */
export function stateWithEverySecret(): MockState {
  const project = emptyProject(G, 'payments');
  return {
    ...emptyState(),
    timers: initialTimers('2026-03-01T12:00:00.000Z'),
    projects: {
      [G]: {
        ...project,
        encryptionAtRest: {
          providers: {
            AWS: { enabled: true, valid: true, settings: { accessKeyID: 'AKIAEXAMPLE', secretAccessKey: EVERY_SECRET.aws, customerMasterKeyID: 'cmk-1', region: 'US_EAST_1' } },
            AZURE: { enabled: true, valid: true, settings: { secret: EVERY_SECRET.azure, keyIdentifier: 'https://v.vault.azure.net/keys/k/1' } },
            GCP: { enabled: true, valid: true, settings: { serviceAccountKey: EVERY_SECRET.gcp, keyVersionResourceID: 'projects/p/k/1' } },
          },
        },
        credentials: [
          { kind: 'apiKey', id: 'owner', secret: EVERY_SECRET.ownerCredential, roles: ['GROUP_OWNER'] },
          { kind: 'serviceAccount', id: 'sa', secret: EVERY_SECRET.saCredential, roles: ['GROUP_OWNER'] },
        ],
      },
    },
    apiKeys: [{ publicKey: 'owner', privateKey: EVERY_SECRET.apiKey, grants: [{ role: 'GROUP_OWNER', groupId: G }] }],
    serviceAccounts: [{ clientId: 'sa', clientSecret: EVERY_SECRET.serviceAccount, grants: [{ role: 'GROUP_OWNER', groupId: G }] }],
  };
}
