import fc from 'fast-check';
import { clusterFacts, clusterTo20240805, clusterToLegacy, type Cluster, type ClusterLayout } from '@mock-atlas/domain';
import { cluster20240805, legacyCluster } from '@mock-atlas/domain/testing';
import { describe, expect, it } from 'vitest';
import { presentCluster } from './cluster';

const GROUP = '5e2211c17a3e5a48f5497de3';
const API_ROOT = 'http://127.0.0.1:8080/api/atlas/v2';

/** A generated cluster in any of the states and ages the presenter distinguishes. */
const shownCluster = fc
  .tuple(fc.oneof(legacyCluster, cluster20240805), fc.constantFrom(undefined, 'CREATING', 'IDLE', 'UPDATING'), fc.option(fc.constant('2025-01-02T03:04:05Z'), { nil: undefined }))
  .map(([c, stateName, createDate]): Cluster => ({ ...c, ...(stateName ? { stateName } : {}), ...(createDate ? { createDate } : {}) }));

const layouts: ClusterLayout[] = ['legacy', '20240805'];

describe.each(layouts)('presentCluster (%s layout)', (layout) => {
  const where = { groupId: GROUP, apiRoot: API_ROOT, layout };
  const mapper = layout === 'legacy' ? clusterToLegacy : clusterTo20240805;

  it('writes its keys in alphabetical order, as Atlas does', () => {
    fc.assert(
      fc.property(shownCluster, (c) => {
        const keys = Object.keys(presentCluster(c, where));
        expect(keys).toEqual([...keys].sort());
      }),
    );
  });

  it('leaves out none of the fields the layout mapper writes, with their values (specs gain ids)', () => {
    fc.assert(
      fc.property(shownCluster, (c) => {
        const body = presentCluster(c, where);
        const mapped = mapper(clusterFacts(c, GROUP));
        for (const [key, value] of Object.entries(mapped)) {
          if (value === undefined) continue;
          if (key === 'replicationSpecs') {
            expect(body[key]).toMatchObject(value as object);
            for (const spec of body[key] as Record<string, unknown>[]) expect(spec['id']).toMatch(/^[a-f0-9]{24}$/);
          } else {
            expect(body[key], key).toEqual(value);
          }
        }
      }),
    );
  });

  it('has connection strings and links once created, and empty connection strings while CREATING (README §9)', () => {
    fc.assert(
      fc.property(shownCluster, (c) => {
        const body = presentCluster(c, where);
        const strings = body['connectionStrings'] as { standard?: string; standardSrv?: string };
        const self = `${API_ROOT}/groups/${GROUP}/clusters/${encodeURIComponent(c.name)}`;
        expect(body['links']).toEqual([
          { href: self, rel: 'self' },
          { href: `${self}/backup/snapshots`, rel: 'https://cloud.mongodb.com/snapshots' },
          { href: `${self}/backup/restoreJobs`, rel: 'https://cloud.mongodb.com/restoreJobs' },
        ]);
        if (c.stateName === 'CREATING') {
          expect(strings).toEqual({});
          expect(body).not.toHaveProperty('srvAddress');
        } else {
          // The name (cluster names are letters, digits and dashes) and the project's 5-hex host hash.
          expect(strings.standardSrv).toMatch(new RegExp(`^mongodb\\+srv://${c.name.toLowerCase()}\\.[0-9a-f]{5}\\.mongodb\\.net$`));
          expect(strings.standard).toMatch(/^mongodb:\/\/.+:27017\/\?ssl=true&authSource=admin/);
          if (layout === 'legacy') {
            expect(body['srvAddress']).toBe(strings.standardSrv);
            expect(body['mongoURIWithOptions']).toBe(strings.standard);
            expect(String(strings.standard).startsWith(`${String(body['mongoURI'])}/?`)).toBe(true);
            expect(body['mongoURIUpdated']).toBe(c.createDate);
          }
        }
        if (layout !== 'legacy') for (const key of ['srvAddress', 'mongoURI', 'mongoURIWithOptions', 'mongoURIUpdated']) expect(body).not.toHaveProperty(key);
      }),
    );
  });
});
