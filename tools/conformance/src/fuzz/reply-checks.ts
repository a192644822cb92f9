// What every answer to a fuzzed request must be, whatever the body: never a 5xx; a 4xx is an
// Atlas error body whose status and errorCode agree with the catalogue of libs/atlas-http; a 2xx
// is the operation's success status; and on v2, either validates against the official contract
// (the multi-version OpenAPI subset, through mock-atlas's ContractValidator).
import { ATLAS_ERRORS, isAtlasErrorCode, reasonPhrase } from '@mock-atlas/atlas-http';
import { allRules } from '@mock-atlas/rules';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the official contract as mock-atlas's own suites check it: one validator, not a second copy
import { ERROR_MEDIA_TYPE, type ContractValidator } from 'mock-atlas/src/testing/contract';
import type { Reply } from '../mock-under-test';
import { methodOf, pathOf, successStatusOf, type FuzzRequest } from './requests';
import { isRecord } from '../config-steps';

/** The keys of an Atlas error body, in the (alphabetical) order Atlas writes them. */
const ERROR_KEYS = ['detail', 'error', 'errorCode', 'parameters', 'reason'];

/**
 * (errorCode, status) pairs a refusal may carry: the catalogue's, and those a rule declares for its
 * code (a rule may answer a code with another status, e.g. 409 ENCRYPTION_AT_REST_SETTINGS_INVALID).
 */
const ALLOWED = new Set<string>([
  ...Object.entries(ATLAS_ERRORS).map(([code, row]) => `${row.httpStatus} ${code}`),
  ...allRules.flatMap((rule) => (rule.errorCode ? [`${rule.httpStatus ?? 400} ${rule.errorCode}`] : [])),
]);

/** Problems of a 4xx as an Atlas error body. */
function errorBodyProblems(reply: Reply): string[] {
  const problems: string[] = [];
  const mediaType = (reply.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (mediaType !== ERROR_MEDIA_TYPE) problems.push(`an error must be ${ERROR_MEDIA_TYPE}, not ${mediaType || 'without Content-Type'}`);
  const body = reply.body;
  if (!isRecord(body)) return [...problems, `the error body is not a JSON object: ${reply.text.slice(0, 200)}`];
  if (Object.keys(body).join() !== ERROR_KEYS.join()) problems.push(`the error body's keys are [${Object.keys(body).join(', ')}], not [${ERROR_KEYS.join(', ')}]`);
  const { detail, error, errorCode, parameters, reason } = body;
  if (typeof detail !== 'string' || detail === '') problems.push('detail is not a non-empty string');
  if (error !== reply.status) problems.push(`error is ${JSON.stringify(error)}, but the status is ${reply.status}`);
  if (reason !== reasonPhrase(reply.status)) problems.push(`reason is ${JSON.stringify(reason)}, not ${JSON.stringify(reasonPhrase(reply.status))}`);
  if (!Array.isArray(parameters)) problems.push('parameters is not an array');
  if (typeof errorCode !== 'string' || !isAtlasErrorCode(errorCode)) {
    problems.push(`errorCode ${JSON.stringify(errorCode)} is not in the catalogue`);
  } else if (!ALLOWED.has(`${reply.status} ${errorCode}`)) {
    problems.push(`${errorCode} is ${ATLAS_ERRORS[errorCode].httpStatus} in the catalogue, but was answered ${reply.status}`);
  }
  if (reply.headers['x-error-code'] !== errorCode) problems.push(`X-Error-Code is ${JSON.stringify(reply.headers['x-error-code'])}, not the body's errorCode`);
  return problems;
}

/**
 * Everything wrong with the answer to a request (empty when it is right).
 * @example checkReply(validator, request, reply, 'http://127.0.0.1:3000') // → []
 */
export function checkReply(validator: ContractValidator, request: FuzzRequest, reply: Reply, baseUrl: string): string[] {
  if (reply.status >= 500) return [`answered ${reply.status}: ${reply.text.slice(0, 300)}`];
  const problems: string[] = [];
  if (reply.status >= 400) problems.push(...errorBodyProblems(reply));
  else if (reply.status !== successStatusOf(request)) problems.push(`answered ${reply.status}, but the operation succeeds with ${successStatusOf(request)}`);
  else if (!isRecord(reply.body)) problems.push(`the success body is not a JSON object: ${reply.text.slice(0, 200)}`);
  if (request.version !== 'v1.0') {
    const url = `${baseUrl}${pathOf(request)}`;
    const check = validator.checkOne({ client: 'fuzz', method: methodOf(request), url, status: reply.status, headers: reply.headers, body: reply.text });
    problems.push(...check.problems.map((p) => `contract (${check.schemaKey ?? 'no schema'}): ${p}`));
  }
  return problems;
}
