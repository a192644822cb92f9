import { describe, expect, it } from 'vitest';
import { M30_V1, M30_V1_ROUND_TRIP } from '../__tests__/bodies';
import { validate } from '../validate';

const check = (body: unknown, base: readonly (string | number)[] = []) => validate('cluster.legacy', body, base);
const withProvider = (providerSettings: Record<string, unknown>) => ({ name: 'orders', providerSettings });

describe('cluster.legacy: valid bodies', () => {
  it.each([
    ['README §4 an M30 v1.0 replica set with Cloud Backup and an AWS key', M30_V1],
    ['README §9 a GET body sent back with its read-only attributes', M30_V1_ROUND_TRIP],
    ['PRODUCT.md the config example\'s cluster', withProvider({ providerName: 'AWS', instanceSizeName: 'M30', regionName: 'US_EAST_1' })],
    ['spec an Azure M40 with a disk tier', withProvider({ providerName: 'AZURE', instanceSizeName: 'M40', regionName: 'EUROPE_WEST', diskTypeName: 'P10' })],
    ['spec a Google Cloud M10', withProvider({ providerName: 'GCP', instanceSizeName: 'M10', regionName: 'CENTRAL_US' })],
    ['spec an M0 on the TENANT provider', withProvider({ providerName: 'TENANT', backingProviderName: 'AWS', instanceSizeName: 'M0', regionName: 'US_EAST_1' })],
    ['spec a FLEX cluster', withProvider({ providerName: 'FLEX', backingProviderName: 'GCP', instanceSizeName: 'FLEX', regionName: 'CENTRAL_US' })],
    ['spec a PATCH that only resizes the disk', { diskSizeGB: 80 }],
    ['README §4 the legacy single-zone replicationSpec map', { replicationSpec: { US_EAST_1: { electableNodes: 3, priority: 7 } } }],
    ['S0:95 backupEnabled (legacy) is a plain flag here; backup/no-legacy-with-cmk judges it', { ...M30_V1, backupEnabled: true }],
  ])('%s', (_name, body) => {
    expect(check(body)).toEqual([]);
  });
});

