// Acceptance (issue 6): 50 instances started in parallel in one process, no port collisions,
// and no cross-talk: each sees only what was done to it, through the Atlas API and the helpers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockAtlas, type MockAtlas } from './index';
import { callAtlas, type Json } from './spec-support/call-atlas';
import { AWS_KEY, CMK_PROJECT } from './spec-support/configs';

const COUNT = 50;
/** The demo project's AWS key, used by its cluster `orders`. */
const DEMO_AWS_KEY = '030gce02-586d-48d2-a966-05ea954fde0g';

let instances: MockAtlas[] = [];

beforeAll(async () => {
  instances = await Promise.all(Array.from({ length: COUNT }, () => startMockAtlas()));
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((atlas) => atlas.close()));
});

const descriptions = async (atlas: MockAtlas) =>
  ((await callAtlas(atlas, 'GET', '/clusters/orders/backup/snapshots')).body.results as Json[]).map((s) => s.description);

describe(`${COUNT} instances in parallel`, () => {
  it('listen on as many distinct ports', () => {
    const ports = new Set(instances.map((atlas) => new URL(atlas.baseUrl).port));
    expect(instances).toHaveLength(COUNT);
    expect(ports.size).toBe(COUNT);
  });

  it('each get their own secrets: one instance refuses the credentials of another', async () => {
    const [first, second] = instances as [MockAtlas, MockAtlas];
    expect(first.apiKey.privateKey).not.toBe(second.apiKey.privateKey);
    const foreign = await callAtlas({ ...second, apiKey: first.apiKey }, 'GET', '/clusters');
    // Atlas's recorded answer to a digest with a wrong password (atlas-openapi README §5.4).
    expect(foreign.status).toBe(401);
    expect(foreign.body.detail).toBe('You are not authorized for this resource.');
  });

  it('each see only their own snapshots and their own requests', async () => {
    await Promise.all(
      instances.map(async (atlas, i) => {
        await atlas.clearRequests();
        const taken = await callAtlas(atlas, 'POST', '/clusters/orders/backup/snapshots', { description: `instance ${i}`, retentionInDays: 1 });
        expect(taken.status).toBe(200);
      }),
    );
    await Promise.all(
      instances.map(async (atlas, i) => {
        const mine = (await descriptions(atlas)).filter((d) => typeof d === 'string' && d.startsWith('instance '));
        expect(mine).toEqual([`instance ${i}`]);
        // Digest sends each request twice: unauthenticated (401, the challenge), then answered.
        const posts = await atlas.requests({ method: 'POST' });
        expect(posts.map((r) => r.status)).toEqual([401, 200]);
        expect(posts.map((r) => (r.body as Json | undefined)?.description)).toEqual([undefined, `instance ${i}`]);
      }),
    );
  });

  it('a lost key disables a cluster of that instance only', async () => {
    const [broken, ...others] = instances as [MockAtlas, ...MockAtlas[]];
    await broken.kms.disableKey(DEMO_AWS_KEY);
    const report = await broken.validate();
    expect(report.disabledClusters).toEqual(['orders']);
    for (const atlas of others) {
      expect((await atlas.validate()).disabledClusters).toEqual([]);
      expect((await atlas.clusterStatus('orders')).disabled).toBe(false);
      expect((await atlas.kms.keys()).find((k) => k.keyId === DEMO_AWS_KEY)?.state).toBe('ENABLED');
      expect(await atlas.outbox()).toEqual([]);
    }
    expect((await broken.clusterStatus('orders')).disabled).toBe(true);
  });

  it('moving one clock moves no other', async () => {
    const before = await Promise.all(instances.map((atlas) => atlas.clock.now()));
    const [, moved, ...others] = instances as [MockAtlas, MockAtlas, ...MockAtlas[]];
    const now = await moved.clock.advance('P1D');
    expect(now.getTime() - before[1]!.getTime()).toBe(24 * 3_600_000);
    for (const [i, atlas] of others.entries()) expect(await atlas.clock.now()).toEqual(before[i + 2]);
  });

  it('a fault injected in one instance fails requests there only', async () => {
    const [, , faulty, healthy] = instances as [MockAtlas, MockAtlas, MockAtlas, MockAtlas];
    await faulty.faults.inject({ path: `/api/atlas/v2/groups/${faulty.groupId}/clusters`, status: 503, times: 1 });
    expect((await callAtlas(healthy, 'GET', '/clusters')).status).toBe(200);
    expect((await callAtlas(faulty, 'GET', '/clusters')).status).toBe(503);
  });
});

// The domain memoises its scheduled checks by object identity (validate-project.ts,
// rotation-check.ts, scheduled-snapshots.ts: module-level WeakMaps keyed by immutable state).
// Instances started from one and the same config object, whose scheduled checks all run on
// advancing clocks, must still each judge only their own KMS.
describe('instances started from the same config object', () => {
  it('run their scheduled checks on their own state only', async () => {
    const shared = await Promise.all(Array.from({ length: 10 }, () => startMockAtlas({ config: CMK_PROJECT })));
    try {
      await Promise.all(shared.map((atlas) => atlas.clock.advance('PT1H')));
      const [broken, ...others] = shared as [MockAtlas, ...MockAtlas[]];
      await broken.kms.disableKey(AWS_KEY);
      await Promise.all(shared.map((atlas) => atlas.clock.advance('PT15M')));
      expect((await broken.clusterStatus('orders')).disabled).toBe(true);
      for (const atlas of others) expect((await atlas.clusterStatus('orders')).disabled).toBe(false);

      await broken.kms.restoreKey(AWS_KEY);
      const [, second] = others as [MockAtlas, MockAtlas];
      await second.kms.disableKey(AWS_KEY);
      await Promise.all(shared.map((atlas) => atlas.clock.advance('PT15M')));
      expect(await Promise.all(shared.map(async (atlas) => (await atlas.clusterStatus('orders')).disabled))).toEqual(shared.map((atlas) => atlas === second));
    } finally {
      await Promise.all(shared.map((atlas) => atlas.close()));
    }
  });
});
