// eslint-disable-next-line @nx/enforce-module-boundaries -- see reply-checks.ts: mock-atlas's own contract validator
import { ContractValidator } from 'mock-atlas/src/testing/contract';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../mock-under-test';
import { PROJECT } from './bases';
import { checkReply } from './reply-checks';
import { OPERATIONS, type ApiVersion, type FuzzRequest } from './requests';

const validator = new ContractValidator();
const BASE_URL = 'http://127.0.0.1:1';
const restore = OPERATIONS.find((o) => o.key === 'POST /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs')!;
const request = (version: ApiVersion): FuzzRequest => ({
  operation: restore,
  version,
  groupId: PROJECT.id,
  clusterName: 'orders',
  snapshotId: '',
  schema: 'restore-job.request',
  body: {},
  mutations: [],
});

/** An answer as the mock writes it; `body` as sent, `errorCode` in the header unless told otherwise. */
function reply(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Reply {
  const text = JSON.stringify(body);
  return { status, body, text, headers: { 'content-type': 'application/json', 'x-error-code': String(body['errorCode']), ...headers } };
}

const MISSING = { detail: 'The required attribute deliveryType was not specified.', error: 400, errorCode: 'MISSING_ATTRIBUTE', parameters: ['deliveryType'], reason: 'Bad Request' };

describe('checkReply', () => {
  it('accepts an Atlas error body of the catalogue, on v1.0 and on v2 (the contract’s ApiError)', () => {
    expect(checkReply(validator, request('v1.0'), reply(400, MISSING), BASE_URL)).toEqual([]);
    expect(checkReply(validator, request('2023-01-01'), reply(400, MISSING), BASE_URL)).toEqual([]);
  });

  it('refuses any 5xx', () => {
    expect(checkReply(validator, request('v1.0'), reply(500, { ...MISSING, error: 500 }), BASE_URL)).toEqual([expect.stringMatching(/^answered 500/)]);
  });

  it('refuses a code at another status than the catalogue’s, a wrong reason, a missing X-Error-Code, extra keys', () => {
    const problems = checkReply(validator, request('v1.0'), reply(409, { ...MISSING, error: 409, extra: 1 }, { 'x-error-code': '' }), BASE_URL);
    expect(problems).toEqual([
      expect.stringMatching(/keys are \[detail, error, errorCode, parameters, reason, extra\]/),
      expect.stringMatching(/^reason is "Bad Request", not "Conflict"/),
      'MISSING_ATTRIBUTE is 400 in the catalogue, but was answered 409',
      expect.stringMatching(/^X-Error-Code is ""/),
    ]);
  });

  it('refuses an errorCode the catalogue does not have, and on v2 a parameter the contract does not allow', () => {
    expect(checkReply(validator, request('v1.0'), reply(400, { ...MISSING, errorCode: 'NOT_A_CODE' }), BASE_URL)).toContain('errorCode "NOT_A_CODE" is not in the catalogue');
    const numeric = checkReply(validator, request('2023-01-01'), reply(400, { ...MISSING, parameters: [7] }), BASE_URL);
    expect(numeric).toEqual([expect.stringMatching(/^contract \(.*\): \/parameters\/0 must be string,object$/)]);
  });

  it('refuses a success with another status than the operation’s', () => {
    expect(checkReply(validator, request('v1.0'), reply(201, { id: 'x' }), BASE_URL)).toEqual(['answered 201, but the operation succeeds with 200']);
  });
});
