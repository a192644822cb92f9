import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { request as urllibRequest } from 'urllib';
import { describe, expect, it } from 'vitest';
import { authenticate } from './auth/authenticate';
import { DigestAuth } from './auth/digest';
import { BearerTokens, oauthRouter } from './auth/oauth';
import { atlasErrors } from './errors';
import { jsonBody } from './json-body';
import { createLogger, requestLogging } from './logging';
import { notFound } from './not-found';
import { send } from './respond';
import { InMemoryCredentialStore, ManualClock } from './testing/in-memory-credential-store';
import { listen } from './testing/listen';

// Canaries: every secret a request can carry. None may reach the log.
const PRIVATE_KEY = 'CANARY-private-key-7d1e';
const CLIENT_SECRET = 'CANARY-client-secret-91ab';
const AWS_SECRET = 'CANARY-wJalrXUtnFEMI-K7MDENG';
const AZURE_SECRET = 'CANARY-azure-secret-55c2';
const QUERY_SECRET = 'CANARY-query-3f00';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('requestLogging', () => {
  it('logs one line per request with method, path, status, ms and principal — and never a secret', async () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', destination: stream });
    const clock = new ManualClock();
    const store = new InMemoryCredentialStore().addApiKey('pubkey', PRIVATE_KEY, [{ role: 'GROUP_OWNER' }]).addServiceAccount('sa-id', CLIENT_SECRET, []);
    const tokens = new BearerTokens();
    const app = express();
    app.use(requestLogging(logger));
    app.use('/api/oauth', oauthRouter({ store, clock, tokens }));
    app.use(authenticate({ digest: new DigestAuth({ store, clock }), tokens, store, clock }));
    app.patch('/api/atlas/v1.0/groups/:groupId/encryptionAtRest', jsonBody(), (req, res) => send(res, 200, { received: Object.keys(req.body as object) }));
    app.use(notFound());
    app.use(atlasErrors({ onUnexpected: (err) => logger.error({ err }, 'unexpected') }));
    const server = await listen(app);
    try {
      const url = `${server.url}/api/atlas/v1.0/groups/5e2211c17a3e5a48f5497de3/encryptionAtRest?secret=${QUERY_SECRET}`;
      const body = { awsKms: { enabled: true, secretAccessKey: AWS_SECRET }, azureKeyVault: { secret: AZURE_SECRET } };
      const digest = await urllibRequest(url, { method: 'PATCH', digestAuth: `pubkey:${PRIVATE_KEY}`, data: body, contentType: 'json' });
      expect(digest.status).toBe(200);
      const token = await request(app)
        .post('/api/oauth/token')
        .set('Authorization', `Basic ${Buffer.from(`sa-id:${CLIENT_SECRET}`).toString('base64')}`)
        .type('form')
        .send({ grant_type: 'client_credentials' });
      const accessToken = (token.body as { access_token: string }).access_token;
      await request(app).get('/nowhere').set('Authorization', `Bearer ${accessToken}`);
      await request(app).get('/nowhere').set('Authorization', `Bearer CANARY-forged-token`);
      await request(app).patch(url.replace(server.url, '')).set('Authorization', `Digest username="pubkey", response="CANARY-response"`).send(body);

      const text = lines.join('\n');
      for (const secret of [PRIVATE_KEY, CLIENT_SECRET, AWS_SECRET, AZURE_SECRET, QUERY_SECRET, accessToken, 'CANARY']) {
        expect(text, secret).not.toContain(secret);
      }
      expect(text).not.toMatch(/authorization|digest |bearer /i);
      // urllib's challenge + answer, the token call, two bearer calls, the forged digest: 6 requests.
      const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(entries.map((e) => [e.method, e.path, e.status, e.principal])).toEqual([
        ['PATCH', '/api/atlas/v1.0/groups/5e2211c17a3e5a48f5497de3/encryptionAtRest', 401, undefined],
        ['PATCH', '/api/atlas/v1.0/groups/5e2211c17a3e5a48f5497de3/encryptionAtRest', 200, 'pubkey'],
        ['POST', '/api/oauth/token', 200, undefined],
        ['GET', '/nowhere', 404, 'sa-id'],
        ['GET', '/nowhere', 401, undefined],
        ['PATCH', '/api/atlas/v1.0/groups/5e2211c17a3e5a48f5497de3/encryptionAtRest', 401, undefined],
      ]);
      for (const e of entries) {
        expect(e.msg).toBe('request');
        expect(typeof e.ms).toBe('number');
        expect(Object.keys(e).sort()).toEqual(['level', 'method', 'ms', 'msg', 'path', 'status', 'time', ...(e.principal ? ['principal'] : [])].sort());
      }
    } finally {
      await server.close();
    }
  });

  it('createLogger redacts secret field names in other log calls', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ destination: stream });
    logger.info({ privateKey: 'CANARY-a', body: { secretAccessKey: 'CANARY-b' }, req: { headers: { authorization: 'CANARY-c' } } }, 'x');
    expect(lines.join('\n')).not.toContain('CANARY');
  });
});
