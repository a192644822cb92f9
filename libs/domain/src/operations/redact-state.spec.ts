import { describe, expect, it } from 'vitest';
import { emptyProject } from '@mock-atlas/model';
import { emptyState, type MockState } from '../state/mock-state';
import { mapSecrets, REDACTED, redactState } from './redact-state';

const GROUP = '5e2211c17a3e5a48f5497de3';

// Every place a secret lives, written out here rather than derived from the code under test:
// a secret slot the walk forgets would leave its canary in the export and in the state file.
const CANARIES = {
  'apiKeys[0].privateKey': 'CANARY-api-private-key',
  'serviceAccounts[0].clientSecret': 'CANARY-sa-secret',
  [`projects.${GROUP}.credentials[0].secret`]: 'CANARY-project-api-key',
  [`projects.${GROUP}.credentials[1].secret`]: 'CANARY-project-sa',
  [`projects.${GROUP}.encryptionAtRest.providers.AWS.settings.secretAccessKey`]: 'CANARY-aws',
  [`projects.${GROUP}.encryptionAtRest.providers.AZURE.settings.secret`]: 'CANARY-azure',
  [`projects.${GROUP}.encryptionAtRest.providers.GCP.settings.serviceAccountKey`]: 'CANARY-gcp',
} as const;

function everySecret(): MockState {
  const project = emptyProject(GROUP, 'payments');
  return {
    ...emptyState(),
    projects: {
      [GROUP]: {
        ...project,
        encryptionAtRest: {
          providers: {
            AWS: { enabled: true, valid: true, settings: { accessKeyID: 'AKIA', secretAccessKey: 'CANARY-aws', region: 'US_EAST_1' } },
            AZURE: { enabled: true, valid: true, settings: { secret: 'CANARY-azure', keyVaultName: 'vault' } },
            GCP: { enabled: true, valid: true, settings: { serviceAccountKey: 'CANARY-gcp', keyVersionResourceID: 'projects/p/k/1' } },
          },
        },
        credentials: [
          { kind: 'apiKey', id: 'owner', secret: 'CANARY-project-api-key', roles: ['GROUP_OWNER'] },
          { kind: 'serviceAccount', id: 'sa', secret: 'CANARY-project-sa', roles: ['GROUP_OWNER'] },
        ],
      },
    },
    apiKeys: [{ publicKey: 'owner', privateKey: 'CANARY-api-private-key', grants: [{ role: 'GROUP_OWNER', groupId: GROUP }] }],
    serviceAccounts: [{ clientId: 'sa', clientSecret: 'CANARY-sa-secret', grants: [{ role: 'GROUP_OWNER', groupId: GROUP }] }],
  };
}

describe('mapSecrets', () => {
  it('visits exactly the secret slots, with their paths and values', () => {
    const seen: Record<string, string> = {};
    mapSecrets(everySecret(), (value, at) => {
      seen[at] = value;
      return value;
    });
    expect(seen).toEqual(CANARIES);
  });

  it('changes nothing but the secrets', () => {
    const state = everySecret();
    const mapped = mapSecrets(state, (value) => `${value}!`);
    const text = JSON.stringify(mapped);
    for (const secret of Object.values(CANARIES)) expect(text).toContain(`"${secret}!"`);
    expect(text.replaceAll('!"', '"')).toBe(JSON.stringify(state));
  });
});

describe('redactState', () => {
  it('leaves no secret in the export, and marks each one', () => {
    const text = JSON.stringify(redactState(everySecret()));
    expect(text).not.toContain('CANARY');
    expect(text.split(`"${REDACTED}"`)).toHaveLength(Object.keys(CANARIES).length + 1);
  });
});
