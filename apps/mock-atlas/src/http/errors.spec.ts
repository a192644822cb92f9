import { AtlasError } from '@mock-atlas/atlas-http';
import express, { type Request, type Response } from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { atlasErrors } from './errors';

const UNEXPECTED = { detail: 'Unexpected error.', error: 500, errorCode: 'UNEXPECTED_ERROR', parameters: [], reason: 'Internal Server Error' };

function app(onUnexpected?: (err: unknown) => void) {
  const a = express();
  a.get('/atlas', () => {
    throw new AtlasError('RATE_LIMITED', ['g1', 100, 1], { headers: { 'Retry-After': '60' } });
  });
  a.get('/boom', () => {
    throw new Error('kaboom: password=hunter2 at /srv/secret/path.ts:42');
  });
  a.get('/reject', async () => {
    await Promise.resolve();
    throw new TypeError('cannot read properties of undefined');
  });
  a.get('/string', (_req, _res, next) => next('just a string'));
  a.post('/raw-json', express.json({ limit: 20 }), (_req, res) => {
    res.json({});
  });
  a.get('/items/:id', (_req, res) => {
    res.json({});
  });
  a.use(atlasErrors(onUnexpected ? { onUnexpected } : {}));
  return a;
}

describe('atlasErrors', () => {
  it('writes an AtlasError: status, body, X-Error-Code, extra headers, plain JSON', async () => {
    const res = await request(app()).get('/atlas');
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-error-code']).toBe('RATE_LIMITED');
    expect(res.headers['retry-after']).toBe('60');
    expect(res.text).toBe(
      '{"detail":"Resource g1 is limited to 100 requests every 1 minutes.","error":429,"errorCode":"RATE_LIMITED","parameters":["g1","100","1"],"reason":"Too Many Requests"}',
    );
  });

  it.each(['/boom', '/reject', '/string'])('%s: anything else is a bare 500 UNEXPECTED_ERROR — no message, no stack, no HTML', async (path) => {
    const seen = vi.fn();
    const res = await request(app(seen)).get(path);
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-error-code']).toBe('UNEXPECTED_ERROR');
    expect(res.body).toEqual(UNEXPECTED);
    expect(res.text).not.toMatch(/kaboom|hunter2|secret|\.ts|at |undefined|<html/i);
    expect(seen).toHaveBeenCalledOnce();
  });

  it("maps body-parser's own errors when express.json is used directly", async () => {
    const malformed = await request(app()).post('/raw-json').type('json').send('{nope');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ errorCode: 'MALFORMED_JSON' });
    const large = await request(app()).post('/raw-json').type('json').send(JSON.stringify({ a: 'x'.repeat(50) }));
    expect(large.status).toBe(413);
    expect(large.body).toMatchObject({ errorCode: 'PAYLOAD_TOO_LARGE', parameters: ['20'] });
  });

  it("maps Express's 400 for an undecodable path parameter without echoing the path", async () => {
    const res = await request(app()).get('/items/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      detail: 'The request content produced the validation error: the request could not be read.',
      error: 400,
      errorCode: 'VALIDATION_ERROR',
      parameters: ['the request could not be read'],
      reason: 'Bad Request',
    });
  });

  it('a body whose extra fields JSON cannot write goes out without them, still the Atlas error', async () => {
    const deep: unknown = JSON.parse(`${'['.repeat(10_000)}1${']'.repeat(10_000)}`);
    const a = express();
    a.get('/deep', () => {
      throw new AtlasError('INVALID_ATTRIBUTE', ['x'], { extra: { findings: [{ parameters: [deep] }] } });
    });
    a.use(atlasErrors());
    const res = await request(a).get('/deep');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ detail: 'Invalid attribute x specified.', error: 400, errorCode: 'INVALID_ATTRIBUTE', parameters: ['x'], reason: 'Bad Request' });
  });

  it("an error that breaks while it is written is a JSON 500, never Express's HTML page with a stack", async () => {
    const seen = vi.fn();
    const a = express();
    a.get('/broken', () => {
      // What body-parser does to an error its `verify` throws: a `body` property over AtlasError#body().
      throw Object.assign(new AtlasError('MALFORMED_JSON'), { body: Buffer.from('raw request bytes') });
    });
    a.use(atlasErrors({ onUnexpected: seen }));
    const res = await request(a).get('/broken');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual(UNEXPECTED);
    expect(res.text).not.toMatch(/<html|TypeError|raw request bytes/);
    expect(seen).toHaveBeenCalledOnce();
  });

  it('cuts the connection when the response has already started', () => {
    const destroy = vi.fn();
    const seen = vi.fn();
    const res = { headersSent: true, destroy } as unknown as Response;
    atlasErrors({ onUnexpected: seen })(new Error('late'), {} as Request, res, () => undefined);
    expect(destroy).toHaveBeenCalledOnce();
    expect(seen).toHaveBeenCalledOnce();
  });
});
