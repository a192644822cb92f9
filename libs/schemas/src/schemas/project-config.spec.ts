import { describe, expect, it } from 'vitest';
import { M30_V1, PRODUCT_CONFIG, V2_MULTI_REGION, V2_TENANT } from '../__tests__/bodies';
import { validate } from '../validate';

const check = (doc: unknown) => validate('project-config', doc);
const config = (extra: Record<string, unknown>) => ({ version: 1, project: { name: 'payments' }, ...extra });

describe('project-config: valid documents', () => {
  it.each([
    ['PRODUCT.md the config example', PRODUCT_CONFIG],
    ['PRODUCT.md the smallest config', config({})],
    ['PRODUCT.md clusters in both layouts side by side', config({ clusters: [M30_V1, V2_MULTI_REGION, V2_TENANT] })],
    ['PRODUCT.md a $schema key for editors', { $schema: './atlas-project-config.schema.json', ...config({}) }],
    [
      'PRODUCT.md a backup schedule and a point-in-time restore',
      config({
        backupSchedules: [{ cluster: 'orders', referenceHourOfDay: 2, policies: [{ policyItems: [{ frequencyType: 'hourly', frequencyInterval: 6, retentionUnit: 'days', retentionValue: 7 }] }] }],
        restoreJobs: [{ cluster: 'orders', deliveryType: 'pointInTime', pointInTimeUTCSeconds: 1772344800, targetClusterName: 'orders', targetGroupId: '5e2211c17a3e5a48f5497de3' }],
      }),
    ],
    ['RULES.md a literal secret is security/no-plaintext-secrets\' warning, not a schema error', config({ apiKeys: [{ publicKey: 'k', privateKey: 'literal', roles: ['GROUP_OWNER'] }] })],
  ])('%s', (_name, doc) => {
    expect(check(doc)).toEqual([]);
  });
});

