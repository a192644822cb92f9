import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@mock-atlas/model';
import {
  ATLAS_ERRORS,
  AtlasError,
  atlasErrorBody,
  atlasErrorFromFinding,
  formatDetail,
  isAtlasErrorCode,
  slotCount,
  type AtlasErrorCode,
} from './error-catalogue';

// The libraries whose findings become Atlas errors in the mock.
const FINDING_SOURCES = ['../../rules/src', '../../schemas/src'].map((dir) => resolve(import.meta.dirname, dir));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );
}

/** errorCode → the statuses libs/rules and libs/schemas pair it with (`errorCode: 'X', httpStatus: N`). */
function findingCodes(): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const file of FINDING_SOURCES.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/errorCode:\s*'([A-Z0-9_]+)'(?:,\s*httpStatus:\s*(\d+))?/g)) {
      const code = m[1] ?? '';
      const statuses = out.get(code) ?? new Set<number>();
      if (m[2]) statuses.add(Number(m[2]));
      out.set(code, statuses);
    }
  }
  return out;
}

describe('the catalogue', () => {
  // Expected rows copied from atlas-openapi README §5.2 / §5.4 / §7 and the brief, not from the code.
  const rows: [AtlasErrorCode, number, string, string | undefined][] = [
    ['GROUP_NOT_FOUND', 404, 'Not Found', 'No group with ID %s exists.'],
    ['CLUSTER_NOT_FOUND', 404, 'Not Found', 'No cluster named %s exists in group %s.'],
    ['RESOURCE_NOT_FOUND', 404, 'Not Found', 'Cannot find resource %s.'],
    ['SNAPSHOT_NOT_FOUND', 404, 'Not Found', 'No snapshot with ID %s exists for cluster %s.'],
    ['RESTORE_JOB_NOT_FOUND', 404, 'Not Found', 'No restore job with ID %s exists for cluster %s.'],
    ['MALFORMED_JSON', 400, 'Bad Request', 'Received JSON is malformed.'],
    ['INVALID_JSON', 400, 'Bad Request', 'Received JSON does not match expected format.'],
    ['INVALID_JSON_ATTRIBUTE', 400, 'Bad Request', 'Received JSON for the %s attribute does not match expected format.'],
    ['INVALID_ATTRIBUTE', 400, 'Bad Request', 'Invalid attribute %s specified.'],
    ['INVALID_ENUM_VALUE', 400, 'Bad Request', 'An invalid enumeration value %s was specified.'],
    ['MISSING_ATTRIBUTE', 400, 'Bad Request', 'The required attribute %s was not specified.'],
    ['ATTRIBUTE_READ_ONLY', 400, 'Bad Request', 'The attribute %s is read-only and cannot be changed by the user.'],
    ['DUPLICATE_CLUSTER_NAME', 400, 'Bad Request', 'A cluster named %s is already present in group %s.'],
    ['CANNOT_UPDATE_PAUSED_CLUSTER', 409, 'Conflict', 'Cannot update cluster %s while it is paused or being paused.'],
    ['CANNOT_TERMINATE_CLUSTER_WHEN_TERMINATION_PROTECTION_ENABLED', 400, 'Bad Request', undefined],
    ['CLUSTER_ALREADY_REQUESTED_DELETION', 400, 'Bad Request', undefined],
    ['UNFINISHED_ON_DEMAND_SNAPSHOT', 400, 'Bad Request', undefined],
    ['CANNOT_DELETE_IN_PROGRESS_SNAPSHOT', 400, 'Bad Request', undefined],
    ['CANNOT_CANCEL_AUTOMATED_RESTORE', 400, 'Bad Request', undefined],
    ['INVALID_VERSION_DATE', 406, 'Not Acceptable', 'Invalid accept header or version date.'],
    ['VERSION_GONE', 410, 'Gone', undefined],
    ['USER_UNAUTHORIZED', 401, 'Unauthorized', 'Current user is not authorized to perform this action.'],
    ['UNEXPECTED_ERROR', 500, 'Internal Server Error', undefined],
    ['RATE_LIMITED', 429, 'Too Many Requests', undefined],
    ['INVALID_PATH_PARAMETER', 400, 'Bad Request', undefined],
    ['INVALID_QUERY_PARAMETER', 400, 'Bad Request', undefined],
    ['IP_ADDRESS_NOT_ON_ACCESS_LIST', 403, 'Forbidden', undefined],
    ['METHOD_NOT_ALLOWED', 405, 'Method Not Allowed', undefined],
    ['PAYLOAD_TOO_LARGE', 413, 'Request Entity Too Large', undefined],
    ['UNSUPPORTED_MEDIA_TYPE', 415, 'Unsupported Media Type', undefined],
  ];
  it.each(rows)('README §5 %s is %i %s', (code, status, reason, detail) => {
    expect(ATLAS_ERRORS[code].httpStatus).toBe(status);
    expect(ATLAS_ERRORS[code].reason).toBe(reason);
    if (detail !== undefined) {
      expect(ATLAS_ERRORS[code].detail).toBe(detail);
      expect(ATLAS_ERRORS[code].text).toBe('atlas');
    }
  });

  it('covers every errorCode libs/rules and libs/schemas use, with a status they use for it', () => {
    const codes = findingCodes();
    for (const code of ['INVALID_ATTRIBUTE', 'INVALID_ENUM_VALUE', 'INVALID_JSON_ATTRIBUTE', 'MISSING_ATTRIBUTE', 'ATTRIBUTE_READ_ONLY', 'USER_UNAUTHORIZED']) {
      expect(codes.has(code), `the scan finds ${code}`).toBe(true);
    }
    expect(codes.size).toBeGreaterThan(10);
    for (const [code, statuses] of codes) {
      expect(isAtlasErrorCode(code), `${code} is in the catalogue`).toBe(true);
      if (isAtlasErrorCode(code) && statuses.size > 0) expect([...statuses], code).toContain(ATLAS_ERRORS[code].httpStatus);
    }
  });

  it('writes every template in Atlas style: a sentence ending in a full stop, or a bare %s', () => {
    for (const [code, row] of Object.entries(ATLAS_ERRORS)) expect(row.detail, code).toMatch(/(\.|^%s)$/);
  });
});