describe('cluster.legacy: invalid bodies', () => {
  it('atlas-cli create.go:49 a misspelt providerSettings attribute, located in the config', () => {
    const findings = check(withProvider({ providerName: 'AWS', instanceSizeName: 'M30', regionNam: 'US_EAST_1' }), ['clusters', 0]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'schema/unknown-field',
      severity: 'error',
      errorCode: 'INVALID_ATTRIBUTE',
      httpStatus: 400,
      path: ['clusters', 0, 'providerSettings', 'regionNam'],
      parameters: ['regionNam'],
    });
    expect(findings[0]?.message).toBe('Unknown attribute `regionNam` in clusters[0].providerSettings. Did you mean `regionName`?');
  });

  it('spec instance sizes are per provider: M90 is Azure-only', () => {
    expect(check(withProvider({ providerName: 'AWS', instanceSizeName: 'M90' }))).toMatchObject([
      { ruleId: 'schema/enum', errorCode: 'INVALID_ENUM_VALUE', path: ['providerSettings', 'instanceSizeName'], parameters: ['M90', 'instanceSizeName'] },
    ]);
    expect(check(withProvider({ providerName: 'AZURE', instanceSizeName: 'M90' }))).toEqual([]);
  });

  it('spec regions are per provider: US_EAST_1 is not an Azure region', () => {
    expect(check(withProvider({ providerName: 'AZURE', regionName: 'US_EAST_1' }))).toMatchObject([
      { ruleId: 'schema/enum', path: ['providerSettings', 'regionName'], parameters: ['US_EAST_1', 'regionName'] },
    ]);
  });

  it('spec attributes are per provider: diskTypeName is Azure-only', () => {
    expect(check(withProvider({ providerName: 'AWS', diskTypeName: 'P10' }))).toMatchObject([
      { ruleId: 'schema/unknown-field', path: ['providerSettings', 'diskTypeName'] },
    ]);
  });

  it('spec TENANT sizes are M0, M2 and M5', () => {
    expect(check(withProvider({ providerName: 'TENANT', instanceSizeName: 'M10' }))).toMatchObject([
      { ruleId: 'schema/enum', path: ['providerSettings', 'instanceSizeName'] },
    ]);
  });

  it('spec an unknown providerName gives one enum finding, not one per branch', () => {
    expect(check(withProvider({ providerName: 'AZ', instanceSizeName: 'M30' }))).toMatchObject([
      { ruleId: 'schema/enum', path: ['providerSettings', 'providerName'], parameters: ['AZ', 'providerName'] },
    ]);
  });

  it('spec providerName is required', () => {
    expect(check(withProvider({ instanceSizeName: 'M30' }))).toMatchObject([
      { ruleId: 'schema/required', errorCode: 'MISSING_ATTRIBUTE', path: ['providerSettings', 'providerName'], parameters: ['providerName'] },
    ]);
  });

  it('spec diskSizeGB is 10 to 4096 and numShards 1 to 50', () => {
    expect(check({ diskSizeGB: 5, numShards: 51 })).toMatchObject([
      { ruleId: 'schema/range', path: ['diskSizeGB'], message: 'Attribute diskSizeGB must be at least 10, not 5.' },
      { ruleId: 'schema/range', path: ['numShards'], message: 'Attribute numShards must be at most 50, not 51.' },
    ]);
    expect(check({ diskSizeGB: 4097 })).toMatchObject([{ ruleId: 'schema/range', path: ['diskSizeGB'] }]);
  });

  // Found by the request fuzzer: the mock took 2147483648 and echoed it in a response the contract refuses.
  it('spec node counts are int32 (format: int32), like every integer of the spec', () => {
    const nodes = (analyticsNodes: number) => ({ replicationSpecs: [{ regionsConfig: { US_EAST_1: { analyticsNodes } } }] });
    expect(check(nodes(2147483647))).toEqual([]);
    expect(check(nodes(2147483648))).toMatchObject([
      { ruleId: 'schema/range', errorCode: 'INVALID_ATTRIBUTE', path: ['replicationSpecs', 0, 'regionsConfig', 'US_EAST_1', 'analyticsNodes'] },
    ]);
    expect(check({ deleteAfterCreationHours: -2147483649 })).toMatchObject([{ ruleId: 'schema/range', path: ['deleteAfterCreationHours'] }]);
  });

  // Found by the request fuzzer: an AWS cluster took a GCP region, which the mock then reported as its AWS regionName.
  it('spec a zone of a dedicated cluster has regions of its providerSettings cloud only', () => {
    const aws = withProvider({ providerName: 'AWS', instanceSizeName: 'M10', regionName: 'US_EAST_1' });
    expect(check({ ...aws, replicationSpecs: [{ regionsConfig: { US_EAST_1: { electableNodes: 3 } } }] })).toEqual([]);
    expect(check({ ...aws, replicationSpecs: [{ regionsConfig: { US_EAST_1: {}, CENTRAL_US: {} } }] })).toMatchObject([
      { ruleId: 'schema/enum', errorCode: 'INVALID_ENUM_VALUE', path: ['replicationSpecs', 0, 'regionsConfig', 'CENTRAL_US'] },
    ]);
    expect(check({ ...aws, replicationSpec: { EUROPE_WEST: { electableNodes: 3 } } })).toMatchObject([{ ruleId: 'schema/enum', path: ['replicationSpec', 'EUROPE_WEST'] }]);
    // A PATCH without providerSettings cannot be judged here: any cloud's region passes the schema.
    expect(check({ replicationSpec: { CENTRAL_US: { electableNodes: 3 } } })).toEqual([]);
  });

  it('spec a zone has 1 to 50 shards, as the cluster numShards it is reported as', () => {
    const zone = (numShards: number) => ({ replicationSpecs: [{ numShards, regionsConfig: { US_EAST_1: { electableNodes: 3 } } }] });
    expect(check(zone(50))).toEqual([]);
    expect(check(zone(0))).toMatchObject([{ ruleId: 'schema/range', path: ['replicationSpecs', 0, 'numShards'] }]);
    expect(check(zone(51))).toMatchObject([{ ruleId: 'schema/range', path: ['replicationSpecs', 0, 'numShards'] }]);
  });

  it('spec a string diskSizeGB is one type finding, not a range finding too', () => {
    expect(check({ diskSizeGB: '40' })).toMatchObject([{ ruleId: 'schema/type', errorCode: 'INVALID_JSON_ATTRIBUTE', path: ['diskSizeGB'] }]);
  });

  it('spec electableNodes is 0, 3, 5 or 7 and priority 0 to 7', () => {
    const body = { replicationSpecs: [{ regionsConfig: { US_EAST_1: { electableNodes: 4, priority: 8 } } }] };
    expect(check(body)).toMatchObject([
      { ruleId: 'schema/enum', path: ['replicationSpecs', 0, 'regionsConfig', 'US_EAST_1', 'electableNodes'], parameters: [4, 'electableNodes'] },
      { ruleId: 'schema/range', path: ['replicationSpecs', 0, 'regionsConfig', 'US_EAST_1', 'priority'] },
    ]);
  });

  it('spec regionsConfig keys are region names; a misspelt one is reported at the key', () => {
    const findings = check({ replicationSpecs: [{ regionsConfig: { US_EAST_11: { electableNodes: 3 } } }] });
    expect(findings).toMatchObject([{ ruleId: 'schema/enum', path: ['replicationSpecs', 0, 'regionsConfig', 'US_EAST_11'], parameters: ['US_EAST_11', 'regionsConfig'] }]);
    expect(findings[0]?.message).toContain('Did you mean `US_EAST_1`?');
  });

  it('spec the cluster name pattern', () => {
    expect(check({ name: 'orders_1' })).toMatchObject([
      { ruleId: 'schema/pattern', path: ['name'], message: 'Attribute name must be a cluster name (letters, digits and hyphens, starting with a letter or digit), not "orders_1".' },
    ]);
  });

  it('spec encryptionAtRestProvider is NONE, AWS, AZURE or GCP', () => {
    expect(check({ encryptionAtRestProvider: 'aws' })).toMatchObject([
      { ruleId: 'schema/enum', path: ['encryptionAtRestProvider'], message: expect.stringContaining('Did you mean "AWS"?') },
    ]);
  });

  it('spec tags need a key and a value', () => {
    expect(check({ tags: [{ key: 'team' }] })).toMatchObject([{ ruleId: 'schema/required', path: ['tags', 0, 'value'] }]);
  });

  it('spec a v2 regionConfigs layout is not the legacy layout', () => {
    expect(check({ replicationSpecs: [{ regionConfigs: [] }] })).toMatchObject([
      { ruleId: 'schema/unknown-field', path: ['replicationSpecs', 0, 'regionConfigs'] },
    ]);
  });
});
