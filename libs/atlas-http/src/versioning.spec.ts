import { describe, expect, it } from 'vitest';
import { AtlasError } from './error-catalogue';
import type { OperationKey } from './versions.generated';
import { atlasRangesOf, httpDateOf, isCalendarDate, lifecycleHeaders, resolveVersion, type ResolvedVersion } from './versioning';

const TODAY = new Date('2026-06-01T12:00:00Z');
const v = (date: string) => `application/vnd.atlas.${date}+json`;

function served(op: OperationKey, accept: string | undefined, today = TODAY): ResolvedVersion {
  const result = resolveVersion(op, accept, today);
  if (result instanceof AtlasError) throw new Error(`expected a version, got ${result.code}`);
  return result;
}
function refused(op: OperationKey, accept: string | undefined, today = TODAY): AtlasError {
  const result = resolveVersion(op, accept, today);
  if (!(result instanceof AtlasError)) throw new Error(`expected an error, got ${result.date}`);
  return result;
}

describe('resolveVersion: the newest version on or before the requested date (issue 3 §1)', () => {
  it.each([
    ['GET /groups/{groupId}/encryptionAtRest', '2025-03-12', '2023-01-01'],
    ['PATCH /groups/{groupId}/encryptionAtRest', '2025-03-12', '2023-01-01'],
    ['GET /groups/{groupId}/clusters/{clusterName}', '2025-03-12', '2024-08-05'],
    ['GET /groups/{groupId}/clusters', '2025-03-12', '2024-08-05'],
    ['POST /groups/{groupId}/clusters', '2025-03-12', '2024-10-23'],
    ['PATCH /groups/{groupId}/clusters/{clusterName}', '2025-03-12', '2024-10-23'],
    ['PATCH /groups/{groupId}/clusters/{clusterName}', '2024-10-22', '2024-08-05'],
    ['GET /groups/{groupId}/clusters/{clusterName}', '2023-02-01', '2023-02-01'],
    ['GET /groups/{groupId}/clusters/{clusterName}', '2023-01-31', '2023-01-01'],
    ['DELETE /groups/{groupId}/clusters/{clusterName}', '2025-03-12', '2023-02-01'],
    ['GET /groups/{groupId}/clusters/{clusterName}/backup/schedule', '2025-03-12', '2024-08-05'],
    ['GET /groups', '2025-03-12', '2023-01-01'],
  ] as const)('%s asked for %s serves %s', (op, requested, date) => {
    const result = served(op, v(requested));
    expect(result.requested).toBe(requested);
    expect(result.date).toBe(date);
    expect(result.mediaType).toBe(`application/vnd.atlas.${date}+json`);
  });

  it('names the schema of the served version', () => {
    expect(served('GET /groups/{groupId}/clusters/{clusterName}', v('2023-02-15')).responseSchema).toBe('AdvancedClusterDescription');
  });
});

describe('resolveVersion: 406 INVALID_VERSION_DATE (README §7)', () => {
  it.each([
    ['no Accept header', undefined],
    ['an empty Accept header', ''],
    ['application/json alone (common clients; Atlas does not default)', 'application/json'],
    ['*/* alone (curl without --header)', '*/*'],
    ['a malformed date', 'application/vnd.atlas.2025-3-12+json'],
    ['an impossible calendar date', 'application/vnd.atlas.2025-02-30+json'],
    ['a date before the first version', v('2022-12-31')],
    ['an Atlas type refused with q=0', `${v('2025-03-12')};q=0`],
  ])('%s', (_name, accept) => {
    const err = refused('GET /groups/{groupId}/encryptionAtRest', accept);
    expect(err.body()).toEqual({
      detail: 'Invalid accept header or version date.',
      error: 406,
      errorCode: 'INVALID_VERSION_DATE',
      parameters: [],
      reason: 'Not Acceptable',
    });
  });
});

describe('resolveVersion: sunset and deprecation (README §7)', () => {
  it('a served version past its x-sunset is 410 VERSION_GONE', () => {
    const err = refused('GET /groups/{groupId}/clusters/{clusterName}', v('2023-02-01'), new Date('2027-07-01T00:00:00Z'));
    expect(err.code).toBe('VERSION_GONE');
    expect(err.status).toBe(410);
    expect(err.parameters).toEqual(['2023-02-01', '2027-07-01']);
  });

  it('the day before sunset still serves it, with the recorded Deprecation and Sunset dates', () => {
    const result = served('GET /groups/{groupId}/clusters/{clusterName}', v('2023-02-01'), new Date('2027-06-30T23:59:59Z'));
    expect(lifecycleHeaders(result)).toEqual({ Deprecation: 'Mon, 5 Aug 2024 00:00:00 GMT', Sunset: 'Thu, 1 Jul 2027 00:00:00 GMT' });
  });

  it('README §11.11: cluster POST 2024-08-05 is gone from 2027-03-01 while 2023-02-01 still answers', () => {
    const today = new Date('2027-03-01T00:00:00Z');
    expect(refused('POST /groups/{groupId}/clusters', v('2024-09-01'), today).code).toBe('VERSION_GONE');
    expect(served('POST /groups/{groupId}/clusters', v('2024-01-01'), today).date).toBe('2023-02-01');
  });

  it('the current version carries no lifecycle headers', () => {
    expect(lifecycleHeaders(served('GET /groups/{groupId}/clusters/{clusterName}', v('2025-03-12')))).toEqual({});
  });
});

describe('Accept headers with several types', () => {
  it('takes the best Atlas type that resolves, ignoring application/json and */*', () => {
    const accept = `application/json, ${v('2022-01-01')}, ${v('2023-02-01')};q=0.5, */*;q=0.1`;
    expect(served('GET /groups/{groupId}/clusters/{clusterName}', accept).date).toBe('2023-02-01');
  });

  it('prefers the higher q, then the first listed', () => {
    expect(served('GET /groups/{groupId}/clusters/{clusterName}', `${v('2023-02-01')};q=0.4, ${v('2025-03-12')};q=0.9`).date).toBe('2024-08-05');
    expect(served('GET /groups/{groupId}/clusters/{clusterName}', `${v('2023-02-01')}, ${v('2025-03-12')}`).date).toBe('2023-02-01');
  });

  it('is case-insensitive in the type and tolerates spaces and parameters', () => {
    expect(atlasRangesOf(' Application/VND.atlas.2024-08-05+JSON ; charset=utf-8 ')).toEqual([{ date: '2024-08-05', q: 1 }]);
  });

  it('answers VERSION_GONE only when no listed type resolves to a live version', () => {
    const today = new Date('2027-08-01T00:00:00Z');
    expect(served('GET /groups/{groupId}/clusters/{clusterName}', `${v('2023-02-01')}, ${v('2025-03-12')}`, today).date).toBe('2024-08-05');
  });
});

describe('dates', () => {
  it('RFC 1123 as Java writes it: day of month not zero-padded', () => {
    expect(httpDateOf('2024-08-05')).toBe('Mon, 5 Aug 2024 00:00:00 GMT');
    expect(httpDateOf('2027-07-01')).toBe('Thu, 1 Jul 2027 00:00:00 GMT');
    expect(httpDateOf('2027-03-01')).toBe('Mon, 1 Mar 2027 00:00:00 GMT');
  });

  it('isCalendarDate', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('20240229')).toBe(false);
  });
});
