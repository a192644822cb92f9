import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { atlasErrors } from './errors';
import { allowHeader, notFound, route } from './not-found';

function app() {
  const a = express();
  const router = express.Router();
  route(router, '/groups/:groupId/encryptionAtRest', {
    GET: [
      (_req, res) => {
        res.json({ ok: 'get' });
      },
    ],
    PATCH: [
      (_req, res) => {
        res.json({ ok: 'patch' });
      },
    ],
  });
  a.use('/api/atlas/v2', router);
  a.use(notFound());
  a.use(atlasErrors());
  return a;
}

describe('notFound', () => {
  it('issue 3 §2: an unknown path is 404 RESOURCE_NOT_FOUND as Atlas JSON, never HTML', async () => {
    const res = await request(app()).get('/api/atlas/v2/nothing/here?pretty=false');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-error-code']).toBe('RESOURCE_NOT_FOUND');
    expect(res.body).toEqual({
      detail: 'Cannot find resource /api/atlas/v2/nothing/here.',
      error: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      parameters: ['/api/atlas/v2/nothing/here'],
      reason: 'Not Found',
    });
  });
});

describe('route and methodNotAllowed', () => {
  it('serves the declared methods, and HEAD where GET is declared', async () => {
    expect((await request(app()).get('/api/atlas/v2/groups/g/encryptionAtRest')).body).toEqual({ ok: 'get' });
    expect((await request(app()).patch('/api/atlas/v2/groups/g/encryptionAtRest')).body).toEqual({ ok: 'patch' });
    expect((await request(app()).head('/api/atlas/v2/groups/g/encryptionAtRest')).status).toBe(200);
  });

  it.each(['delete', 'post', 'put', 'options'] as const)('issue 3 §2: %s on a served path is 405 with Allow', async (method) => {
    const res = await request(app())[method]('/api/atlas/v2/groups/g/encryptionAtRest');
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET, PATCH, HEAD');
    expect(res.headers['x-error-code']).toBe('METHOD_NOT_ALLOWED');
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toMatchObject({ error: 405, reason: 'Method Not Allowed', parameters: [method.toUpperCase()] });
  });

  it('allowHeader lists HEAD only with GET', () => {
    expect(allowHeader(['POST'])).toBe('POST');
    expect(allowHeader(['GET', 'DELETE'])).toBe('GET, DELETE, HEAD');
  });
});
