import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldPath, type Snapshot } from '@mock-atlas/model';
import { masterKeyUuidOf, snapshotFromConfig, snapshotFromRepresentation, snapshotToRepresentation } from './snapshot';
import { snapshot, snapshotKey, withoutSrc } from './testing/arbitraries';

const GROUP = '6a793f6b2c88faeba59bae37';
const BASE = 'http://localhost:8080/api/atlas/v2';

describe('snapshot round trip (DiskBackupReplicaSet)', () => {
  it('from(to(s)) equals s, the key found again by its masterKeyUUID among other keys', () => {
    fc.assert(
      fc.property(snapshot, fc.array(snapshotKey, { maxLength: 3 }), (s, others) => {
        const key = s.encryptionKey;
        fc.pre(key === undefined || others.every((o) => masterKeyUuidOf(o) !== masterKeyUuidOf(key)));
        const body = snapshotToRepresentation(s, { groupId: GROUP, cloudProvider: 'AWS', replicaSetName: s.clusterName });
        const keys = key ? [...others, key] : others;
        expect(withoutSrc(snapshotFromRepresentation(body, s.clusterName, [], keys))).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });
});

describe('snapshotToRepresentation', () => {
  const onDemand: Snapshot = {
    id: '6a79468a2c88faeba59de489',
    clusterName: 'backupRestores-305',
    createdAt: '2026-08-10T03:33:30Z',
    status: 'queued',
    snapshotType: 'onDemand',
    description: 'test-snapshot',
    expiresAt: '2026-08-11T03:33:30Z',
  };

  it('README §9 recorded POST snapshot: queued, ondemand, replicaSet, empty lists, zero size, self and cluster links', () => {
    const body = snapshotToRepresentation(onDemand, { groupId: GROUP, cloudProvider: 'AWS', replicaSetName: 'backupRestores-305', baseUrl: BASE });
    expect(body).toEqual({
      cloudProvider: 'AWS',
      copyRegions: [],
      createdAt: '2026-08-10T03:33:30Z',
      description: 'test-snapshot',
      expiresAt: '2026-08-11T03:33:30Z',
      frequencyType: 'ondemand',
      id: '6a79468a2c88faeba59de489',
      links: [
        { href: `${BASE}/groups/${GROUP}/clusters/backupRestores-305/backup/snapshots/6a79468a2c88faeba59de489`, rel: 'self' },
        { href: `${BASE}/groups/${GROUP}/clusters/backupRestores-305`, rel: 'https://cloud.mongodb.com/cluster' },
      ],
      policyItems: [],
      replicaSetName: 'backupRestores-305',
      snapshotType: 'onDemand',
      status: 'queued',
      storageSizeBytes: 0,
      type: 'replicaSet',
    });
  });

  it('spec masterKeyUUID: present only for a snapshot taken with a customer key, stable per key', () => {
    const key = { provider: 'AWS' as const, keyId: '030gce02-586d-48d2-a966-05ea954fde0g' };
    const ctx = { groupId: GROUP, cloudProvider: 'AWS' as const, replicaSetName: 'orders', mongodVersion: '8.0.29' };
    expect(snapshotToRepresentation(onDemand, ctx)).not.toHaveProperty('masterKeyUUID');
    const first = snapshotToRepresentation({ ...onDemand, encryptionKey: key }, ctx)['masterKeyUUID'];
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(snapshotToRepresentation({ ...onDemand, id: '6a79468a2c88faeba59de48a', encryptionKey: key }, ctx)['masterKeyUUID']).toBe(first);
    expect(snapshotToRepresentation({ ...onDemand, encryptionKey: { ...key, masterKeyUUID: 'a-known-uuid' } }, ctx)['masterKeyUUID']).toBe('a-known-uuid');
    expect(snapshotToRepresentation(onDemand, ctx)['mongodVersion']).toBe('8.0.29');
  });

  it('spec frequencyType: a scheduled snapshot reports its policy frequency', () => {
    const ctx = { groupId: GROUP, cloudProvider: 'GCP' as const, replicaSetName: 'orders' };
    expect(snapshotToRepresentation({ ...onDemand, snapshotType: 'scheduled' }, ctx)['frequencyType']).toBe('hourly');
    expect(snapshotToRepresentation({ ...onDemand, snapshotType: 'scheduled' }, { ...ctx, frequencyType: 'daily' })['frequencyType']).toBe('daily');
  });
});

describe('snapshotFromConfig', () => {
  it('PRODUCT.md snapshot fixture: cluster → clusterName, with src pointing at cluster and encryptionKey', () => {
    const item = {
      id: '6a793f6b2c88faeba59bae37',
      cluster: 'orders',
      createdAt: '2026-03-01T06:00:00Z',
      encryptionKey: { provider: 'AWS', keyId: '030gce02-586d-48d2-a966-05ea954fde0g' },
    };
    const s = snapshotFromConfig(item, ['snapshots', 0]);
    expect(withoutSrc(s)).toEqual({
      id: '6a793f6b2c88faeba59bae37',
      clusterName: 'orders',
      createdAt: '2026-03-01T06:00:00Z',
      status: 'completed',
      snapshotType: 'scheduled',
      encryptionKey: { provider: 'AWS', keyId: '030gce02-586d-48d2-a966-05ea954fde0g' },
    });
    expect(fieldPath(s, 'clusterName')).toEqual(['snapshots', 0, 'cluster']);
    expect(fieldPath(s, 'encryptionKey')).toEqual(['snapshots', 0, 'encryptionKey']);
  });

  it('a fixture without id gets a stable 24-hex id; an unusable key is dropped', () => {
    const item = { cluster: 'orders', createdAt: '2026-03-01T06:00:00Z', encryptionKey: { provider: 'OCI', keyId: 'k' } };
    const s = snapshotFromConfig(item, ['snapshots', 2]);
    expect(s.id).toMatch(/^[0-9a-f]{24}$/);
    expect(snapshotFromConfig(item, ['snapshots', 2]).id).toBe(s.id);
    expect(snapshotFromConfig(item, ['snapshots', 3]).id).not.toBe(s.id);
    expect(s.encryptionKey).toBeUndefined();
  });
});
