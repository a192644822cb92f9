import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOUD_PROVIDERS,
  DISABLED_PROVIDER,
  EAR_DOCUMENT,
  emptyEncryptionAtRest,
  PROVIDER_SETTINGS,
  type EarProviderState,
  type EncryptionAtRest,
} from '@mock-atlas/model';
import { applyEarRequest, earFromRepresentation, earToRepresentation } from './encryption-at-rest';
import { encryptionAtRest, READABLE_SETTINGS, withoutSrc } from './testing/arbitraries';

/** S3:591-612, the v1.0 response to "Disable Encryption at Rest using Customer Key Management", transcribed. */
const S3_DISABLED_RESPONSE = {
  awsKms: { accessKeyID: null, customerMasterKeyID: null, enabled: false, region: null, valid: false },
  azureKeyVault: {
    clientID: null,
    enabled: false,
    keyIdentifier: null,
    keyVaultName: null,
    resourceGroupName: null,
    subscriptionID: null,
    tenantID: null,
    valid: false,
  },
  googleCloudKms: { enabled: false, keyVersionResourceID: null, valid: false },
};

/** S3:507-513, the v1.0 request that enables AWS KMS with an access key pair. */
const S3_ENABLE_REQUEST = {
  enabled: true,
  accessKeyID: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g',
  region: 'US_EAST_1',
};

const awsEnabled: EarProviderState = {
  enabled: true,
  valid: true,
  settings: { customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g', region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' },
};

function withAws(state: EarProviderState): EncryptionAtRest {
  const empty = emptyEncryptionAtRest();
  return { providers: { ...empty.providers, AWS: state } };
}

describe('earToRepresentation / earFromRepresentation round trip', () => {
  for (const version of ['v1.0', '2023-01-01'] as const) {
    it(`${version}: from(to(m)) equals m for configurations without secrets`, () => {
      fc.assert(
        fc.property(encryptionAtRest(version), (m) => {
          expect(withoutSrc(earFromRepresentation(earToRepresentation(m, version)))).toEqual(m);
        }),
        { numRuns: 200 },
      );
    });

    it(`${version}: with every setting set, the mapper shows exactly the readable settings the spec lists, no secret`, () => {
      const providers = Object.fromEntries(
        CLOUD_PROVIDERS.map((p) => [p, { enabled: true, valid: true, settings: Object.fromEntries(PROVIDER_SETTINGS[p].map((f) => [f, `value-of-${f}`])) }]),
      ) as unknown as EncryptionAtRest['providers'];
      const body = earToRepresentation({ providers }, version);
      for (const provider of CLOUD_PROVIDERS) {
        const shown = Object.keys(body[EAR_DOCUMENT[provider]] as object).filter((k) => k !== 'enabled' && k !== 'valid');
        expect(shown.sort(), provider).toEqual([...READABLE_SETTINGS[version][provider]].sort());
      }
    });
  }
});

