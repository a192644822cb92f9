import { AtlasError } from '@mock-atlas/atlas-http';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { atlasErrors } from './errors';
import { send } from './respond';
import { ManualClock } from './testing/in-memory-credential-store';
import { negotiate } from './versioning';

const clock = new ManualClock('2026-06-01T00:00:00Z');
const ACCEPT = 'application/vnd.atlas.2025-03-12+json';
const list = { links: [], results: [{ id: 'a' }], totalCount: 1 };

function app() {
  const a = express();
  a.get('/api/atlas/v2/groups/:groupId', negotiate('GET /groups/{groupId}', { clock }), (_req, res) => send(res, 200, { id: 'g', name: 'p', tags: [] }));
  a.post('/api/atlas/v2/groups/:groupId/clusters', negotiate('POST /groups/{groupId}/clusters', { clock }), (_req, res) => send(res, 201, { name: 'c' }));
  a.get('/api/atlas/v2/groups/:groupId/clusters', negotiate('GET /groups/{groupId}/clusters', { clock }), (_req, res) => send(res, 200, list));
  a.delete('/api/atlas/v2/groups/:groupId/clusters/:name', negotiate('DELETE /groups/{groupId}/clusters/{clusterName}', { clock }), (_req, res) =>
    send(res, 202, {}),
  );
  a.delete('/api/atlas/v2/groups/:groupId/clusters/:c/backup/snapshots/:id', negotiate('DELETE /groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}', { clock }), (_req, res) =>
    send(res, 204),
  );
  a.get('/api/atlas/v2/groups/:groupId/missing', negotiate('GET /groups/{groupId}', { clock }), () => {
    throw new AtlasError('GROUP_NOT_FOUND', ['111111111111111111111111']);
  });
  a.use(atlasErrors());
  return a;
}

describe('send', () => {
  it('writes compact JSON by default, with the served version’s type', async () => {
    const res = await request(app()).get('/api/atlas/v2/groups/g').set('Accept', ACCEPT);
    expect(res.text).toBe('{"id":"g","name":"p","tags":[]}');
    expect(res.headers['content-type']).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
    expect(res.headers['content-length']).toBe(String(res.text.length));
  });

  it('S3 pretty=true: Jackson-style pretty JSON (any case of "true"; other values are off)', async () => {
    const pretty = await request(app()).get('/api/atlas/v2/groups/g?pretty=TRUE').set('Accept', ACCEPT);
    expect(pretty.text).toBe('{\n  "id" : "g",\n  "name" : "p",\n  "tags" : [ ]\n}');
    const off = await request(app()).get('/api/atlas/v2/groups/g?pretty=yes').set('Accept', ACCEPT);
    expect(off.text).toBe('{"id":"g","name":"p","tags":[]}');
  });

  it('S3 envelope=true: one result becomes {status, content} with HTTP 200', async () => {
    const res = await request(app()).post('/api/atlas/v2/groups/g/clusters?envelope=true').set('Accept', ACCEPT);
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"status":201,"content":{"name":"c"}}');
    expect(res.headers['content-type']).toBe('application/vnd.atlas.2024-10-23+json;charset=utf-8');
  });

  it('spec envelope: a list keeps its shape and gains status', async () => {
    const res = await request(app()).get('/api/atlas/v2/groups/g/clusters?envelope=true').set('Accept', ACCEPT);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...list, status: 200 });
  });

  it('envelope and pretty together', async () => {
    const res = await request(app()).post('/api/atlas/v2/groups/g/clusters?envelope=true&pretty=true').set('Accept', ACCEPT);
    expect(res.text).toBe('{\n  "status" : 201,\n  "content" : {\n    "name" : "c"\n  }\n}');
  });

  it('README §9: DELETE cluster is 202 with {} and a versioned type', async () => {
    const res = await request(app()).delete('/api/atlas/v2/groups/g/clusters/c').set('Accept', ACCEPT);
    expect(res.status).toBe(202);
    expect(res.text).toBe('{}');
    expect(res.headers['content-type']).toBe('application/vnd.atlas.2023-02-01+json;charset=utf-8');
  });

  it('README §9: DELETE snapshot is 204 with no body and a versioned type; enveloped it is {status: 204}', async () => {
    const res = await request(app()).delete('/api/atlas/v2/groups/g/clusters/c/backup/snapshots/s').set('Accept', ACCEPT);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers['content-type']).toBe('application/vnd.atlas.2023-01-01+json;charset=utf-8');
    const enveloped = await request(app()).delete('/api/atlas/v2/groups/g/clusters/c/backup/snapshots/s?envelope=true').set('Accept', ACCEPT);
    expect(enveloped.status).toBe(200);
    expect(enveloped.body).toEqual({ status: 204 });
  });

  it('errors honour envelope and pretty too, keeping X-Error-Code and plain JSON', async () => {
    const res = await request(app()).get('/api/atlas/v2/groups/g/missing?envelope=true').set('Accept', ACCEPT);
    expect(res.status).toBe(200);
    expect(res.headers['x-error-code']).toBe('GROUP_NOT_FOUND');
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({
      status: 404,
      content: { detail: 'No group with ID 111111111111111111111111 exists.', error: 404, errorCode: 'GROUP_NOT_FOUND', parameters: ['111111111111111111111111'], reason: 'Not Found' },
    });
    const pretty = await request(app()).get('/api/atlas/v2/groups/g/missing?pretty=true').set('Accept', ACCEPT);
    expect(pretty.text.startsWith('{\n  "detail" : "No group with ID')).toBe(true);
  });
});
