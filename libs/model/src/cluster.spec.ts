import { describe, expect, it } from 'vitest';
import { backupModeOf, cloudProvidersOf, isDedicatedTier, isMultiCloud, tierClassOf, type RegionPlacement } from './cluster';

const region = (provider: RegionPlacement['provider'], name: string): RegionPlacement => ({
  provider,
  region: name,
  priority: 7,
  electableNodes: 3,
  readOnlyNodes: 0,
  analyticsNodes: 0,
});

describe('tierClassOf (S3:34: not M0, M2, M5)', () => {
  it.each([
    ['M0', 'FREE'],
    ['M2', 'SHARED'],
    ['m5', 'SHARED'],
    ['FLEX', 'FLEX'],
    ['SERVERLESS', 'SERVERLESS'],
    ['M10', 'DEDICATED'],
    ['M30', 'DEDICATED'],
    ['R40', 'DEDICATED'],
    ['M40_NVME', 'DEDICATED'],
  ] as const)('%s is %s', (size, expected) => {
    expect(tierClassOf(size)).toBe(expected);
    expect(isDedicatedTier(size)).toBe(expected === 'DEDICATED');
  });
});

describe('multi-cloud detection (S0:3-5)', () => {
  it('one cloud across zones and regions is not multi-cloud', () => {
    const specs = [
      { zoneName: 'Zone 1', numShards: 1, regions: [region('AWS', 'US_EAST_1'), region('AWS', 'EU_WEST_1')] },
      { zoneName: 'Zone 2', numShards: 2, regions: [region('AWS', 'AP_SOUTH_1')] },
    ];
    expect(isMultiCloud({ replicationSpecs: specs })).toBe(false);
    expect(cloudProvidersOf({ replicationSpecs: specs })).toEqual(['AWS']);
  });

  it('two clouds in one zone, or in two zones, are multi-cloud', () => {
    expect(isMultiCloud({ replicationSpecs: [{ zoneName: 'Z', numShards: 1, regions: [region('GCP', 'CENTRAL_US'), region('AWS', 'US_EAST_1')] }] })).toBe(true);
    const twoZones = [
      { zoneName: 'A', numShards: 1, regions: [region('AZURE', 'US_EAST_2')] },
      { zoneName: 'B', numShards: 1, regions: [region('AWS', 'US_EAST_1')] },
    ];
    expect(isMultiCloud({ replicationSpecs: twoZones })).toBe(true);
    expect(cloudProvidersOf({ replicationSpecs: twoZones })).toEqual(['AWS', 'AZURE']);
  });
});

describe('backupModeOf (v1.0 backupEnabled = legacy, providerBackupEnabled = cloud)', () => {
  it.each([
    [false, false, 'NONE'],
    [true, false, 'LEGACY'],
    [false, true, 'CLOUD'],
    [true, true, 'CONFLICT'],
  ] as const)('legacy %s, cloud %s → %s', (legacyBackupEnabled, cloudBackupEnabled, mode) => {
    expect(backupModeOf({ legacyBackupEnabled, cloudBackupEnabled })).toBe(mode);
  });
});
