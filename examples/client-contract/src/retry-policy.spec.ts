// The retry rules on their own, as tables: which failure may be retried for which method, how
// Retry-After is read, how back-off grows. retries.spec.ts checks them on the wire.
import { describe, expect, it } from 'vitest';
import { backoffMs, mayRetry, retryAfterMs, transportFailureOf, type Failure } from './retry-policy';

const status = (code: number): Failure => ({ kind: 'status', status: code });
const transport = (code: string, maybeProcessed: boolean): Failure => ({ kind: 'transport', code, maybeProcessed });

describe('mayRetry', () => {
  // [failure, GET, DELETE, PUT, POST, PATCH]
  const table: [name: string, failure: Failure, expected: [boolean, boolean, boolean, boolean, boolean]][] = [
    ['429', status(429), [true, true, true, true, true]],
    ['503', status(503), [true, true, true, true, true]],
    ['500', status(500), [true, true, true, false, false]],
    ['502', status(502), [true, true, true, false, false]],
    ['504', status(504), [true, true, true, false, false]],
    ['a reset connection', transport('UND_ERR_SOCKET', true), [true, true, true, false, false]],
    ['a timeout', transport('TIMEOUT', true), [true, true, true, false, false]],
    ['a refused connection', transport('ECONNREFUSED', false), [true, true, true, true, true]],
    ['400', status(400), [false, false, false, false, false]],
    ['401', status(401), [false, false, false, false, false]],
    ['404', status(404), [false, false, false, false, false]],
    ['409', status(409), [false, false, false, false, false]],
    ['501', status(501), [false, false, false, false, false]],
  ];
  it.each(table)('%s', (_name, failure, expected) => {
    expect(['GET', 'DELETE', 'PUT', 'POST', 'PATCH'].map((m) => mayRetry(m, failure))).toEqual(expected);
  });
});

describe('transportFailureOf', () => {
  const error = (name: string, code?: string) => Object.assign(new Error('x'), { name }, code ? { code } : {});
  it.each([
    ['a dropped connection', error('SocketError', 'UND_ERR_SOCKET'), { code: 'UND_ERR_SOCKET', maybeProcessed: true }],
    ['a reset', error('Error', 'ECONNRESET'), { code: 'ECONNRESET', maybeProcessed: true }],
    ['urllib timeout', error('HttpClientRequestTimeoutError'), { code: 'TIMEOUT', maybeProcessed: true }],
    ['urllib connect timeout', error('HttpClientConnectTimeoutError', 'UND_ERR_CONNECT_TIMEOUT'), { code: 'CONNECT_TIMEOUT', maybeProcessed: false }],
    ['a refused connection', error('Error', 'ECONNREFUSED'), { code: 'ECONNREFUSED', maybeProcessed: false }],
  ])('reads %s', (_name, thrown, expected) => {
    expect(transportFailureOf(thrown)).toEqual({ kind: 'transport', ...expected });
  });

  it('is undefined for anything else, which is then not retried', () => {
    expect(transportFailureOf(new TypeError('x is not a function'))).toBeUndefined();
    expect(transportFailureOf(error('Error', 'ENOTFOUND'))).toBeUndefined();
    expect(transportFailureOf('a string')).toBeUndefined();
  });
});

describe('retryAfterMs', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(' 0 ')).toBe(0);
    expect(retryAfterMs(['7', '9'])).toBe(7000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:29:00 GMT'))).toBe(0);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs('-5')).toBeUndefined();
    expect(retryAfterMs('Sunday, 01-Nov-26 09:00:05 GMT', Date.parse('Sun, 01 Nov 2026 09:00:00 GMT'))).toBe(5000);
  });
});

describe('backoffMs', () => {
  const options = { baseMs: 1000, maxMs: 5000 };
  it('doubles its ceiling per retry up to maxMs, and waits between half of it and all of it', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffMs(n, { ...options, random: () => 0 }))).toEqual([500, 1000, 2000, 2500, 2500]);
    expect([0, 1, 2, 3, 4].map((n) => backoffMs(n, { ...options, random: () => 0.5 }))).toEqual([750, 1500, 3000, 3750, 3750]);
    expect(backoffMs(2, { ...options, random: () => 0.999 })).toBe(3998);
  });
});
