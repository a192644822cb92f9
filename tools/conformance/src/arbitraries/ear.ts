// Random Encryption at Rest documents and KMS key fixtures: complete or not, enabled or off,
// naming a key the KMS holds enabled, disabled, deleted, or a key it was never told about.
import fc from 'fast-check';
import { CLOUD_PROVIDERS, KEY_STATES, type CloudProvider } from '@mock-atlas/model';
import { SHRINK_TO_FIRST, compact, maybe, mostly, present } from './choice';
import { KEY_IDS, ROLE_ID } from './pools';

type Doc = Record<string, unknown>;

/** The provider's current key mostly; now and then its other key (the one older snapshots were taken with). */
const keyOf = (provider: CloudProvider) => mostly(fc.constant(KEY_IDS[provider][0]), fc.constant(KEY_IDS[provider][1]), 6);

/** A secret: an environment reference the mock resolves, or now and then a literal (a lint-only warning). */
const secret = (envName: string, literal: string) => mostly(fc.constant(`\${env:${envName}}`), fc.constant(literal), 6);

/** `valid` is read-only: left out, or now and then sent (ear/valid-is-read-only). */
const readOnlyValid = mostly(fc.constant(undefined), fc.boolean(), 30);

/** `enabled`: true, or now and then false (the provider stays off) or left out (it stays as it was: off). */
const enabled = mostly(fc.constant(true), fc.constantFrom(false, undefined), 25);

const awsCredentials = fc.oneof(
  SHRINK_TO_FIRST,
  { arbitrary: fc.record({ roleId: fc.constant(ROLE_ID) }), weight: 12 },
  {
    arbitrary: fc.record({
      accessKeyID: fc.constant('AKIAIOSFODNN7EXAMPLE'),
      secretAccessKey: secret('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'),
    }),
    weight: 8,
  },
  // Half an access key pair, or no credentials: ear/provider-fields-complete.
  { arbitrary: fc.constantFrom({ accessKeyID: 'AKIAIOSFODNN7EXAMPLE' }, {}), weight: 1 },
);

const awsKms: fc.Arbitrary<Doc> = fc
  .record({
    enabled,
    customerMasterKeyID: maybe(keyOf('AWS'), 40),
    region: maybe(fc.constant('US_EAST_1'), 40),
    credentials: awsCredentials,
    valid: readOnlyValid,
  })
  .map(({ credentials, ...doc }) => compact({ ...doc, ...credentials }));

const azureKeyVault: fc.Arbitrary<Doc> = fc
  .record({
    enabled,
    azureEnvironment: maybe(fc.constant('AZURE'), 150),
    clientID: maybe(fc.constant('b5ee8d2a-1f2b-4c1e-9f3a-8a2c1d4e5f60'), 150),
    subscriptionID: maybe(fc.constant('d2c6a4e0-5b7c-4f1a-8e2d-3c4b5a6f7e80'), 150),
    resourceGroupName: maybe(fc.constant('payments-rg'), 150),
    keyVaultName: maybe(fc.constant('payments-vault'), 150),
    keyIdentifier: maybe(keyOf('AZURE'), 150),
    secret: maybe(secret('AZURE_CLIENT_SECRET', 'azure-literal-secret'), 150),
    tenantID: maybe(fc.constant('f1e2d3c4-b5a6-4789-9abc-def012345678'), 150),
    valid: readOnlyValid,
  })
  .map((doc) => compact(doc));

const googleCloudKms: fc.Arbitrary<Doc> = fc
  .record({
    enabled,
    keyVersionResourceID: maybe(keyOf('GCP'), 40),
    credentials: mostly(
      fc.oneof(
        SHRINK_TO_FIRST,
        fc.record({ roleId: fc.constant(ROLE_ID) }),
        fc.record({ serviceAccountKey: secret('GCP_SERVICE_ACCOUNT_KEY', '{"type":"service_account"}') }),
      ),
      fc.constant({}),
      25,
    ),
    valid: readOnlyValid,
  })
  .map(({ credentials, ...doc }) => compact({ ...doc, ...credentials }));

/** A provider document: not mentioned, configured, or now and then `{enabled: false}` alone (a no-op on an empty project). */
const providerDocument = (doc: fc.Arbitrary<Doc>, configuredWeight: number) =>
  fc.oneof(
    SHRINK_TO_FIRST,
    { arbitrary: fc.constant(undefined), weight: 10 - configuredWeight },
    { arbitrary: doc, weight: configuredWeight },
    { arbitrary: fc.constant({ enabled: false }), weight: 1 },
  );

/** The `encryptionAtRest` document: AWS most often, Azure and GCP less, any combination. */
export const encryptionAtRestArb: fc.Arbitrary<Doc | undefined> = fc
  .record({
    awsKms: providerDocument(awsKms, 6),
    azureKeyVault: providerDocument(azureKeyVault, 4),
    googleCloudKms: providerDocument(googleCloudKms, 4),
    enabledForSearchNodes: mostly(fc.constant(undefined), fc.boolean(), 15),
  })
  .map((ear) => {
    const doc = compact(ear);
    return Object.keys(doc).length === 0 ? undefined : doc;
  });

/**
 * One key the simulated KMS holds: enabled mostly, the previous key (`previous`) less surely;
 * old enough to trip the rotation reminder now and then.
 */
const kmsKey = (provider: CloudProvider, keyId: string, previous: boolean) =>
  fc
    .record({
      state: mostly(fc.constant('ENABLED'), fc.constantFrom(...KEY_STATES.filter((s) => s !== 'ENABLED')), previous ? 2 : 10),
      createdAt: mostly(fc.constant(undefined), fc.constantFrom('2026-05-01T00:00:00Z', '2024-01-15T00:00:00Z'), 4),
    })
    .map(({ state, createdAt }) => compact({ provider, keyId, state, createdAt }));

/** kms.keys: each pool key declared, or now and then not (a key the lenient KMS has never seen). */
export const kmsKeysArb: fc.Arbitrary<Doc[]> = fc
  .tuple(...CLOUD_PROVIDERS.flatMap((provider) => KEY_IDS[provider].map((keyId, i) => present(kmsKey(provider, keyId, i > 0), 5))))
  .map((keys) => keys.filter((k): k is NonNullable<typeof k> => k !== undefined));
