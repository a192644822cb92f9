import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATION_VERSIONS } from './versions.generated';
import { renderVersionsModule, type SpecDocument } from './versions-extract';

const REPO = resolve(import.meta.dirname, '../../..');
const SPEC_PATH = '../shared/atlas-openapi/atlas-admin-v2.multiversion.subset.json';
const spec = JSON.parse(readFileSync(resolve(REPO, SPEC_PATH), 'utf8')) as SpecDocument;

describe('versions.generated.ts', () => {
  it('is what tools/spec-build/extract-versions.ts writes from the current spec (run it when this fails)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, 'versions.generated.ts'), 'utf8');
    expect(committed).toBe(renderVersionsModule(spec, SPEC_PATH));
  });

  it('holds the 24 operations of README §2 plus GET /groups', () => {
    expect(Object.keys(OPERATION_VERSIONS)).toHaveLength(25);
    expect(OPERATION_VERSIONS['GET /groups'].source).toBe('docs');
  });

  it('README §2: cluster GET has 2023-01-01, 2023-02-01 (both sunset 2027-07-01) and 2024-08-05, with the schema per date', () => {
    expect(OPERATION_VERSIONS['GET /groups/{groupId}/clusters/{clusterName}'].versions).toEqual([
      { date: '2023-01-01', responseSchema: 'LegacyAtlasCluster', sunset: '2027-07-01', deprecation: '2023-02-01' },
      { date: '2023-02-01', responseSchema: 'AdvancedClusterDescription', sunset: '2027-07-01', deprecation: '2024-08-05' },
      { date: '2024-08-05', responseSchema: 'ClusterDescription20240805' },
    ]);
  });

  it('README §2 and §11.11: cluster POST 2024-08-05 sunsets 2027-03-01, before the older versions', () => {
    const versions = OPERATION_VERSIONS['POST /groups/{groupId}/clusters'].versions;
    expect(versions.map((v) => [v.date, 'sunset' in v ? v.sunset : undefined])).toEqual([
      ['2023-01-01', '2027-07-01'],
      ['2023-02-01', '2027-07-01'],
      ['2024-08-05', '2027-03-01'],
      ['2024-10-23', undefined],
    ]);
  });

  it('README §2: roles of the encryptionAtRest operations and of PATCH cluster', () => {
    expect(OPERATION_VERSIONS['GET /groups/{groupId}/encryptionAtRest'].roleIds).toEqual(['GROUP_READ_ONLY']);
    expect(OPERATION_VERSIONS['PATCH /groups/{groupId}/encryptionAtRest'].roleIds).toEqual(['GROUP_OWNER']);
    expect(OPERATION_VERSIONS['PATCH /groups/{groupId}/clusters/{clusterName}'].roleIds).toEqual([
      'GROUP_CLUSTER_MANAGER',
      'GROUP_CLUSTER_RESILIENCE_TESTER',
      'GROUP_REPLICA_SET_MANAGER',
    ]);
  });

  it('README §2: success statuses that are not 200', () => {
    expect(OPERATION_VERSIONS['POST /groups/{groupId}/clusters'].successStatus).toBe(201);
    expect(OPERATION_VERSIONS['DELETE /groups/{groupId}/clusters/{clusterName}'].successStatus).toBe(202);
    expect(OPERATION_VERSIONS['DELETE /groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}'].successStatus).toBe(204);
  });
});
