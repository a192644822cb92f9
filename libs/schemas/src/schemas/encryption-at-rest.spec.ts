import { describe, expect, it } from 'vitest';
import { validate } from '../validate';
import { AZURE_FULL, GCP_WITH_ROLE, PRODUCT_EAR_WITH_ROLE, S3_DISABLE_AWS, S3_ENABLE_AWS } from '../__tests__/bodies';
import type { JsonSchema } from '../json-schema';
import { encryptionAtRestRequestSchema } from './encryption-at-rest';

const check = (body: unknown) => validate('encryption-at-rest.request', body);

function walk(schema: unknown, visit: (node: JsonSchema, path: string) => void, path = '#'): void {
  if (schema === null || typeof schema !== 'object') return;
  if (!Array.isArray(schema)) visit(schema as JsonSchema, path);
  for (const [key, child] of Object.entries(schema)) walk(child, visit, `${path}/${key}`);
}

describe('encryption-at-rest.request: valid bodies', () => {
  it.each([
    ['S3:524-532 enable AWS KMS with an access key pair', S3_ENABLE_AWS],
    ['S3:546-550 disable AWS KMS', S3_DISABLE_AWS],
    ['PRODUCT.md AWS KMS through a role', PRODUCT_EAR_WITH_ROLE],
    ['spec every Azure Key Vault field', AZURE_FULL],
    ['spec Google Cloud KMS through a role', GCP_WITH_ROLE],
    ['spec enabledForSearchNodes beside a provider', { ...S3_ENABLE_AWS, enabledForSearchNodes: true }],
    ['spec an empty body (completeness is the rule ear/provider-fields-complete)', {}],
    ['spec a provider without its required fields is still schema-valid', { azureKeyVault: { enabled: true } }],
  ])('%s', (_name, body) => {
    expect(check(body)).toEqual([]);
  });

  it('S3:496-501 accepts the read-only `valid` so that ear/valid-is-read-only can answer ATTRIBUTE_READ_ONLY', () => {
    expect(check({ awsKms: { ...S3_ENABLE_AWS.awsKms, valid: true } })).toEqual([]);
    expect(check({ googleCloudKms: { enabled: false, valid: false } })).toEqual([]);
  });
});

describe('encryption-at-rest.request: invalid bodies', () => {
  it('spec a misspelt attribute is an unknown attribute at its own path', () => {
    expect(check({ awsKms: { enabled: true, regoin: 'US_EAST_1' } })).toMatchObject([
      {
        ruleId: 'schema/unknown-field',
        errorCode: 'INVALID_ATTRIBUTE',
        path: ['awsKms', 'regoin'],
        parameters: ['regoin'],
        message: 'Unknown attribute `regoin` in awsKms. Did you mean `region`?',
      },
    ]);
  });

  it('spec an unknown provider document is an unknown attribute at the top level', () => {
    expect(check({ gcpKms: { enabled: true } })).toMatchObject([
      { ruleId: 'schema/unknown-field', path: ['gcpKms'], message: 'Unknown attribute `gcpKms` at the top level.' },
    ]);
  });

  it('spec an AWS region outside the spec enum', () => {
    expect(check({ awsKms: { region: 'US_EAST_9' } })).toMatchObject([
      { ruleId: 'schema/enum', errorCode: 'INVALID_ENUM_VALUE', path: ['awsKms', 'region'], parameters: ['US_EAST_9', 'region'] },
    ]);
  });

  it('spec AZURE_GERMANY: the v1 client lists it, the spec does not, so it is refused', () => {
    expect(check({ azureKeyVault: { azureEnvironment: 'AZURE_GERMANY' } })).toMatchObject([
      { ruleId: 'schema/enum', path: ['azureKeyVault', 'azureEnvironment'], parameters: ['AZURE_GERMANY', 'azureEnvironment'] },
    ]);
  });

  it('spec roleId must be 24 hexadecimal digits', () => {
    expect(check({ googleCloudKms: { roleId: 'role-1' } })).toMatchObject([
      { ruleId: 'schema/pattern', errorCode: 'INVALID_ATTRIBUTE', path: ['googleCloudKms', 'roleId'], parameters: ['roleId'] },
    ]);
  });

  it('spec Azure ids are UUIDs', () => {
    expect(check({ azureKeyVault: { tenantID: 'my-tenant' } })).toMatchObject([{ ruleId: 'schema/pattern', path: ['azureKeyVault', 'tenantID'] }]);
  });

  it('spec accessKeyID is 16 to 128 characters and customerMasterKeyID at most 2048', () => {
    expect(check({ awsKms: { accessKeyID: 'A'.repeat(129), customerMasterKeyID: 'k'.repeat(2049) } })).toMatchObject([
      { ruleId: 'schema/range', path: ['awsKms', 'accessKeyID'], message: 'Attribute awsKms.accessKeyID must be at most 128 characters long, not 129.' },
      { ruleId: 'schema/range', path: ['awsKms', 'customerMasterKeyID'] },
    ]);
    expect(check({ awsKms: { accessKeyID: 'AKIA' } })).toMatchObject([{ ruleId: 'schema/range', path: ['awsKms', 'accessKeyID'] }]);
  });

  it('spec enabled is a boolean, not the string "true"', () => {
    expect(check({ awsKms: { enabled: 'true' } })).toMatchObject([
      {
        ruleId: 'schema/type',
        errorCode: 'INVALID_JSON_ATTRIBUTE',
        path: ['awsKms', 'enabled'],
        message: 'Attribute awsKms.enabled must be true or false, not the string "true".',
      },
    ]);
  });

  it('spec a GET response with nulls for cleared fields is not a valid PATCH body', () => {
    expect(check({ awsKms: { enabled: false, accessKeyID: null } })).toMatchObject([{ ruleId: 'schema/type', path: ['awsKms', 'accessKeyID'] }]);
  });
});

describe('encryption-at-rest.request: annotations', () => {
  const props = encryptionAtRestRequestSchema.properties;

  it('S3:496-501 marks every `valid` read-only', () => {
    for (const doc of [props.awsKms, props.azureKeyVault, props.googleCloudKms]) {
      expect(doc.properties?.valid).toMatchObject({ type: 'boolean', readOnly: true });
    }
  });

  it('PRODUCT.md marks the three secrets write-only', () => {
    expect(props.awsKms.properties?.secretAccessKey).toMatchObject({ writeOnly: true });
    expect(props.azureKeyVault.properties?.secret).toMatchObject({ writeOnly: true });
    expect(props.googleCloudKms.properties?.serviceAccountKey).toMatchObject({ writeOnly: true });
  });

  it('S3:199-207 has no `required` anywhere and closes every object', () => {
    walk(encryptionAtRestRequestSchema, (node, path) => {
      expect(node.required, path).toBeUndefined();
      if (node.type === 'object') expect(node.additionalProperties, path).toBe(false);
    });
  });
});
