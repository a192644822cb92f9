import { AtlasError } from '@mock-atlas/atlas-http';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { atlasErrors } from './errors';
import { servedApiOf } from './locals';
import { notFound } from './not-found';
import { send } from './respond';
import { ManualClock } from './testing/in-memory-credential-store';
import { legacyJson, negotiate } from './versioning';

const EAR = 'GET /groups/{groupId}/encryptionAtRest' as const;
const CLUSTER = 'GET /groups/{groupId}/clusters/{clusterName}' as const;
const v = (date: string) => `application/vnd.atlas.${date}+json`;

function app(clock = new ManualClock('2026-06-01T00:00:00Z')) {
  const a = express();
  for (const base of ['/api/atlas/v2', '/api/atlas/v1.0']) {
    a.get(`${base}/groups/:groupId/encryptionAtRest`, negotiate(EAR, { clock }), (_req, res) => send(res, 200, { served: servedApiOf(res) }));
    a.get(`${base}/groups/:groupId/clusters/:clusterName`, negotiate(CLUSTER, { clock }), (req, _res, next) =>
      next(new AtlasError('CLUSTER_NOT_FOUND', [req.params.clusterName, req.params.groupId])),
    );
  }
  a.get('/api/atlas/v1.0/legacy-only', legacyJson(), (_req, res) => send(res, 200, { ok: true }));
  a.use(notFound());
  a.use(atlasErrors());
  return a;
}

describe('negotiate on /api/atlas/v2 (README §7)', () => {
  it('issue 3 §1: 2025-03-12 serves encryptionAtRest 2023-01-01, named in the Content-Type with ;charset=utf-8', async () => {
    const res = await request(app()).get('/api/atlas/v2/groups/g/encryptionAtRest').set('Accept', v('2025-03-12'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
    expect(res.headers['deprecation']).toBeUndefined();
    expect(res.headers['sunset']).toBeUndefined();
    expect(JSON.parse(res.text)).toMatchObject({ served: { api: 'v2', requested: '2025-03-12', date: '2023-01-01' } });
  });

  it('R: an error under the deprecated 2023-02-01 cluster version carries Deprecation and Sunset, as plain JSON', async () => {
    const res = await request(app()).get('/api/atlas/v2/groups/g1/clusters/cluster-29').set('Accept', v('2023-02-01'));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['deprecation']).toBe('Mon, 5 Aug 2024 00:00:00 GMT');
    expect(res.headers['sunset']).toBe('Thu, 1 Jul 2027 00:00:00 GMT');
    expect(res.headers['x-error-code']).toBe('CLUSTER_NOT_FOUND');
  });

  it.each([
    ['no Accept', undefined],
    ['Accept: application/json', 'application/json'],
    ['curl’s default Accept: */*', '*/*'],
    ['a date before 2023-01-01', v('2022-06-01')],
  ])('%s → 406 INVALID_VERSION_DATE', async (_name, accept) => {
    const req = request(app()).get('/api/atlas/v2/groups/g/encryptionAtRest');
    if (accept !== undefined) req.set('Accept', accept);
    else req.unset('Accept');
    const res = await req;
    expect(res.status).toBe(406);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-error-code']).toBe('INVALID_VERSION_DATE');
    expect(res.body).toEqual({ detail: 'Invalid accept header or version date.', error: 406, errorCode: 'INVALID_VERSION_DATE', parameters: [], reason: 'Not Acceptable' });
  });

  it('a version past its x-sunset on the injected clock → 410 VERSION_GONE', async () => {
    const res = await request(app(new ManualClock('2027-07-01T00:00:00Z'))).get('/api/atlas/v2/groups/g/clusters/c').set('Accept', v('2023-02-01'));
    expect(res.status).toBe(410);
    expect(res.headers['x-error-code']).toBe('VERSION_GONE');
    expect(res.body).toMatchObject({ error: 410, reason: 'Gone', parameters: ['2023-02-01', '2027-07-01'] });
  });
});

describe('negotiate remembers a resolution for its day only', () => {
  it('the same Accept header is refused 410 once the clock reaches the sunset day, though it was served the day before', async () => {
    const clock = new ManualClock('2027-06-30T23:59:59Z');
    const served = app(clock);
    const accept = v('2023-02-01');
    const before = await request(served).get('/api/atlas/v2/groups/g/clusters/c').set('Accept', accept);
    expect(before.headers['x-error-code']).toBe('CLUSTER_NOT_FOUND');
    expect(before.headers['sunset']).toBe('Thu, 1 Jul 2027 00:00:00 GMT');
    clock.advance(1);
    const after = await request(served).get('/api/atlas/v2/groups/g/clusters/c').set('Accept', accept);
    expect(after.status).toBe(410);
    expect(after.headers['x-error-code']).toBe('VERSION_GONE');
  });

  it('each remembered header answers for itself, asked again in turn', async () => {
    const served = app();
    // Cluster GET versions: 2023-01-01, 2023-02-01, 2024-08-05; each date below resolves to a different one.
    const expected: Record<string, string> = { '2023-01-15': '2023-01-01', '2023-06-01': '2023-02-01', '2025-03-12': '2024-08-05' };
    for (let pass = 0; pass < 3; pass += 1) {
      for (const [date, version] of Object.entries(expected)) {
        const res = await request(served).get('/api/atlas/v2/groups/g/clusters/c').set('Accept', v(date));
        expect(res.headers['x-error-code'], `${date}, pass ${pass}`).toBe('CLUSTER_NOT_FOUND');
        expect(res.headers['deprecation'] === undefined, `${date}, pass ${pass}`).toBe(version === '2024-08-05');
      }
      for (const date of Object.keys(expected)) {
        const res = await request(served).get('/api/atlas/v2/groups/g/encryptionAtRest').set('Accept', v(date));
        expect(JSON.parse(res.text).served.requested, `${date}, pass ${pass}`).toBe(date);
      }
    }
  });

  it('80 headers, more than it remembers, each get their own version when sent again', async () => {
    const served = app();
    const dates = Array.from({ length: 80 }, (_, i) => `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`);
    for (const round of [1, 2]) {
      for (const date of dates) {
        const res = await request(served).get('/api/atlas/v2/groups/g/encryptionAtRest').set('Accept', v(date));
        expect(JSON.parse(res.text).served.requested, `${date}, round ${round}`).toBe(date);
      }
    }
  });

  it('a refused header does not stop the next one from being served', async () => {
    const served = app();
    for (let i = 0; i < 3; i += 1) {
      expect((await request(served).get('/api/atlas/v2/groups/g/encryptionAtRest').set('Accept', v('2022-06-01'))).status).toBe(406);
      expect((await request(served).get('/api/atlas/v2/groups/g/encryptionAtRest').set('Accept', v('2025-03-12'))).status).toBe(200);
    }
  });
});

describe('negotiate on /api/atlas/v1.0 (README §4)', () => {
  it('S3: plain application/json whatever the Accept header says', async () => {
    for (const accept of ['application/json', v('2025-03-12'), '*/*']) {
      const res = await request(app()).get('/api/atlas/v1.0/groups/g/encryptionAtRest').set('Accept', accept);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.body).toEqual({ served: { api: 'v1.0' } });
    }
  });

  it('legacyJson marks v1.0-only routes', async () => {
    const res = await request(app()).get('/api/atlas/v1.0/legacy-only');
    expect(res.headers['content-type']).toBe('application/json');
  });
});
