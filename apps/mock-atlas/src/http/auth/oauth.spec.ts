import * as oauth from 'oauth4webapi';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { authApp, CLIENT_ID, CLIENT_SECRET, GROUP_ID, type AuthApp } from '../testing/auth-app';
import { listen, type Listening } from '../testing/listen';

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Oauth {
  readonly h: AuthApp;
  readonly url: string;
  readonly as: oauth.AuthorizationServer;
  readonly client: oauth.Client;
}

async function start(): Promise<Oauth> {
  const h = authApp();
  server = await listen(h.app);
  const as: oauth.AuthorizationServer = {
    issuer: server.url,
    token_endpoint: `${server.url}/api/oauth/token`,
    revocation_endpoint: `${server.url}/api/oauth/revoke`,
  };
  return { h, url: server.url, as, client: { client_id: CLIENT_ID } };
}

// oauth4webapi refuses plain HTTP unless told; the mock's tests run on loopback HTTP.
const insecure = { [oauth.allowInsecureRequests]: true };

async function tokenWith(o: Oauth, auth: oauth.ClientAuth): Promise<oauth.TokenEndpointResponse> {
  const response = await oauth.clientCredentialsGrantRequest(o.as, o.client, auth, new URLSearchParams(), insecure);
  return oauth.processClientCredentialsResponse(o.as, o.client, response);
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('POST /api/oauth/token with oauth4webapi (spec info.description: client credentials, 1 hour)', () => {
  it('issues a Bearer token to HTTP Basic client authentication', async () => {
    const o = await start();
    const token = await tokenWith(o, oauth.ClientSecretBasic(CLIENT_SECRET));
    expect(token.token_type).toBe('bearer');
    expect(token.expires_in).toBe(3600);
    expect(token.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('issues a token to client_secret_post (form fields)', async () => {
    const o = await start();
    expect((await tokenWith(o, oauth.ClientSecretPost(CLIENT_SECRET))).expires_in).toBe(3600);
  });

  it('the token authenticates API calls as the service account, with its grants', async () => {
    const o = await start();
    const { access_token } = await tokenWith(o, oauth.ClientSecretBasic(CLIENT_SECRET));
    const res = await fetch(`${o.url}/echo`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ principal: { kind: 'serviceAccount', id: CLIENT_ID, grants: [{ role: 'GROUP_READ_ONLY', groupId: GROUP_ID }] } });
  });

  it('a wrong secret is invalid_client, which oauth4webapi surfaces as the Basic challenge', async () => {
    const o = await start();
    await expect(tokenWith(o, oauth.ClientSecretBasic('wrong'))).rejects.toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
  });
});

describe('POST /api/oauth/token, RFC 6749 §5 on the wire', () => {
  it('answers JSON that is never cached', async () => {
    const { h } = await start();
    const res = await request(h.app)
      .post('/api/oauth/token')
      .set('Authorization', basic(CLIENT_ID, CLIENT_SECRET))
      .type('form')
      .send({ grant_type: 'client_credentials' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['pragma']).toBe('no-cache');
    expect(Object.keys(res.body as object)).toEqual(['access_token', 'token_type', 'expires_in']);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  });

  it.each([
    ['a wrong secret', basic(CLIENT_ID, 'nope'), { grant_type: 'client_credentials' }],
    ['an unknown client', basic('mdb_sa_id_unknown', CLIENT_SECRET), { grant_type: 'client_credentials' }],
    ['no client authentication', undefined, { grant_type: 'client_credentials' }],
    ['a Basic header without a colon', `Basic ${Buffer.from('justone').toString('base64')}`, { grant_type: 'client_credentials' }],
  ])('%s → 401 invalid_client with a Basic challenge', async (_name, authorization, form) => {
    const { h } = await start();
    const req = request(h.app).post('/api/oauth/token').type('form');
    if (authorization) req.set('Authorization', authorization);
    const res = await req.send(form);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="MongoDB Atlas"');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed.' });
  });

  it.each([
    ['another grant type', { grant_type: 'password' }, 'unsupported_grant_type'],
    ['no grant type', {}, 'invalid_request'],
    ['the client secret twice (Basic and form)', { grant_type: 'client_credentials', client_secret: CLIENT_SECRET }, 'invalid_request'],
    ['another client_id than the Basic one', { grant_type: 'client_credentials', client_id: 'someone-else' }, 'invalid_request'],
  ])('%s → 400 %s', async (_name, form, error) => {
    const { h } = await start();
    const res = await request(h.app).post('/api/oauth/token').set('Authorization', basic(CLIENT_ID, CLIENT_SECRET)).type('form').send(form);
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toBe(error);
  });

  it('a repeated parameter → 400 invalid_request', async () => {
    const { h } = await start();
    const res = await request(h.app)
      .post('/api/oauth/token')
      .set('Authorization', basic(CLIENT_ID, CLIENT_SECRET))
      .type('form')
      .send('grant_type=client_credentials&grant_type=client_credentials');
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toBe('invalid_request');
  });

  it('a JSON body → 400 invalid_request', async () => {
    const { h } = await start();
    const res = await request(h.app).post('/api/oauth/token').set('Authorization', basic(CLIENT_ID, CLIENT_SECRET)).send({ grant_type: 'client_credentials' });
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toBe('invalid_request');
  });

  it('GET is 405 with Allow, as an Atlas error', async () => {
    const { h } = await start();
    const res = await request(h.app).get('/api/oauth/token');
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('POST');
    expect(res.headers['x-error-code']).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('bearer tokens expire and can be revoked', () => {
  it('a token works for 3600 s on the injected clock and no longer', async () => {
    const o = await start();
    const { access_token } = await tokenWith(o, oauth.ClientSecretBasic(CLIENT_SECRET));
    o.h.clock.advance(3599);
    expect((await request(o.h.app).get('/echo').set('Authorization', `Bearer ${access_token}`)).status).toBe(200);
    o.h.clock.advance(1);
    const res = await request(o.h.app).get('/echo').set('Authorization', `Bearer ${access_token}`);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token", error_description="The access token is invalid or has expired."');
    expect(o.h.refusals).toEqual(['invalid-token']);
  });

  it('RFC 7009 with oauth4webapi: a revoked token stops working', async () => {
    const o = await start();
    const { access_token } = await tokenWith(o, oauth.ClientSecretBasic(CLIENT_SECRET));
    const response = await oauth.revocationRequest(o.as, o.client, oauth.ClientSecretBasic(CLIENT_SECRET), access_token, insecure);
    await expect(oauth.processRevocationResponse(response)).resolves.toBeUndefined();
    expect((await request(o.h.app).get('/echo').set('Authorization', `Bearer ${access_token}`)).status).toBe(401);
  });

  it('revoking an unknown token is still 200; another client cannot revoke a token', async () => {
    const o = await start();
    o.h.store.addServiceAccount('mdb_sa_id_other', 'other-secret', []);
    const { access_token } = await tokenWith(o, oauth.ClientSecretBasic(CLIENT_SECRET));
    const unknown = await request(o.h.app).post('/api/oauth/revoke').set('Authorization', basic(CLIENT_ID, CLIENT_SECRET)).type('form').send({ token: 'nope' });
    expect(unknown.status).toBe(200);
    const foreign = await request(o.h.app).post('/api/oauth/revoke').set('Authorization', basic('mdb_sa_id_other', 'other-secret')).type('form').send({ token: access_token });
    expect(foreign.status).toBe(200);
    expect((await request(o.h.app).get('/echo').set('Authorization', `Bearer ${access_token}`)).status).toBe(200);
  });

  it('revocation needs client authentication and a token', async () => {
    const { h } = await start();
    expect((await request(h.app).post('/api/oauth/revoke').type('form').send({ token: 'x' })).status).toBe(401);
    const res = await request(h.app).post('/api/oauth/revoke').set('Authorization', basic(CLIENT_ID, CLIENT_SECRET)).type('form').send({});
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toBe('invalid_request');
  });

  it('a token stops working when its service account is removed', async () => {
    const o = await start();
    const { access_token } = await tokenWith(o, oauth.ClientSecretBasic(CLIENT_SECRET));
    o.h.store.serviceAccounts.delete(CLIENT_ID);
    expect((await request(o.h.app).get('/echo').set('Authorization', `Bearer ${access_token}`)).status).toBe(401);
  });
});

describe('client secrets with reserved characters', () => {
  it('RFC 6749 §2.3.1: Basic credentials are form-urlencoded (oauth4webapi encodes them; the mock decodes)', async () => {
    const o = await start();
    o.h.store.addServiceAccount('id with space', 'p@ss:w+rd/é', []);
    const response = await oauth.clientCredentialsGrantRequest(o.as, { client_id: 'id with space' }, oauth.ClientSecretBasic('p@ss:w+rd/é'), new URLSearchParams(), insecure);
    expect(response.status).toBe(200);
  });
});
