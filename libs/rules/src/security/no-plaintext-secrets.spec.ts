import { describe, expect, it } from 'vitest';
import type { Credential, EncryptionAtRest, Project } from '@mock-atlas/model';
import rule from './no-plaintext-secrets';
import { aProject, contextFor, enabledProvider } from '../testing/builders';
import { testRule } from '../testing/rule-tester';
import type { ReviewConfigOp } from '../context';

const review: ReviewConfigOp = { kind: 'reviewConfig' };
const LITERAL = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function ear(overrides: Partial<EncryptionAtRest['providers']>): EncryptionAtRest {
  return {
    providers: { AWS: enabledProvider('AWS'), AZURE: enabledProvider('AZURE'), GCP: enabledProvider('GCP'), ...overrides },
    src: { base: ['encryptionAtRest'] },
  };
}

function apiKey(secret: string, index = 0): Credential {
  return { kind: 'apiKey', id: 'demo-owner', secret, roles: ['GROUP_OWNER'], src: { base: ['apiKeys', index], fields: { id: ['publicKey'], secret: ['privateKey'] } } };
}

function serviceAccount(secret: string, index = 0): Credential {
  return {
    kind: 'serviceAccount',
    id: 'mdb_sa_id_demo',
    secret,
    roles: ['GROUP_READ_ONLY'],
    src: { base: ['serviceAccounts', index], fields: { id: ['clientId'], secret: ['clientSecret'] } },
  };
}

const project = (p: Partial<Project>) => aProject({ encryptionAtRest: ear({}), ...p });

testRule(rule, {
  valid: [
    {
      name: 'spec every secret written as an ${env:NAME} reference',
      ctx: contextFor(review, {
        project: project({
          encryptionAtRest: ear({ AWS: enabledProvider('AWS', { accessKeyID: 'AKIAEXAMPLE', secretAccessKey: '${env:AWS_SECRET_ACCESS_KEY}' }) }),
          credentials: [apiKey('${env:DEMO_PRIVATE_KEY}'), serviceAccount('${env:_demo_sa_2}')],
        }),
      }),
    },
    {
      name: 'spec public identifiers (accessKeyID, clientID, publicKey) are not secrets',
      ctx: contextFor(review, { project: project({ encryptionAtRest: ear({ AWS: enabledProvider('AWS', { accessKeyID: 'AKIAEXAMPLE' }) }) }) }),
    },
  ],
  invalid: [
    {
      name: 'spec a literal AWS secretAccessKey',
      ctx: contextFor(review, {
        project: project({ encryptionAtRest: ear({ AWS: enabledProvider('AWS', { accessKeyID: 'AKIAEXAMPLE', secretAccessKey: LITERAL }) }) }),
      }),
      errors: [{ ruleId: 'security/no-plaintext-secrets', path: ['encryptionAtRest', 'awsKms', 'secretAccessKey'], message: 'awsKms.secretAccessKey' }],
    },
    {
      name: 'spec a literal Azure secret and Google service account key, even of a provider that is off',
      ctx: contextFor(review, {
        project: project({
          encryptionAtRest: ear({
            AZURE: enabledProvider('AZURE', { secret: 'azure-client-secret' }),
            GCP: { enabled: false, valid: false, settings: { serviceAccountKey: '{"type":"service_account"}' } },
          }),
        }),
      }),
      errors: [
        { ruleId: 'security/no-plaintext-secrets', path: ['encryptionAtRest', 'azureKeyVault', 'secret'] },
        { ruleId: 'security/no-plaintext-secrets', path: ['encryptionAtRest', 'googleCloudKms', 'serviceAccountKey'] },
      ],
    },
    {
      name: 'spec literal API key privateKey and service account clientSecret',
      ctx: contextFor(review, { project: project({ credentials: [apiKey(LITERAL), serviceAccount('s3cr3t', 0)] }) }),
      errors: [
        { ruleId: 'security/no-plaintext-secrets', path: ['apiKeys', 0, 'privateKey'], message: 'privateKey of API key demo-owner' },
        { ruleId: 'security/no-plaintext-secrets', path: ['serviceAccounts', 0, 'clientSecret'], message: 'clientSecret of service account mdb_sa_id_demo' },
      ],
    },
    {
      name: 'spec only a whole ${env:NAME} counts: embedded or malformed references are literals',
      ctx: contextFor(review, { project: project({ credentials: [apiKey('prefix-${env:DEMO_KEY}', 0), apiKey('${env:1BAD}', 1), apiKey('${DEMO_KEY}', 2)] }) }),
      errors: [
        { ruleId: 'security/no-plaintext-secrets', path: ['apiKeys', 0, 'privateKey'] },
        { ruleId: 'security/no-plaintext-secrets', path: ['apiKeys', 1, 'privateKey'] },
        { ruleId: 'security/no-plaintext-secrets', path: ['apiKeys', 2, 'privateKey'] },
      ],
    },
  ],
});

describe('security/no-plaintext-secrets messages', () => {
  it('spec never repeat the secret value', () => {
    const findings = rule.run(
      contextFor(review, {
        project: project({
          encryptionAtRest: ear({ AWS: enabledProvider('AWS', { secretAccessKey: LITERAL }) }),
          credentials: [apiKey(LITERAL)],
        }),
      }),
    );
    expect(findings).toHaveLength(2);
    for (const f of findings) expect(JSON.stringify(f)).not.toContain(LITERAL);
  });
});
