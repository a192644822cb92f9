import type { Request } from 'express';
import { AtlasError } from '@mock-atlas/atlas-http';
import { queryOf } from '../http/query';
import { selfLink } from '../present/links';

export interface Page<T> {
  readonly links: readonly { href: string; rel: string }[];
  readonly results: readonly T[];
  readonly totalCount?: number;
}

/**
 * A whole-number query parameter between `min` and `max`, `fallback` when absent; anything else
 * is 400 INVALID_QUERY_PARAMETER naming it.
 * @example intParam(req, 'itemsPerPage', 100, 1, 500)
 */
export function intParam(req: Request, name: string, fallback: number, min: number, max: number): number {
  const raw = queryOf(req)[name];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) throw new AtlasError('INVALID_QUERY_PARAMETER', [name]);
  return value;
}

/**
 * One page of a list as Atlas pages it: `pageNum` (from 1), `itemsPerPage` (1-500,
 * default 100), `includeCount` (default true), with `self`/`next`/`previous` links.
 */
export function paginate<T>(req: Request, items: readonly T[]): Page<T> {
  const pageNum = intParam(req, 'pageNum', 1, 1, Number.MAX_SAFE_INTEGER);
  const itemsPerPage = intParam(req, 'itemsPerPage', 100, 1, 500);
  const query = queryOf(req);
  const includeCount = query['includeCount'] !== 'false';
  const start = (pageNum - 1) * itemsPerPage;
  const self = selfLink(req);
  const pageLink = (n: number, rel: string) => {
    const url = new URL(self.href);
    for (const [k, v] of Object.entries(query)) if (typeof v === 'string') url.searchParams.set(k, v);
    url.searchParams.set('pageNum', String(n));
    url.searchParams.set('itemsPerPage', String(itemsPerPage));
    return { href: url.toString(), rel };
  };
  const links = [
    ...(pageNum > 1 ? [pageLink(pageNum - 1, 'previous')] : []),
    self,
    ...(start + itemsPerPage < items.length ? [pageLink(pageNum + 1, 'next')] : []),
  ];
  return { links, results: items.slice(start, start + itemsPerPage), ...(includeCount ? { totalCount: items.length } : {}) };
}
