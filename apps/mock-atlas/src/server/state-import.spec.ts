import { describe, expect, it } from 'vitest';
import { REDACTED, redactState, type MockState } from '@mock-atlas/domain';
import { EVERY_SECRET, EVERY_SECRET_GROUP, stateWithEverySecret } from '@mock-atlas/domain/testing';
import { restoreRedactedSecrets } from './state-import';
import { sealSecret } from './state-secrets';

const GROUP = EVERY_SECRET_GROUP;
const current = stateWithEverySecret;

describe('restoreRedactedSecrets', () => {
  it('gives an unchanged export back exactly the current state', () => {
    const state = current();
    expect(restoreRedactedSecrets(redactState(state), state)).toEqual({ ok: true, state });
  });

  it('keeps the current secret for a marker and takes any other value as the new secret', () => {
    const state = current();
    const exported = redactState(state);
    const edited: MockState = { ...exported, apiKeys: [...exported.apiKeys, { publicKey: 'new', privateKey: 'new-private', grants: [] }] };
    const result = restoreRedactedSecrets(edited, state);
    expect(result.ok && result.state.apiKeys.map((k) => [k.publicKey, k.privateKey])).toEqual([
      ['owner', EVERY_SECRET.apiKey],
      ['new', 'new-private'],
    ]);
  });

  it('refuses each marker that has no current secret to keep, naming it', () => {
    const exported = redactState(current());
    const project = exported.projects[GROUP]!;
    const elsewhere = '0123456789abcdef01234567';
    const edited: MockState = {
      ...exported,
      projects: { [elsewhere]: { ...project, id: elsewhere } },
      apiKeys: [{ publicKey: 'stranger', privateKey: REDACTED, grants: [] }],
      serviceAccounts: [{ clientId: 'other-sa', clientSecret: REDACTED, grants: [] }],
    };
    const result = restoreRedactedSecrets(edited, current());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      `projects.${elsewhere}.encryptionAtRest.providers.AWS.settings.secretAccessKey is "<redacted>", but project ${elsewhere} has no current AWS secretAccessKey to keep; give the secret itself`,
      `projects.${elsewhere}.encryptionAtRest.providers.AZURE.settings.secret is "<redacted>", but project ${elsewhere} has no current AZURE secret to keep; give the secret itself`,
      `projects.${elsewhere}.encryptionAtRest.providers.GCP.settings.serviceAccountKey is "<redacted>", but project ${elsewhere} has no current GCP serviceAccountKey to keep; give the secret itself`,
      `projects.${elsewhere}.credentials[0].secret is "<redacted>", but project ${elsewhere} has no current apiKey owner to keep the secret of; give the secret itself`,
      `projects.${elsewhere}.credentials[1].secret is "<redacted>", but project ${elsewhere} has no current serviceAccount sa to keep the secret of; give the secret itself`,
      'apiKeys[0].privateKey is "<redacted>", but there is no current API key stranger to keep the private key of; give the private key itself',
      'serviceAccounts[0].clientSecret is "<redacted>", but there is no current service account other-sa to keep the secret of; give the secret itself',
    ]);
  });

  it('refuses a provider secret marker when the current provider has none', () => {
    const state = current();
    const aws = state.projects[GROUP]!.encryptionAtRest.providers.AWS;
    const withoutSecret: MockState = {
      ...state,
      projects: {
        [GROUP]: {
          ...state.projects[GROUP]!,
          encryptionAtRest: { providers: { ...state.projects[GROUP]!.encryptionAtRest.providers, AWS: { ...aws, settings: { region: 'US_EAST_1' } } } },
        },
      },
    };
    const result = restoreRedactedSecrets(redactState(state), withoutSecret);
    expect(!result.ok && result.problems).toEqual([
      `projects.${GROUP}.encryptionAtRest.providers.AWS.settings.secretAccessKey is "<redacted>", but project ${GROUP} has no current AWS secretAccessKey to keep; give the secret itself`,
    ]);
  });

  it('refuses a secret sealed for a state file (the import has no key to open it), naming the field', () => {
    const state = current();
    const sealed = sealSecret(EVERY_SECRET.apiKey, Buffer.alloc(32, 7));
    const edited: MockState = { ...redactState(state), apiKeys: [{ ...state.apiKeys[0]!, privateKey: sealed }] };
    const result = restoreRedactedSecrets(edited, state);
    expect(!result.ok && result.problems).toEqual([
      'apiKeys[0].privateKey is an encrypted secret from a state file, which cannot be imported; give the secret itself, or "<redacted>" to keep the current one',
    ]);
  });
});