describe('project-config: invalid documents', () => {
  it('PRODUCT.md version is 1 and required, as is the project', () => {
    expect(check({})).toMatchObject([
      { ruleId: 'schema/required', path: ['version'] },
      { ruleId: 'schema/required', path: ['project'] },
    ]);
    expect(check({ ...config({}), version: 2 })).toMatchObject([
      { ruleId: 'schema/enum', path: ['version'], parameters: [2, 'version'], message: 'Attribute version has the invalid value 2; must be 1.' },
    ]);
  });

  it('PRODUCT.md the project needs a name; its id is 24 hexadecimal digits', () => {
    expect(check({ version: 1, project: { id: 'payments' } })).toMatchObject([
      { ruleId: 'schema/required', path: ['project', 'name'] },
      { ruleId: 'schema/pattern', path: ['project', 'id'], message: 'Attribute project.id must be a 24-digit hexadecimal id, not "payments".' },
    ]);
  });

  it('PRODUCT.md an unknown top-level section suggests the known one', () => {
    expect(check(config({ cluster: [] }))).toMatchObject([
      { ruleId: 'schema/unknown-field', path: ['cluster'], message: 'Unknown attribute `cluster` at the top level. Did you mean `clusters`?' },
    ]);
  });

  it('PRODUCT.md encryptionAtRest is checked as the PATCH body, at its place in the file', () => {
    expect(check(config({ encryptionAtRest: { awsKms: { region: 'us-east-1' } } }))).toMatchObject([
      { ruleId: 'schema/enum', path: ['encryptionAtRest', 'awsKms', 'region'], message: expect.stringContaining('Attribute encryptionAtRest.awsKms.region has the invalid value "us-east-1"') },
    ]);
  });

  it('PRODUCT.md a legacy cluster with a typo gets that one finding, not the v2 layout\'s complaints', () => {
    const cluster = { ...M30_V1, providerSettings: { ...M30_V1.providerSettings, regionNam: 'US_EAST_1' } };
    expect(check(config({ clusters: [cluster] }))).toMatchObject([
      { ruleId: 'schema/unknown-field', path: ['clusters', 0, 'providerSettings', 'regionNam'], message: 'Unknown attribute `regionNam` in clusters[0].providerSettings. Did you mean `regionName`?' },
    ]);
  });

  it('PRODUCT.md a v2 cluster with a bad size gets that one finding, not the legacy layout\'s complaints', () => {
    const [spec] = V2_MULTI_REGION.replicationSpecs;
    const [first, ...rest] = spec?.regionConfigs ?? [];
    const cluster = { ...V2_MULTI_REGION, replicationSpecs: [{ ...spec, regionConfigs: [{ ...first, electableSpecs: { instanceSize: 'M35', nodeCount: 3 } }, ...rest] }] };
    expect(check(config({ clusters: [cluster] }))).toMatchObject([
      { ruleId: 'schema/enum', path: ['clusters', 0, 'replicationSpecs', 0, 'regionConfigs', 0, 'electableSpecs', 'instanceSize'] },
    ]);
  });

  it('PRODUCT.md every cluster needs a name', () => {
    expect(check(config({ clusters: [{ providerSettings: M30_V1.providerSettings }] }))).toMatchObject([{ ruleId: 'schema/required', path: ['clusters', 0, 'name'] }]);
  });

  it('D a cluster must say where it runs, as POST /clusters requires: providerSettings (v1.0) or replicationSpecs (2024-08-05)', () => {
    expect(check(config({ clusters: [{ name: 'orders' }] }))).toMatchObject([
      { ruleId: 'schema/required', errorCode: 'MISSING_ATTRIBUTE', httpStatus: 400, path: ['clusters', 0, 'providerSettings'], parameters: ['providerSettings'] },
    ]);
    expect(check(config({ clusters: [M30_V1, V2_MULTI_REGION] }))).toEqual([]);
  });

  // Product decision, as POST /clusters decides it (libs/domain create-cluster.ts): a v1.0 cluster
  // names its tier (FLEX aside) and where it runs; nothing is defaulted. Found by the request fuzzer.
  const placed = { replicationSpecs: [{ regionsConfig: { UAE_NORTH: { electableNodes: 3 } } }] };
  it.each([
    ['no region anywhere', { providerName: 'GCP', instanceSizeName: 'M250' }, {}, ['regionName']],
    ['zones that place nothing', { providerName: 'AWS', instanceSizeName: 'M10' }, { replicationSpecs: [{ regionsConfig: {} }], replicationSpec: {} }, ['regionName']],
    ['TENANT without a size', { providerName: 'TENANT', backingProviderName: 'AZURE' }, placed, ['instanceSizeName']],
    ['a dedicated cloud without a size', { providerName: 'AZURE', regionName: 'UAE_NORTH' }, {}, ['instanceSizeName']],
    ['neither size nor region', { providerName: 'AWS' }, {}, ['instanceSizeName', 'regionName']],
  ])('D MISSING_ATTRIBUTE for a v1.0 cluster: %s', (_name, providerSettings, zones, missing) => {
    const findings = check(config({ clusters: [{ name: 'fresh', providerSettings, ...zones }] }));
    expect(findings.map((f) => [f.errorCode, f.httpStatus, f.path, f.parameters])).toEqual(
      missing.map((attribute) => ['MISSING_ATTRIBUTE', 400, ['clusters', 0, 'providerSettings', attribute], [attribute]]),
    );
  });

  it.each([
    ['a region in replicationSpecs only', { providerName: 'AZURE', instanceSizeName: 'M10' }, placed],
    ['a region in the single-zone replicationSpec only', { providerName: 'AWS', instanceSizeName: 'M10' }, { replicationSpec: { US_EAST_1: { electableNodes: 3 } } }],
    ['a region in a later zone', { providerName: 'AZURE', instanceSizeName: 'M10' }, { replicationSpecs: [{ regionsConfig: {} }, ...placed.replicationSpecs] }],
    ['FLEX, whose one size is implied', { providerName: 'FLEX', backingProviderName: 'AWS', regionName: 'US_EAST_1' }, {}],
  ])('a v1.0 cluster with %s is valid', (_name, providerSettings, zones) => {
    expect(check(config({ clusters: [{ name: 'fresh', providerSettings, ...zones }] }))).toEqual([]);
  });

  // Found by the request fuzzer: the layout test used `contains`, whose verdict Ajv carried over
  // from one cluster's replicationSpecs to the next cluster's empty list.
  it('D each cluster is read in its own layout: a v1.0 cluster with replicationSpecs [] after a 2024-08-05 one is v1.0', () => {
    expect(check(config({ clusters: [V2_MULTI_REGION, { ...M30_V1, name: 'second', replicationSpecs: [] }] }))).toEqual([]);
    expect(check(config({ clusters: [V2_MULTI_REGION, { name: 'second', replicationSpecs: [] }] }))).toMatchObject([
      { ruleId: 'schema/required', errorCode: 'MISSING_ATTRIBUTE', path: ['clusters', 1, 'providerSettings'] },
    ]);
    expect(check(config({ clusters: [{ ...V2_MULTI_REGION, replicationSpecs: [{ zoneName: 'z' }, ...V2_MULTI_REGION.replicationSpecs] }] }))).toEqual([]);
  });

  it('PRODUCT.md kms keys: provider, keyId and state, with a known state and an RFC 3339 createdAt', () => {
    expect(check(config({ kms: { keys: [{ provider: 'AWS', keyId: 'k1', state: 'ACTIVE', createdAt: '15/01/2026' }, { provider: 'aws', keyId: 'k2' }] } }))).toMatchObject([
      { ruleId: 'schema/enum', path: ['kms', 'keys', 0, 'state'], parameters: ['ACTIVE', 'state'] },
      { ruleId: 'schema/pattern', path: ['kms', 'keys', 0, 'createdAt'] },
      { ruleId: 'schema/required', path: ['kms', 'keys', 1, 'state'] },
      { ruleId: 'schema/enum', path: ['kms', 'keys', 1, 'provider'] },
    ]);
  });

  it('PRODUCT.md snapshots need id, cluster and createdAt; their key needs provider and keyId', () => {
    expect(check(config({ snapshots: [{ cluster: 'orders', createdAt: '2026-03-01T06:00:00Z', encryptionKey: { provider: 'AWS' } }] }))).toMatchObject([
      { ruleId: 'schema/required', path: ['snapshots', 0, 'id'] },
      { ruleId: 'schema/required', path: ['snapshots', 0, 'encryptionKey', 'keyId'] },
    ]);
  });

  it('PRODUCT.md restore jobs name their cluster and take the request\'s attributes only', () => {
    expect(check(config({ restoreJobs: [{ deliveryType: 'automated', target: 'orders-copy' }] }))).toMatchObject([
      { ruleId: 'schema/required', path: ['restoreJobs', 0, 'cluster'] },
      { ruleId: 'schema/unknown-field', path: ['restoreJobs', 0, 'target'] },
    ]);
  });

  it('PRODUCT.md backup schedules name their cluster and carry policies', () => {
    expect(check(config({ backupSchedules: [{ referenceHourOfDay: 2 }] }))).toMatchObject([
      { ruleId: 'schema/required', path: ['backupSchedules', 0, 'cluster'] },
      { ruleId: 'schema/required', path: ['backupSchedules', 0, 'policies'] },
    ]);
  });

  it('PRODUCT.md credentials need their secret and upper-case roles', () => {
    expect(check(config({ apiKeys: [{ publicKey: 'k', roles: ['group_owner'] }], serviceAccounts: [{ clientId: 'c', clientSecret: '', roles: [] }] }))).toMatchObject([
      { ruleId: 'schema/required', path: ['apiKeys', 0, 'privateKey'] },
      { ruleId: 'schema/pattern', path: ['apiKeys', 0, 'roles', 0], parameters: ['roles'] },
      { ruleId: 'schema/range', path: ['serviceAccounts', 0, 'clientSecret'] },
      { ruleId: 'schema/range', path: ['serviceAccounts', 0, 'roles'] },
    ]);
  });
});