describe('atlasErrorBody', () => {
  it('R: reproduces the recorded GROUP_NOT_FOUND body byte for byte, keys in alphabetical order', () => {
    // test/e2e/atlas/interactive/setupfailure/…/Invalid_Project_ID/POST_api_atlas_v2_groups_111111111111111111111111_databaseUsers_2.snaphost
    const recorded =
      '{"detail":"No group with ID 111111111111111111111111 exists.","error":404,"errorCode":"GROUP_NOT_FOUND","parameters":["111111111111111111111111"],"reason":"Not Found"}';
    expect(JSON.stringify(atlasErrorBody('GROUP_NOT_FOUND', ['111111111111111111111111']))).toBe(recorded);
  });

  it('R: reproduces the recorded CLUSTER_NOT_FOUND body (two parameters, in order)', () => {
    expect(atlasErrorBody('CLUSTER_NOT_FOUND', ['cluster-29', '6a793f7fc0eb9e7a17716153'])).toEqual({
      detail: 'No cluster named cluster-29 exists in group 6a793f7fc0eb9e7a17716153.',
      error: 404,
      errorCode: 'CLUSTER_NOT_FOUND',
      parameters: ['cluster-29', '6a793f7fc0eb9e7a17716153'],
      reason: 'Not Found',
    });
  });

  it('keeps parameters present when empty and honours an explicit detail', () => {
    const body = atlasErrorBody('INVALID_VERSION_DATE');
    expect(Object.keys(body)).toEqual(['detail', 'error', 'errorCode', 'parameters', 'reason']);
    expect(body.parameters).toEqual([]);
    expect(atlasErrorBody('VALIDATION_ERROR', ['x'], 'Own words.').detail).toBe('Own words.');
  });
});

describe('formatDetail and slotCount', () => {
  it('fills slots in order and leaves unfilled slots visible', () => {
    expect(formatDetail('%s and %s', ['a'])).toBe('a and %s');
    expect(formatDetail('%s', [42])).toBe('42');
    expect(slotCount('No cluster named %s exists in group %s.')).toBe(2);
    expect(slotCount('Received JSON is malformed.')).toBe(0);
  });
});