describe('earToRepresentation', () => {
  it('S3:591-612 a disabled project is reproduced field for field, keys in Atlas’s order (v1.0)', () => {
    const disabled = withAws(applyEarRequest(awsEnabled, 'AWS', { enabled: false }));
    const body = earToRepresentation(disabled, 'v1.0');
    expect(body).toEqual(S3_DISABLED_RESPONSE);
    expect(JSON.stringify(body)).toBe(JSON.stringify(S3_DISABLED_RESPONSE));
    expect(earToRepresentation(emptyEncryptionAtRest(), 'v1.0')).toEqual(S3_DISABLED_RESPONSE);
  });

  it('S3:563-570 the enable example echoes the AWS settings without the secret access key', () => {
    const state = { ...applyEarRequest(DISABLED_PROVIDER, 'AWS', S3_ENABLE_REQUEST), valid: true };
    const body = earToRepresentation(withAws(state), 'v1.0');
    expect(body['awsKms']).toEqual({
      accessKeyID: 'AKIAIOSFODNN7EXAMPLE',
      customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g',
      enabled: true,
      region: 'US_EAST_1',
      valid: true,
    });
    expect(JSON.stringify(body)).not.toContain(S3_ENABLE_REQUEST.secretAccessKey);
  });

  it('spec writeOnly: no version ever writes secretAccessKey, Azure secret or serviceAccountKey', () => {
    const ear: EncryptionAtRest = {
      providers: {
        AWS: { enabled: true, valid: true, settings: { secretAccessKey: 'aws-secret', customerMasterKeyID: 'k' } },
        AZURE: { enabled: true, valid: true, settings: { secret: 'azure-secret', keyIdentifier: 'https://v/keys/k/1' } },
        GCP: { enabled: true, valid: true, settings: { serviceAccountKey: 'gcp-secret', keyVersionResourceID: 'projects/p/k/1' } },
      },
    };
    for (const version of ['v1.0', '2023-01-01'] as const) {
      const text = JSON.stringify(earToRepresentation(ear, version));
      for (const secret of ['aws-secret', 'azure-secret', 'gcp-secret']) expect(text).not.toContain(secret);
      for (const field of ['secretAccessKey', '"secret"', 'serviceAccountKey']) expect(text).not.toContain(field);
    }
  });

  it('spec writeOnly: AWS roleId is omitted in 2023-01-01 and echoed in v1.0 when set', () => {
    expect(earToRepresentation(withAws(awsEnabled), '2023-01-01')['awsKms']).not.toHaveProperty('roleId');
    expect(earToRepresentation(withAws(awsEnabled), 'v1.0')['awsKms']).toHaveProperty('roleId', '5f232b94af0a6b41747bcc2d');
  });

  it('spec 2023-01-01: no property of the provider schemas is nullable, so unset fields are left out', () => {
    const body = earToRepresentation({ ...emptyEncryptionAtRest(), enabledForSearchNodes: true }, '2023-01-01');
    expect(body).toEqual({
      awsKms: { enabled: false, valid: false },
      azureKeyVault: { enabled: false, valid: false },
      enabledForSearchNodes: true,
      googleCloudKms: { enabled: false, valid: false },
    });
    expect(earToRepresentation({ ...emptyEncryptionAtRest(), enabledForSearchNodes: true }, 'v1.0')).not.toHaveProperty('enabledForSearchNodes');
  });

  it('spec 2023-01-01 adds requirePrivateNetworking and Azure and GCP roleId when set', () => {
    const ear: EncryptionAtRest = {
      providers: {
        AWS: { enabled: true, valid: true, settings: { customerMasterKeyID: 'k', region: 'US_EAST_1', requirePrivateNetworking: true } },
        AZURE: { enabled: true, valid: true, settings: { keyIdentifier: 'https://v/keys/k/1', roleId: '5f232b94af0a6b41747bcc2d' } },
        GCP: { enabled: true, valid: false, settings: { keyVersionResourceID: 'projects/p/k/1', roleId: '5f232b94af0a6b41747bcc2e' } },
      },
    };
    const body = earToRepresentation(ear, '2023-01-01');
    expect(body['awsKms']).toEqual({ customerMasterKeyID: 'k', enabled: true, region: 'US_EAST_1', requirePrivateNetworking: true, valid: true });
    expect(body['azureKeyVault']).toEqual({ enabled: true, keyIdentifier: 'https://v/keys/k/1', roleId: '5f232b94af0a6b41747bcc2d', valid: true });
    expect(body['googleCloudKms']).toEqual({ enabled: true, keyVersionResourceID: 'projects/p/k/1', roleId: '5f232b94af0a6b41747bcc2e', valid: false });
  });
});

describe('applyEarRequest', () => {
  it('S3:291-297 enabled:false turns the provider off and removes its configuration', () => {
    expect(applyEarRequest(awsEnabled, 'AWS', { enabled: false })).toEqual(DISABLED_PROVIDER);
    expect(applyEarRequest(awsEnabled, 'AWS', { enabled: false, region: 'EU_WEST_1' })).toEqual(DISABLED_PROVIDER);
  });

  it('S3:207 an enabled provider may send only the changed fields; the rest are kept', () => {
    const after = applyEarRequest(awsEnabled, 'AWS', { customerMasterKeyID: 'new-key' });
    expect(after).toEqual({ enabled: true, valid: true, settings: { ...awsEnabled.settings, customerMasterKeyID: 'new-key' } });
  });

  it('null unsets a setting; valid is left for the operation to recompute', () => {
    const after = applyEarRequest(awsEnabled, 'AWS', { roleId: null, accessKeyID: 'AKIA', secretAccessKey: 's', valid: false });
    expect(after.valid).toBe(true);
    expect(after.settings).toEqual({ customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g', region: 'US_EAST_1', accessKeyID: 'AKIA', secretAccessKey: 's' });
  });

  it('S3:199-205 first enablement stores every field sent, secrets included (never echoed)', () => {
    const after = applyEarRequest(DISABLED_PROVIDER, 'AWS', S3_ENABLE_REQUEST);
    expect(after).toEqual({
      enabled: true,
      valid: false,
      settings: {
        accessKeyID: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        customerMasterKeyID: '030gce02-586d-48d2-a966-05ea954fde0g',
        region: 'US_EAST_1',
      },
    });
  });

  it('fields another provider owns and non-scalar values are ignored', () => {
    const after = applyEarRequest(DISABLED_PROVIDER, 'GCP', { keyVersionResourceID: 'projects/p/k/1', region: 'US_EAST_1', roleId: { id: 1 } });
    expect(after.settings).toEqual({ keyVersionResourceID: 'projects/p/k/1' });
    expect(after.enabled).toBe(false);
  });
});

describe('earFromRepresentation', () => {
  it('null fields are unset and odd documents are skipped', () => {
    const ear = earFromRepresentation({ awsKms: { enabled: true, valid: true, region: 'US_EAST_1', accessKeyID: null }, azureKeyVault: 'x' });
    expect(ear.providers.AWS).toEqual({ enabled: true, valid: true, settings: { region: 'US_EAST_1' } });
    expect(ear.providers.AZURE).toEqual(DISABLED_PROVIDER);
  });
});
