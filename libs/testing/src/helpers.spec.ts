// The helpers do what the control API does, in-process: the KMS breaks and mends, the clock
// drives checks and transitions, faults fail requests, reset returns to the start.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockAtlas, type MockAtlas } from './index';
import { callAtlas, type Json } from './spec-support/call-atlas';
import { AWS_KEY, CMK_PROJECT, GROUP } from './spec-support/configs';

const HOUR_MS = 3_600_000;

let atlas: MockAtlas;

beforeEach(async () => {
  atlas = await startMockAtlas({ config: CMK_PROJECT });
});

afterEach(async () => {
  await atlas.close();
});

const clusterState = async (name: string) => (await callAtlas(atlas, 'GET', `/clusters/${name}`)).body.stateName;

describe('kms', () => {
  it('S0:63 disableKey + validate disables the CMK cluster, mails the owner, and restoreKey + validate brings it back', async () => {
    const key = await atlas.kms.disableKey(AWS_KEY);
    expect(key).toMatchObject({ provider: 'AWS', keyId: AWS_KEY, state: 'DISABLED' });
    // Atlas notices at its next check, not at the key change.
    expect((await atlas.clusterStatus('orders')).disabled).toBe(false);

    const report = await atlas.validate();
    expect(report).toMatchObject({ groupId: GROUP, disabledClusters: ['orders'], providers: [{ provider: 'AWS', valid: false, keyId: AWS_KEY, problem: 'DISABLED' }] });
    expect(await atlas.clusterStatus('orders')).toMatchObject({ disabled: true, disabledReason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID' });
    expect((await atlas.clusterStatus('plain')).disabled).toBe(false);
    expect((await atlas.outbox()).map((n) => [n.to, n.clusterNames])).toEqual([[atlas.apiKey.publicKey, ['orders']], [atlas.serviceAccount.clientId, ['orders']]]);

    await atlas.kms.restoreKey(AWS_KEY);
    expect((await atlas.validate()).restoredClusters).toEqual(['orders']);
    expect((await atlas.clusterStatus('orders')).disabled).toBe(false);
  });

  it('RULES.md the scheduled check (every 15 virtual minutes) finds a disabled key without validate()', async () => {
    await atlas.kms.disableKey(AWS_KEY);
    await atlas.clock.advance('PT15M');
    expect((await atlas.clusterStatus('orders')).disabled).toBe(true);
  });

  it('S0:63 broken credentials disable the cluster as a disabled key does, and fixed ones restore it', async () => {
    await atlas.kms.breakCredentials('AWS');
    expect((await atlas.validate()).providers).toEqual([expect.objectContaining({ provider: 'AWS', valid: false, problem: 'BAD_CREDENTIALS' })]);
    expect((await atlas.clusterStatus('orders')).disabled).toBe(true);
    await atlas.kms.fixCredentials('AWS');
    expect((await atlas.validate()).restoredClusters).toEqual(['orders']);
  });

  it('setKey sets any state and keys() lists it', async () => {
    await atlas.kms.setKey({ provider: 'AWS', keyId: AWS_KEY, state: 'PENDING_DELETION' });
    expect((await atlas.kms.keys()).map((k) => [k.keyId, k.state])).toEqual([[AWS_KEY, 'PENDING_DELETION']]);
    expect((await atlas.validate()).providers[0]).toMatchObject({ valid: false, problem: 'PENDING_DELETION' });
  });

  it('a key id neither the KMS nor a project knows needs its provider, and then is created', async () => {
    await expect(atlas.kms.disableKey('unknown-key')).rejects.toThrow('pass its provider');
    expect(await atlas.kms.disableKey('unknown-key', 'GCP')).toMatchObject({ provider: 'GCP', state: 'DISABLED' });
  });

  it('a refused change rejects with the Atlas error of the control API', async () => {
    await expect(atlas.kms.breakCredentials('AWS', '6c0ffee00000000000000bad')).rejects.toMatchObject({ name: 'AtlasError', code: 'GROUP_NOT_FOUND', status: 404 });
  });
});

describe('clock', () => {
  it('is manual by default: time stands still until advanced', async () => {
    const start = await atlas.clock.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(atlas.clock.mode).toBe('manual');
    expect(await atlas.clock.now()).toEqual(start);
  });

  it('advance moves virtual time by an ISO-8601 duration or milliseconds, and set jumps forward', async () => {
    const start = (await atlas.clock.now()).getTime();
    expect((await atlas.clock.advance('PT6H')).getTime()).toBe(start + 6 * HOUR_MS);
    expect((await atlas.clock.advance(1_000)).getTime()).toBe(start + 6 * HOUR_MS + 1_000);
    const later = new Date(start + 48 * HOUR_MS).toISOString();
    expect((await atlas.clock.set(later)).toISOString()).toBe(later);
  });

  it('refuses to move backwards or by a malformed duration', async () => {
    await expect(atlas.clock.set('2000-01-01T00:00:00Z')).rejects.toThrow('only moves forward');
    await expect(atlas.clock.advance('6 hours')).rejects.toThrow(RangeError);
  });

  it('drives transitions: a new cluster is CREATING, then IDLE a virtual minute later', async () => {
    const created = await callAtlas(atlas, 'POST', '/clusters', {
      name: 'fresh',
      clusterType: 'REPLICASET',
      replicationSpecs: [{ regionConfigs: [{ providerName: 'AWS', regionName: 'US_EAST_1', priority: 7, electableSpecs: { instanceSize: 'M10', nodeCount: 3 } }] }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await clusterState('fresh')).toBe('CREATING');
    await atlas.clock.advance('PT1M');
    expect(await clusterState('fresh')).toBe('IDLE');
  });

  it('runs on the wall clock when asked', async () => {
    const real = await startMockAtlas({ config: CMK_PROJECT, clock: 'real' });
    try {
      expect(real.clock.mode).toBe('real');
      expect(Math.abs((await real.clock.now()).getTime() - Date.now())).toBeLessThan(1_000);
    } finally {
      await real.close();
    }
  });
});

describe('faults, requests, outbox', () => {
  it('inject fails the next matching request once by default; list and clear', async () => {
    const path = `/api/atlas/v2/groups/${GROUP}/clusters`;
    const fault = await atlas.faults.inject({ path, status: 429, retryAfter: 0 });
    expect(fault).toMatchObject({ path, status: 429, errorCode: 'RATE_LIMITED', times: 1 });
    expect(await atlas.faults.list()).toHaveLength(1);
    expect((await callAtlas(atlas, 'GET', '/clusters')).body.errorCode).toBe('RATE_LIMITED');
    expect((await callAtlas(atlas, 'GET', '/clusters')).status).toBe(200);

    await atlas.faults.inject({ path: `${path}*`, status: 503, times: 5 });
    await atlas.faults.clear();
    expect(await atlas.faults.list()).toEqual([]);
    expect((await callAtlas(atlas, 'GET', '/clusters')).status).toBe(200);
  });

  it('a malformed fault is refused with the control API error', async () => {
    await expect(atlas.faults.inject({ path: 'no-slash', status: 500 })).rejects.toMatchObject({ code: 'INVALID_JSON_ATTRIBUTE' });
  });

  it('requests() lists what the client sent, filtered by method and path prefix; clearRequests forgets', async () => {
    await callAtlas(atlas, 'GET', '/clusters');
    await callAtlas(atlas, 'PATCH', '/clusters/plain', { terminationProtectionEnabled: true });
    const patches = await atlas.requests({ method: 'PATCH', path: `/api/atlas/v2/groups/${GROUP}/clusters/plain` });
    expect(patches.map((r) => [r.status, r.body])).toEqual([
      [401, undefined],
      [200, { terminationProtectionEnabled: true }],
    ]);
    expect((await atlas.requests()).length).toBe(4);
    await atlas.clearRequests();
    expect(await atlas.requests()).toEqual([]);
  });
});

describe('reset', () => {
  it('returns to the loaded state, the start instant, no requests and the initial faults', async () => {
    const path = `/api/atlas/v2/groups/${GROUP}/clusters`;
    const faulty = await startMockAtlas({ config: CMK_PROJECT, faults: [{ path, status: 503 }] });
    try {
      const start = await faulty.clock.now();
      expect((await callAtlas(faulty, 'GET', '/clusters')).status).toBe(503);
      await faulty.kms.disableKey(AWS_KEY);
      await faulty.clock.advance('P91D');
      expect((await faulty.clusterStatus('orders')).disabled).toBe(true);
      expect(await faulty.outbox()).not.toEqual([]);

      await faulty.reset();
      expect(await faulty.clock.now()).toEqual(start);
      expect(await faulty.requests()).toEqual([]);
      expect((await faulty.kms.keys())[0]?.state).toBe('ENABLED');
      expect(await faulty.outbox()).toEqual([]);
      expect((await faulty.clusterStatus('orders')).disabled).toBe(false);
      // The initial fault is back, and fires once again.
      expect((await callAtlas(faulty, 'GET', '/clusters')).status).toBe(503);
      const clusters = await callAtlas(faulty, 'GET', '/clusters');
      expect((clusters.body.results as Json[]).map((c) => c.name)).toEqual(['orders', 'plain']);
    } finally {
      await faulty.close();
    }
  });
});
