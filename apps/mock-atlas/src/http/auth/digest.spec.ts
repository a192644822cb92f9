import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import request from 'supertest';
import { request as urllibRequest } from 'urllib';
import { afterEach, describe, expect, it } from 'vitest';
import { authApp, GROUP_ID, PRIVATE_KEY, PUBLIC_KEY, type AuthApp } from '../testing/auth-app';
import { listen, type Listening } from '../testing/listen';
import { parseAuthParams } from './digest';

const run = promisify(execFile);
const CHALLENGE = /^Digest realm="MMS Public API", domain="", nonce="([A-Za-z0-9+/]{32})", algorithm=(MD5|SHA-256), qop="auth", stale=(true|false)$/;

// The 401 body exactly as Atlas pretty-prints it (Jackson: `"key" : value`), README §5.4.
const CHALLENGE_BODY =
  '{\n  "error" : 401,\n  "reason" : "Unauthorized",\n  "detail" : "You are not authorized for this resource.",\n  "errorCode" : "UNEXPECTED_ERROR"\n}';

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(h: AuthApp): Promise<string> {
  server = await listen(h.app);
  return server.url;
}

/** Real curl: one transfer per URL, printing each status on its own line. */
async function curl(user: string, ...urls: string[]): Promise<number[]> {
  const args = ['--silent', '--digest', '--user', user, '--write-out', '%{http_code}\\n', ...urls.flatMap((u) => ['--output', '/dev/null', u])];
  const { stdout } = await run('/usr/bin/curl', args);
  return stdout.trim().split('\n').map(Number);
}

/** The challenges of a response; Node's client joins repeated WWW-Authenticate lines with ", ". */
function challengesOf(header: string | string[] | undefined): string[] {
  const lines = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return lines.flatMap((line) => line.split(/, (?=Digest |Bearer |Basic )/));
}

