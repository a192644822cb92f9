import { emptyProject, type Cluster } from '@mock-atlas/model';
import { describe, expect, it } from 'vitest';
import { emptyState } from '../../state/mock-state';
import { putCluster, withoutSource } from './cluster-state';

const cluster = (name: string, extra: Partial<Cluster> = {}): Cluster => ({
  name,
  clusterType: 'REPLICASET',
  instanceSize: 'M30',
  replicationSpecs: [],
  legacyBackupEnabled: false,
  cloudBackupEnabled: true,
  pitEnabled: false,
  encryptionAtRestProvider: 'NONE',
  paused: false,
  terminationProtectionEnabled: false,
  ...extra,
});

describe('withoutSource', () => {
  it.each([
    ['a cluster read from a config', cluster('a', { src: { base: ['clusters', 0] } })],
    ['a stored cluster', cluster('b')],
  ])('%s: no src, every other field kept, the original untouched', (_name, c) => {
    const before = structuredClone(c);
    const out = withoutSource(c);
    expect(out).not.toHaveProperty('src');
    const { src: _src, ...rest } = before;
    expect(out).toEqual(rest);
    expect(c).toEqual(before);
  });
});

describe('putCluster', () => {
  const project = { ...emptyProject('5e2211c17a3e5a48f5497de3', 'p'), clusters: [cluster('a'), cluster('b'), cluster('c')] };
  const state = { ...emptyState(), projects: { [project.id]: project } };

  it('replaces the cluster of the same name in place and leaves the old state as it was', () => {
    const next = putCluster(state, project.id, cluster('b', { diskSizeGB: 80 }));
    expect(next.projects[project.id]?.clusters.map((c) => [c.name, c.diskSizeGB])).toEqual([['a', undefined], ['b', 80], ['c', undefined]]);
    expect(state.projects[project.id]?.clusters[1]?.diskSizeGB).toBeUndefined();
  });

  it('appends a cluster of a new name', () => {
    const next = putCluster(state, project.id, cluster('d'));
    expect(next.projects[project.id]?.clusters.map((c) => c.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(state.projects[project.id]?.clusters).toHaveLength(3);
  });

  it('leaves the state alone for an unknown project', () => {
    expect(putCluster(state, '000000000000000000000000', cluster('x'))).toBe(state);
  });
});
