import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { queryOf } from './query';

/** A request whose `query` getter counts how often Express would parse it. */
function requestFor(originalUrl: string, query: Record<string, unknown>): { req: Request; parses: () => number } {
  let parses = 0;
  const req = {
    originalUrl,
    get query() {
      parses += 1;
      return { ...query };
    },
  } as unknown as Request;
  return { req, parses: () => parses };
}

describe('queryOf', () => {
  it('does not parse a URL without a query string', () => {
    const { req, parses } = requestFor('/api/atlas/v2/groups', { unexpected: 'x' });
    expect(queryOf(req)).toEqual({});
    expect(parses()).toBe(0);
  });

  it('parses a query string once per request, however often it is read', () => {
    const { req, parses } = requestFor('/api/atlas/v2/groups?pageNum=2&pretty=true', { pageNum: '2', pretty: 'true' });
    expect(queryOf(req)).toEqual({ pageNum: '2', pretty: 'true' });
    expect(queryOf(req)['pretty']).toBe('true');
    expect(parses()).toBe(1);
  });

  it('keeps each request’s own parameters', () => {
    const a = requestFor('/x?n=1', { n: '1' });
    const b = requestFor('/x?n=2', { n: '2' });
    expect([queryOf(a.req)['n'], queryOf(b.req)['n'], queryOf(a.req)['n']]).toEqual(['1', '2', '1']);
  });
});