/** An independent hand-written digest client (RFC 7616, qop=auth), for the cases real clients never produce. */
function answer(
  challenge: string,
  o: { method?: string; uri: string; nc?: string; password?: string; algorithm?: 'MD5' | 'SHA-256'; nonce?: string; username?: string },
): string {
  const nonce = o.nonce ?? CHALLENGE.exec(challenge)?.[1] ?? '';
  const algorithm = o.algorithm ?? 'MD5';
  const h = (s: string) => createHash(algorithm === 'MD5' ? 'md5' : 'sha256').update(s).digest('hex');
  const username = o.username ?? PUBLIC_KEY;
  const nc = o.nc ?? '00000001';
  const cnonce = randomBytes(8).toString('hex');
  const ha1 = h(`${username}:MMS Public API:${o.password ?? PRIVATE_KEY}`);
  const ha2 = h(`${o.method ?? 'GET'}:${o.uri}`);
  const response = h(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
  return `Digest username="${username}", realm="MMS Public API", nonce="${nonce}", uri="${o.uri}", algorithm=${algorithm}, qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}"`;
}

async function freshChallenge(h: AuthApp): Promise<string> {
  const res = await request(h.app).get('/echo');
  return challengesOf(res.headers['www-authenticate'])[0] ?? '';
}

describe('the challenge (README §5.4, §8)', () => {
  it('R: answers an unauthenticated request with Atlas’s 401: MD5 challenge first, pretty body, application/json, no X-Error-Code', async () => {
    const h = authApp();
    const res = await request(h.app).get('/echo');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-error-code']).toBeUndefined();
    expect(res.text).toBe(CHALLENGE_BODY);
    const [md5, sha256] = challengesOf(res.headers['www-authenticate']);
    expect(md5).toMatch(CHALLENGE);
    expect(CHALLENGE.exec(md5 ?? '')?.slice(2)).toEqual(['MD5', 'false']);
    expect(CHALLENGE.exec(sha256 ?? '')?.slice(2)).toEqual(['SHA-256', 'false']);
    expect(h.refusals).toEqual(['no-credentials']);
  });

  it('issues a fresh nonce per challenge', async () => {
    const h = authApp();
    const a = CHALLENGE.exec(await freshChallenge(h))?.[1];
    const b = CHALLENGE.exec(await freshChallenge(h))?.[1];
    expect(a).toBeDefined();
    expect(a).not.toBe(b);
  });

  it('challenges Basic credentials too (Atlas knows only Digest for API keys)', async () => {
    const h = authApp();
    const res = await request(h.app).get('/echo').auth(PUBLIC_KEY, PRIVATE_KEY);
    expect(res.status).toBe(401);
    expect(challengesOf(res.headers['www-authenticate'])[0]).toMatch(CHALLENGE);
  });
});

describe('curl --digest (client 1)', () => {
  it('authenticates with the right key pair (MD5, the challenge Atlas sends)', async () => {
    const h = authApp();
    const url = await start(h);
    const { stdout } = await run('/usr/bin/curl', ['--silent', '--digest', '--user', `${PUBLIC_KEY}:${PRIVATE_KEY}`, `${url}/echo?pretty=true`]);
    expect(JSON.parse(stdout)).toEqual({ principal: { kind: 'apiKey', id: PUBLIC_KEY, grants: [{ role: 'GROUP_OWNER', groupId: GROUP_ID }] } });
    expect(parseAuthParams((h.seen[1] ?? '').replace(/^Digest /, ''))?.get('algorithm')).toBe('MD5');
  });

  it('authenticates with SHA-256 when that challenge comes first', async () => {
    const h = authApp({ algorithms: ['SHA-256', 'MD5'] });
    const url = await start(h);
    expect(await curl(`${PUBLIC_KEY}:${PRIVATE_KEY}`, `${url}/echo`)).toEqual([200]);
    expect(parseAuthParams((h.seen[1] ?? '').replace(/^Digest /, ''))?.get('algorithm')).toBe('SHA-256');
  });

  it('is refused with a wrong private key', async () => {
    const h = authApp();
    const url = await start(h);
    expect(await curl(`${PUBLIC_KEY}:not-the-key`, `${url}/echo`)).toEqual([401]);
    expect(h.refusals).toEqual(['no-credentials', 'wrong-response']);
  });

  it('is refused with an unknown public key', async () => {
    const h = authApp();
    const url = await start(h);
    expect(await curl(`nobody:${PRIVATE_KEY}`, `${url}/echo`)).toEqual([401]);
    expect(h.refusals).toContain('unknown-key');
  });

  it('recovers from a stale nonce: its answer arrives after the nonce expired, gets stale=true, and curl retries with the new one', async () => {
    const h = authApp();
    const url = await start(h);
    let moved = false;
    h.onRequest = (req) => {
      if (!moved && req.headers.authorization) {
        moved = true;
        h.clock.advance(301);
      }
    };
    expect(await curl(`${PUBLIC_KEY}:${PRIVATE_KEY}`, `${url}/echo`)).toEqual([200]);
    expect(h.refusals).toEqual(['no-credentials', 'stale-nonce']);
    const nonces = h.seen.slice(1).map((a) => parseAuthParams((a ?? '').replace(/^Digest /, ''))?.get('nonce'));
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('its answer cannot be replayed (same nonce, same nc)', async () => {
    const h = authApp();
    const url = await start(h);
    expect(await curl(`${PUBLIC_KEY}:${PRIVATE_KEY}`, `${url}/echo`)).toEqual([200]);
    const captured = h.seen[1] ?? '';
    expect(captured).toMatch(/^Digest /);
    const replay = await request(h.app).get('/echo').set('Authorization', captured);
    expect(replay.status).toBe(401);
    expect(h.refusals.at(-1)).toBe('replayed-nc');
    expect(CHALLENGE.exec(challengesOf(replay.headers['www-authenticate'])[0] ?? '')?.[3]).toBe('false');
  });
});

describe('urllib digestAuth (client 2)', () => {
  it('authenticates with the right key pair', async () => {
    const h = authApp();
    const url = await start(h);
    const res = await urllibRequest(`${url}/echo`, { digestAuth: `${PUBLIC_KEY}:${PRIVATE_KEY}`, dataType: 'json' });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ principal: { kind: 'apiKey', id: PUBLIC_KEY } });
  });

  it('is refused with a wrong private key', async () => {
    const h = authApp();
    const url = await start(h);
    const res = await urllibRequest(`${url}/echo`, { digestAuth: `${PUBLIC_KEY}:wrong`, dataType: 'text' });
    expect(res.status).toBe(401);
    expect(res.data).toBe(CHALLENGE_BODY);
  });

  it('its answer is stale once the nonce expired on the injected clock, and a new request then succeeds', async () => {
    const h = authApp();
    const url = await start(h);
    expect((await urllibRequest(`${url}/echo`, { digestAuth: `${PUBLIC_KEY}:${PRIVATE_KEY}` })).status).toBe(200);
    const captured = h.seen[1] ?? '';
    h.clock.advance(301);
    const stale = await request(h.app).get('/echo').set('Authorization', captured);
    expect(stale.status).toBe(401);
    expect(CHALLENGE.exec(challengesOf(stale.headers['www-authenticate'])[0] ?? '')?.[3]).toBe('true');
    expect((await urllibRequest(`${url}/echo`, { digestAuth: `${PUBLIC_KEY}:${PRIVATE_KEY}` })).status).toBe(200);
  });

  it('its answer cannot be replayed', async () => {
    const h = authApp();
    const url = await start(h);
    await urllibRequest(`${url}/echo`, { digestAuth: `${PUBLIC_KEY}:${PRIVATE_KEY}` });
    const replay = await request(h.app).get('/echo').set('Authorization', h.seen[1] ?? '');
    expect(replay.status).toBe(401);
    expect(h.refusals.at(-1)).toBe('replayed-nc');
  });
});

describe('the rules, with a hand-written client (client 3)', () => {
  it('accepts increasing nonce counts on one nonce and refuses a repeated or lower one', async () => {
    const h = authApp();
    const challenge = await freshChallenge(h);
    const send = (nc: string) => request(h.app).get('/echo').set('Authorization', answer(challenge, { uri: '/echo', nc }));
    expect((await send('00000001')).status).toBe(200);
    expect((await send('00000003')).status).toBe(200);
    expect((await send('00000003')).status).toBe(401);
    expect((await send('00000002')).status).toBe(401);
    expect((await send('0000000a')).status).toBe(200);
    expect(h.refusals.filter((r) => r === 'replayed-nc')).toHaveLength(2);
  });

  it('keeps a nonce for 300 s by default: 299 s later it works, 301 s later it is stale', async () => {
    const h = authApp();
    const challenge = await freshChallenge(h);
    h.clock.advance(299);
    expect((await request(h.app).get('/echo').set('Authorization', answer(challenge, { uri: '/echo' }))).status).toBe(200);
    h.clock.advance(2);
    const res = await request(h.app).get('/echo').set('Authorization', answer(challenge, { uri: '/echo', nc: '00000002' }));
    expect(res.status).toBe(401);
    expect(CHALLENGE.exec(challengesOf(res.headers['www-authenticate'])[0] ?? '')?.[3]).toBe('true');
  });

  it('honours a configured nonce lifetime', async () => {
    const h = authApp({ nonceTtlSeconds: 10 });
    const challenge = await freshChallenge(h);
    h.clock.advance(11);
    expect((await request(h.app).get('/echo').set('Authorization', answer(challenge, { uri: '/echo' }))).status).toBe(401);
    expect(h.refusals.at(-1)).toBe('stale-nonce');
  });

  it('says stale=true only to a right answer: a wrong key on an unknown nonce is plainly refused', async () => {
    const h = authApp();
    const made = 'A'.repeat(32);
    const right = await request(h.app).get('/echo').set('Authorization', answer('', { uri: '/echo', nonce: made }));
    expect(CHALLENGE.exec(challengesOf(right.headers['www-authenticate'])[0] ?? '')?.[3]).toBe('true');
    const wrong = await request(h.app).get('/echo').set('Authorization', answer('', { uri: '/echo', nonce: made, password: 'x' }));
    expect(CHALLENGE.exec(challengesOf(wrong.headers['www-authenticate'])[0] ?? '')?.[3]).toBe('false');
  });

  it('requires the digest uri to be this request (path and query)', async () => {
    const h = authApp();
    const challenge = await freshChallenge(h);
    expect((await request(h.app).get('/echo?a=1').set('Authorization', answer(challenge, { uri: '/echo' }))).status).toBe(401);
    expect(h.refusals.at(-1)).toBe('uri-mismatch');
    expect((await request(h.app).get('/echo?a=1').set('Authorization', answer(challenge, { uri: '/echo?a=1' }))).status).toBe(200);
  });

  it('binds the answer to the method', async () => {
    const h = authApp();
    const challenge = await freshChallenge(h);
    const res = await request(h.app).post('/echo').set('Authorization', answer(challenge, { uri: '/echo', method: 'GET' }));
    expect(res.status).toBe(401);
    expect(h.refusals.at(-1)).toBe('wrong-response');
  });

  it('accepts SHA-256 answers to the same nonce', async () => {
    const h = authApp();
    const challenge = await freshChallenge(h);
    expect((await request(h.app).get('/echo').set('Authorization', answer(challenge, { uri: '/echo', algorithm: 'SHA-256' }))).status).toBe(200);
  });

  it('refuses an algorithm it did not offer, qop other than auth, and a malformed header', async () => {
    const h = authApp({ algorithms: ['MD5'] });
    const challenge = await freshChallenge(h);
    const sha = await request(h.app).get('/echo').set('Authorization', answer(challenge, { uri: '/echo', algorithm: 'SHA-256' }));
    expect(sha.status).toBe(401);
    const noQop = answer(challenge, { uri: '/echo' }).replace('qop=auth', 'qop=auth-int');
    expect((await request(h.app).get('/echo').set('Authorization', noQop)).status).toBe(401);
    expect((await request(h.app).get('/echo').set('Authorization', 'Digest username="x", nc=1')).status).toBe(401);
    expect(h.refusals.slice(-3)).toEqual(['unsupported', 'unsupported', 'malformed']);
  });
});

describe('parseAuthParams', () => {
  it('reads quoted and bare values, with escapes and commas inside quotes', () => {
    const p = parseAuthParams('username="a\\"b", realm="MMS Public API", nc=00000001, uri="/x?a=1,2"');
    expect(Object.fromEntries(p ?? [])).toEqual({ username: 'a"b', realm: 'MMS Public API', nc: '00000001', uri: '/x?a=1,2' });
  });

  it('refuses repeated parameters and garbage', () => {
    expect(parseAuthParams('nc=1, nc=2')).toBeUndefined();
    expect(parseAuthParams('"oops"')).toBeUndefined();
  });
});