describe('AtlasError', () => {
  it('carries code, status, parameters, detail and extra headers', () => {
    const err = new AtlasError('RATE_LIMITED', ['g', 100, 1], { headers: { 'Retry-After': '60' } });
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.status).toBe(429);
    expect(err.detail).toBe('Resource g is limited to 100 requests every 1 minutes.');
    expect(err.headers).toEqual({ 'Retry-After': '60' });
    expect(err.body()).toEqual({ ...atlasErrorBody('RATE_LIMITED', ['g', 100, 1]) });
  });

  it('lets a caller change the status (a rule answering a code with 409)', () => {
    expect(new AtlasError('ENCRYPTION_AT_REST_SETTINGS_INVALID', ['g'], { httpStatus: 409 }).body()).toMatchObject({ error: 409, reason: 'Conflict' });
  });
});

describe('atlasErrorFromFinding', () => {
  const base: Omit<Finding, 'message'> = { ruleId: 'ear/provider-fields-complete', severity: 'error', path: ['awsKms', 'region'] };

  it('uses the catalogue text when the slots match the parameters', () => {
    const err = atlasErrorFromFinding({ ...base, errorCode: 'MISSING_ATTRIBUTE', httpStatus: 400, parameters: ['region'], message: 'AWS KMS needs region.' });
    expect(err.body()).toEqual({
      detail: 'The required attribute region was not specified.',
      error: 400,
      errorCode: 'MISSING_ATTRIBUTE',
      parameters: ['region'],
      reason: 'Bad Request',
    });
  });

  it("falls back to the finding's message when the slots do not match", () => {
    const err = atlasErrorFromFinding({ ...base, errorCode: 'CLUSTER_NOT_FOUND', httpStatus: 404, parameters: ['c1'], message: 'Cluster c1 does not exist.' });
    expect(err.detail).toBe('Cluster c1 does not exist.');
    expect(err.parameters).toEqual(['c1']);
  });

  it("keeps the finding's status over the catalogue's", () => {
    const err = atlasErrorFromFinding({ ...base, errorCode: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', httpStatus: 409, parameters: ['g1'], message: 'm' });
    expect(err.status).toBe(409);
  });

  it('R lists parameters as strings, as every recorded error does: a refused number, boolean or null is quoted', () => {
    const err = atlasErrorFromFinding({ ...base, errorCode: 'INVALID_ENUM_VALUE', httpStatus: 400, parameters: [-1, 'electableNodes', true, null], message: 'm' });
    expect(err.body().parameters).toEqual(['-1', 'electableNodes', 'true', 'null']);
  });

  it('passes an uncatalogued code through with the finding’s status and message', () => {
    const err = atlasErrorFromFinding({ ...base, errorCode: 'SOME_NEW_CODE', httpStatus: 409, message: 'A new rule said no.' });
    expect(err.body()).toEqual({ detail: 'A new rule said no.', error: 409, errorCode: 'SOME_NEW_CODE', parameters: [], reason: 'Conflict' });
  });
});

describe('parameters from hostile input', () => {
  const deepArray: unknown = JSON.parse(`${'['.repeat(10_000)}1${']'.repeat(10_000)}`);
  const deepObject: unknown = JSON.parse(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);

  it('a value nested too deeply for JSON.stringify and String is named, not carried', () => {
    const err = new AtlasError('INVALID_ENUM_VALUE', [deepArray]);
    expect(err.parameters).toEqual(['(an array nested too deeply to show)']);
    expect(err.detail).toBe('An invalid enumeration value (an array nested too deeply to show) was specified.');
    expect(new AtlasError('INVALID_ENUM_VALUE', [deepObject]).parameters).toEqual(['(an object nested too deeply to show)']);
    expect(() => JSON.stringify(err.body())).not.toThrow();
  });

  it('the same for a finding that quotes such a value', () => {
    const finding: Finding = { ruleId: 'control/invalid-body', severity: 'error', errorCode: 'INVALID_ENUM_VALUE', message: 'provider must be one of AWS, AZURE, GCP.', path: ['provider'], parameters: [deepArray] };
    expect(atlasErrorFromFinding(finding).parameters).toEqual(['(an array nested too deeply to show)']);
  });

  it('values JSON can write stay as they are', () => {
    expect(new AtlasError('INVALID_ATTRIBUTE', [{ a: [1, 2] }]).parameters).toEqual([{ a: [1, 2] }]);
  });

  it('the parser-level statuses have their reason phrases', () => {
    expect(new AtlasError('REQUEST_HEADER_FIELDS_TOO_LARGE', [16384]).body().reason).toBe('Request Header Fields Too Large');
    expect(new AtlasError('REQUEST_TIMEOUT').body().reason).toBe('Request Timeout');
  });
});
