import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { atlasErrors } from './errors';
import { DEFAULT_BODY_LIMIT, isJsonContentType, jsonBody, type JsonBodyOptions } from './json-body';

function app(options?: JsonBodyOptions) {
  const a = express();
  a.patch('/body', jsonBody(options), (req, res) => {
    res.json({ body: req.body === undefined ? 'none' : (req.body as unknown) });
  });
  a.use(atlasErrors());
  return a;
}

function expectAtlasError(res: request.Response, status: number, errorCode: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe('application/json');
  expect(res.headers['x-error-code']).toBe(errorCode);
  expect(res.body).toMatchObject({ error: status, errorCode });
}

describe('jsonBody accepts', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'application/vnd.atlas.2023-01-01+json', 'application/vnd.atlas.2025-03-12+json;charset=UTF-8'])(
    'issue 3 §1: %s',
    async (type) => {
      const res = await request(app()).patch('/body').set('Content-Type', type).send('{"awsKms":{"enabled":false}}');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ body: { awsKms: { enabled: false } } });
    },
  );

  it('no body and no Content-Type (body stays undefined)', async () => {
    const res = await request(app()).patch('/body');
    expect(res.body).toEqual({ body: 'none' });
  });

  it('a body of exactly the limit', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(90) });
    expect(Buffer.byteLength(body)).toBe(100);
    expect((await request(app({ limit: 100 })).patch('/body').type('json').send(body)).status).toBe(200);
  });

  it('any JSON value when told to', async () => {
    expect((await request(app({ expect: 'any' })).patch('/body').type('json').send('[1,2]')).body).toEqual({ body: [1, 2] });
  });
});

describe('jsonBody refuses', () => {
  it('README §5.2: broken JSON → 400 MALFORMED_JSON "Received JSON is malformed."', async () => {
    const res = await request(app()).patch('/body').type('json').send('{"awsKms": {');
    expectAtlasError(res, 400, 'MALFORMED_JSON');
    expect(res.body).toEqual({ detail: 'Received JSON is malformed.', error: 400, errorCode: 'MALFORMED_JSON', parameters: [], reason: 'Bad Request' });
  });

  it.each(['[]', '1', '"text"', 'null', 'true'])('README §5.2: %s where an object is expected → 400 INVALID_JSON', async (body) => {
    expectAtlasError(await request(app()).patch('/body').type('json').send(body), 400, 'INVALID_JSON');
  });

  it('a body over the default 1 MiB limit → 413', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(DEFAULT_BODY_LIMIT) });
    const res = await request(app()).patch('/body').type('json').send(body);
    expectAtlasError(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.body).toMatchObject({ parameters: [1048576], reason: 'Request Entity Too Large' });
  });

  it('a body one byte over a configured limit → 413', async () => {
    expectAtlasError(await request(app({ limit: 10 })).patch('/body').type('json').send('{"a":"123456"}'), 413, 'PAYLOAD_TOO_LARGE');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/jsonx'])('Content-Type %s → 415', async (type) => {
    const res = await request(app()).patch('/body').set('Content-Type', type).send('{"a":1}');
    expectAtlasError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(res.body).toMatchObject({ parameters: [type] });
  });

  it('a body without Content-Type → 415', async () => {
    const res = await request(app()).patch('/body').set('Content-Type', '').send(Buffer.from('{"a":1}'));
    expectAtlasError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a charset other than UTF-8 → 415', async () => {
    expectAtlasError(await request(app()).patch('/body').set('Content-Type', 'application/json; charset=latin1').send('{"a":1}'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('isJsonContentType', () => {
  it('knows JSON and Atlas JSON, in any case', () => {
    expect(isJsonContentType('Application/JSON')).toBe(true);
    expect(isJsonContentType('application/vnd.atlas.2024-08-05+json')).toBe(true);
    expect(isJsonContentType('application/vnd.github+json')).toBe(false);
    expect(isJsonContentType('')).toBe(false);
  });
});
