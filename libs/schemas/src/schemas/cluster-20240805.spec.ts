import { describe, expect, it } from 'vitest';
import { V2_MULTI_CLOUD, V2_MULTI_REGION, V2_TENANT } from '../__tests__/bodies';
import { validate } from '../validate';

const check = (body: unknown) => validate('cluster.20240805', body);

/** V2_MULTI_REGION with its first region config replaced. */
function withRegion(regionConfig: Record<string, unknown>) {
  const [spec] = V2_MULTI_REGION.replicationSpecs;
  return { ...V2_MULTI_REGION, replicationSpecs: [{ ...spec, regionConfigs: [regionConfig] }] };
}
const REGION_PATH = ['replicationSpecs', 0, 'regionConfigs', 0] as const;

describe('cluster.20240805: valid bodies', () => {
  it.each([
    ['spec a three-region AWS replica set with read-only and analytics nodes', V2_MULTI_REGION],
    ['S0:3-5 a multi-cloud cluster is valid JSON; cluster/ear-no-multi-cloud refuses it with CMK', V2_MULTI_CLOUD],
    ['spec an M0 on the TENANT provider', V2_TENANT],
    ['spec a PATCH that only pauses', { paused: true }],
    ['spec adaptiveCapacity is nullable', { adaptiveCapacity: null }],
    [
      'README §9 a GET body sent back with its read-only attributes',
      {
        ...V2_MULTI_REGION,
        id: '6a793f6b2c88faeba59bae37',
        groupId: '5e2211c17a3e5a48f5497de3',
        stateName: 'IDLE',
        mongoDBVersion: '8.0.4',
        createDate: '2026-03-01T06:00:00Z',
        connectionStrings: { standardSrv: 'mongodb+srv://ledger.abcde.mongodb.net' },
        links: [],
        replicationSpecs: [
          {
            ...V2_MULTI_REGION.replicationSpecs[0],
            id: '6a793f6b2c88faeba59bae38',
            zoneId: '6a793f6b2c88faeba59bae39',
            regionConfigs: [
              {
                providerName: 'AWS',
                regionName: 'US_EAST_1',
                priority: 7,
                electableSpecs: { instanceSize: 'M30', nodeCount: 3 },
                effectiveElectableSpecs: { instanceSize: 'M30', nodeCount: 3, diskThroughput: 125 },
              },
            ],
          },
        ],
      },
    ],
  ])('%s', (_name, body) => {
    expect(check(body)).toEqual([]);
  });
});

describe('cluster.20240805: invalid bodies', () => {
  it('spec instance sizes follow the region config\'s provider: M100 is AWS-only', () => {
    const body = withRegion({ providerName: 'GCP', regionName: 'CENTRAL_US', electableSpecs: { instanceSize: 'M100', nodeCount: 3 } });
    expect(check(body)).toMatchObject([
      { ruleId: 'schema/enum', path: [...REGION_PATH, 'electableSpecs', 'instanceSize'], parameters: ['M100', 'instanceSize'] },
    ]);
  });

  it('spec regions follow the provider: CENTRAL_US is a Google Cloud region', () => {
    expect(check(withRegion({ providerName: 'AWS', regionName: 'CENTRAL_US' }))).toMatchObject([
      { ruleId: 'schema/enum', path: [...REGION_PATH, 'regionName'], parameters: ['CENTRAL_US', 'regionName'] },
    ]);
  });

  it('README §5.2 FLEX is not a provider of this layout (CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API)', () => {
    expect(check(withRegion({ providerName: 'FLEX', regionName: 'US_EAST_1' }))).toMatchObject([
      { ruleId: 'schema/enum', path: [...REGION_PATH, 'providerName'], parameters: ['FLEX', 'providerName'] },
    ]);
  });

  it('spec ebsVolumeType is AWS-only', () => {
    const body = withRegion({ providerName: 'GCP', regionName: 'CENTRAL_US', electableSpecs: { instanceSize: 'M10', ebsVolumeType: 'STANDARD' } });
    expect(check(body)).toMatchObject([{ ruleId: 'schema/unknown-field', path: [...REGION_PATH, 'electableSpecs', 'ebsVolumeType'] }]);
  });

  it('spec a region config needs its provider and region', () => {
    expect(check(withRegion({ priority: 7 }))).toMatchObject([{ ruleId: 'schema/required', path: [...REGION_PATH, 'providerName'] }]);
    expect(check(withRegion({ providerName: 'AWS' }))).toMatchObject([{ ruleId: 'schema/required', path: [...REGION_PATH, 'regionName'] }]);
  });

  it('spec priority is 0 to 7 and nodeCount a whole number', () => {
    const body = withRegion({ providerName: 'AWS', regionName: 'US_EAST_1', priority: 8, electableSpecs: { instanceSize: 'M30', nodeCount: '3' } });
    expect(check(body)).toMatchObject([
      { ruleId: 'schema/range', path: [...REGION_PATH, 'priority'] },
      { ruleId: 'schema/type', path: [...REGION_PATH, 'electableSpecs', 'nodeCount'], message: expect.stringContaining('must be a whole number, not the string "3"') },
    ]);
  });

  it('spec the TENANT provider takes shared-tier sizes only', () => {
    const body = withRegion({ providerName: 'TENANT', backingProviderName: 'AWS', regionName: 'US_EAST_1', electableSpecs: { instanceSize: 'M10' } });
    expect(check(body)).toMatchObject([{ ruleId: 'schema/enum', path: [...REGION_PATH, 'electableSpecs', 'instanceSize'] }]);
  });

  it('spec providerSettings belongs to the legacy layout', () => {
    expect(check({ name: 'ledger', providerSettings: { providerName: 'AWS' } })).toMatchObject([{ ruleId: 'schema/unknown-field', path: ['providerSettings'] }]);
  });

  it('spec the legacy diskSizeGB is not a top-level attribute of this layout', () => {
    expect(check({ diskSizeGB: 40 })).toMatchObject([{ ruleId: 'schema/unknown-field', path: ['diskSizeGB'] }]);
  });
});
