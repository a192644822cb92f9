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

  it('no body and no Content-Type when the body is optional (body stays undefined)', async () => {
    const res = await request(app({ required: false })).patch('/body');
    expect(res.body).toEqual({ body: 'none' });
  });

  it('one byte order mark before the value (RFC 8259 §8.1 lets a parser skip it)', async () => {
    expect((await request(app()).patch('/body').type('json').send('\ufeff{"a":1}')).body).toEqual({ body: { a: 1 } });
  });

  it('UTF-8 text beyond ASCII', async () => {
    const res = await request(app()).patch('/body').set('Content-Type', 'application/json').send('{"a":"é€😀"}');
    expect(res.body).toEqual({ body: { a: 'é€😀' } });
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

  // Every request body of the contract is `required: true`; body-parser alone would hand `{}` on.
  it.each([
    ['no body at all', undefined, {}],
    ['Content-Length: 0', '', { 'Content-Type': 'application/json', 'Content-Length': '0' }],
    ['a chunked body of no bytes', '', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }],
  ])('a required body that is missing (%s) → 400 MALFORMED_JSON', async (_name, body, headers) => {
    const req = request(app()).patch('/body').set(headers);
    expectAtlasError(await (body === undefined ? req : req.send(body)), 400, 'MALFORMED_JSON');
  });

  it.each([
    ['0xFF', [0xff]],
    ['an overlong "/"', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
  ])('bytes that are not UTF-8 (%s) inside a string → 400 MALFORMED_JSON, never U+FFFD', async (_name, bytes) => {
    const body = Buffer.concat([Buffer.from('{"description":"'), Buffer.from(bytes), Buffer.from('"}')]);
    const res = await request(app()).patch('/body').set('Content-Type', 'application/json').serialize((b: Buffer) => b as unknown as string).send(body);
    expectAtlasError(res, 400, 'MALFORMED_JSON');
  });

  it.each(['[]', '1', '"text"', 'null', 'true'])('README §5.2: %s where an object is expected → 400 INVALID_JSON', async (body) => {
    expectAtlasError(await request(app()).patch('/body').type('json').send(body), 400, 'INVALID_JSON');
  });

  it('a body over the default 1 MiB limit → 413', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(DEFAULT_BODY_LIMIT) });
    const res = await request(app()).patch('/body').type('json').send(body);
    expectAtlasError(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.body).toMatchObject({ parameters: ['1048576'], reason: 'Request Entity Too Large' });
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

  it.each(['latin1', 'utf-16', 'UTF-32', 'utf-16le'])('a charset other than UTF-8 (%s) → 415', async (charset) => {
    expectAtlasError(await request(app()).patch('/body').set('Content-Type', `application/json; charset=${charset}`).send('{"a":1}'), 415, 'UNSUPPORTED_MEDIA_TYPE');
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
