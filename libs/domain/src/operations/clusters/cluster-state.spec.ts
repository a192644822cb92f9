import type { Cluster } from '@mock-atlas/model';
import type { MockState } from '../../state/mock-state';
import { describe, expect, it } from 'vitest';
import { clusterFromLegacy } from '../../mappers';
import { putCluster, withoutSource } from './cluster-state';
import { GROUP, legacyBody, projectState } from './spec-fixtures';

/** A cluster as a config or a request body gives it: with a source map. */
const read = (name: string, extra: Readonly<Record<string, unknown>> = {}): Cluster => clusterFromLegacy(legacyBody(name, extra), ['clusters', 0]);
/** A cluster as the state stores it: without one. */
const stored = (name: string, extra: Readonly<Record<string, unknown>> = {}): Cluster => {
  const { src: _src, ...cluster } = read(name, extra);
  return cluster;
};

describe('withoutSource', () => {
  it.each([
    ['a cluster read from a config or a body', read('a')],
    ['a stored cluster', stored('b')],
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
  const base = projectState();
  const project = base.projects[GROUP]!;
  const state: MockState = { ...base, projects: { [GROUP]: { ...project, clusters: [stored('a'), stored('b'), stored('c')] } } };
  const clustersOf = (s: MockState) => s.projects[GROUP]?.clusters ?? [];

  it('replaces the cluster of the same name in place and leaves the old state as it was', () => {
    const next = putCluster(state, GROUP, stored('b', { diskSizeGB: 80 }));
    expect(clustersOf(next).map((c) => [c.name, c.diskSizeGB])).toEqual([['a', undefined], ['b', 80], ['c', undefined]]);
    expect(clustersOf(state)[1]?.diskSizeGB).toBeUndefined();
  });

  it('appends a cluster of a new name', () => {
    const next = putCluster(state, GROUP, stored('d'));
    expect(clustersOf(next).map((c) => c.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(clustersOf(state)).toHaveLength(3);
  });

  it('leaves the state alone for an unknown project', () => {
    expect(putCluster(state, '000000000000000000000000', stored('x'))).toBe(state);
  });
});
