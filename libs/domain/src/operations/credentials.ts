import type { Finding } from '@mock-atlas/model';
import type { MockState, RoleGrant } from '../state/mock-state';
import { accepted, refused, type OperationResult } from './result';

export interface CredentialRequest {
  /** publicKey (API key) or clientId (service account). */
  readonly id: string;
  /** privateKey or clientSecret. */
  readonly secret: string;
  readonly roles: readonly string[];
  /** The project the roles apply to; absent: every project. */
  readonly groupId?: string;
}

const ROLE = /^(GROUP|ORG)_[A-Z_]+$/;

function invalid(field: string, message: string, code = 'INVALID_ATTRIBUTE'): Finding {
  return { ruleId: 'control/invalid-body', severity: 'error', errorCode: code, httpStatus: 400, message, path: [field], parameters: [field] };
}

/** Reads `{<idField>, <secretField>, roles, groupId?}` from a control API body, or says what is wrong. */
export function readCredentialRequest(body: unknown, idField: string, secretField: string): CredentialRequest | Finding {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return invalid('body', 'The body must be a JSON object.', 'INVALID_JSON');
  const b = body as Record<string, unknown>;
  for (const field of [idField, secretField]) {
    if (typeof b[field] !== 'string' || b[field] === '') return invalid(field, `The required attribute ${field} was not specified.`, 'MISSING_ATTRIBUTE');
  }
  const roles = b.roles;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => typeof r === 'string' && ROLE.test(r))) {
    return invalid('roles', 'roles must be a non-empty list of role ids such as GROUP_OWNER or GROUP_READ_ONLY.');
  }
  if (b.groupId !== undefined && (typeof b.groupId !== 'string' || !/^[a-f0-9]{24}$/.test(b.groupId))) {
    return invalid('groupId', 'groupId must be a 24-hex-digit project id.');
  }
  const known = new Set([idField, secretField, 'roles', 'groupId']);
  const unknown = Object.keys(b).find((k) => !known.has(k));
  if (unknown) return invalid(unknown, `Invalid attribute ${unknown} specified.`);
  return { id: b[idField] as string, secret: b[secretField] as string, roles: roles as string[], ...(b.groupId ? { groupId: b.groupId as string } : {}) };
}

function grantsOf(request: CredentialRequest): RoleGrant[] {
  return request.roles.map((role) => (request.groupId ? { role, groupId: request.groupId } : { role }));
}

/** Creates or replaces a digest API key (POST /_mock/apiKeys). */
export function putApiKey(state: MockState, request: CredentialRequest | Finding): OperationResult<{ publicKey: string }> {
  if ('ruleId' in request) return refused([request]);
  const record = { publicKey: request.id, privateKey: request.secret, grants: grantsOf(request) };
  const apiKeys = [...state.apiKeys.filter((k) => k.publicKey !== request.id), record];
  return accepted({ ...state, apiKeys }, { publicKey: request.id });
}

/** Creates or replaces an OAuth service account (POST /_mock/serviceAccounts). */
export function putServiceAccount(state: MockState, request: CredentialRequest | Finding): OperationResult<{ clientId: string }> {
  if ('ruleId' in request) return refused([request]);
  const record = { clientId: request.id, clientSecret: request.secret, grants: grantsOf(request) };
  const serviceAccounts = [...state.serviceAccounts.filter((s) => s.clientId !== request.id), record];
  return accepted({ ...state, serviceAccounts }, { clientId: request.id });
}
