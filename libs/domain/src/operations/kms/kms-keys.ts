import { CLOUD_PROVIDERS, KEY_STATES, type CloudProvider, type Finding, type KeyState, type KmsKey } from '@mock-atlas/model';
import type { MockState } from '../../state/mock-state';
import { accepted, notFound, refused, type OperationContext, type OperationResult } from '../result';

/** A key the simulated KMS is told about (POST /_mock/kms/keys). */
export interface KmsKeyRequest {
  readonly provider: CloudProvider;
  readonly keyId: string;
  readonly state: KeyState;
  /** When the key was created; defaults to the existing key's, or now. */
  readonly createdAt?: string;
}

/** Whether a project's provider credentials work (POST /_mock/kms/credentials). */
export interface KmsCredentialsRequest {
  readonly groupId: string;
  readonly provider: CloudProvider;
  readonly valid: boolean;
}

function invalid(field: string, message: string, errorCode = 'INVALID_ATTRIBUTE', parameter: unknown = field): Finding {
  return { ruleId: 'control/invalid-body', severity: 'error', errorCode, httpStatus: 400, message, path: [field], parameters: [parameter] };
}

function objectBody(body: unknown): Record<string, unknown> | Finding {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return invalid('body', 'The body must be a JSON object.', 'INVALID_JSON');
  return body as Record<string, unknown>;
}

function unknownField(body: Record<string, unknown>, known: readonly string[]): Finding | undefined {
  const field = Object.keys(body).find((k) => !known.includes(k));
  return field === undefined ? undefined : invalid(field, `Invalid attribute ${field} specified.`);
}

function readProvider(body: Record<string, unknown>): CloudProvider | Finding {
  const provider = body.provider;
  if (provider === undefined) return invalid('provider', 'The required attribute provider was not specified.', 'MISSING_ATTRIBUTE');
  if (typeof provider !== 'string' || !(CLOUD_PROVIDERS as readonly string[]).includes(provider)) {
    return invalid('provider', `provider must be one of ${CLOUD_PROVIDERS.join(', ')}.`, 'INVALID_ENUM_VALUE', provider);
  }
  return provider as CloudProvider;
}

const isFinding = (value: unknown): value is Finding => typeof value === 'object' && value !== null && 'ruleId' in value;

/** Reads `{provider, keyId, state, createdAt?}`, or says what is wrong with it. */
export function readKmsKeyRequest(body: unknown): KmsKeyRequest | Finding {
  const b = objectBody(body);
  if (isFinding(b)) return b;
  const provider = readProvider(b);
  if (isFinding(provider)) return provider;
  if (typeof b.keyId !== 'string' || b.keyId.trim() === '') {
    return invalid('keyId', 'The required attribute keyId was not specified.', 'MISSING_ATTRIBUTE');
  }
  const state = b.state;
  if (state === undefined) return invalid('state', 'The required attribute state was not specified.', 'MISSING_ATTRIBUTE');
  if (typeof state !== 'string' || !(KEY_STATES as readonly string[]).includes(state)) {
    return invalid('state', `state must be one of ${KEY_STATES.join(', ')}.`, 'INVALID_ENUM_VALUE', state);
  }
  if (b.createdAt !== undefined && (typeof b.createdAt !== 'string' || Number.isNaN(Date.parse(b.createdAt)))) {
    return invalid('createdAt', 'createdAt must be an ISO-8601 date-time.');
  }
  const extra = unknownField(b, ['provider', 'keyId', 'state', 'createdAt']);
  if (extra) return extra;
  return { provider, keyId: b.keyId, state: state as KeyState, ...(typeof b.createdAt === 'string' ? { createdAt: b.createdAt } : {}) };
}

/**
 * Creates or changes a key of the simulated KMS (POST /_mock/kms/keys). Clusters notice on
 * the next validity check, not now: Atlas finds out on its schedule (S0:63).
 * @example upsertKmsKey(state, { provider: 'AWS', keyId: 'k-1', state: 'DISABLED' }, ctx)
 */
export function upsertKmsKey(state: MockState, body: unknown, ctx: OperationContext): OperationResult<KmsKey> {
  const request = readKmsKeyRequest(body);
  if (isFinding(request)) return refused([request]);
  const same = (k: KmsKey) => k.provider === request.provider && k.keyId === request.keyId;
  const existing = state.kmsKeys.find(same);
  const key: KmsKey = {
    provider: request.provider,
    keyId: request.keyId,
    state: request.state,
    createdAt: request.createdAt ?? existing?.createdAt ?? ctx.now,
  };
  const kmsKeys = existing ? state.kmsKeys.map((k) => (same(k) ? key : k)) : [...state.kmsKeys, key];
  return accepted({ ...state, kmsKeys }, key);
}

/** Every key the simulated KMS holds (GET /_mock/kms/keys). */
export function listKmsKeys(state: MockState): readonly KmsKey[] {
  return state.kmsKeys;
}

/** Reads `{groupId, provider, valid}`, or says what is wrong with it. */
export function readKmsCredentialsRequest(body: unknown): KmsCredentialsRequest | Finding {
  const b = objectBody(body);
  if (isFinding(b)) return b;
  if (typeof b.groupId !== 'string' || b.groupId === '') return invalid('groupId', 'The required attribute groupId was not specified.', 'MISSING_ATTRIBUTE');
  const provider = readProvider(b);
  if (isFinding(provider)) return provider;
  if (typeof b.valid !== 'boolean') return invalid('valid', 'valid must be true or false.', b.valid === undefined ? 'MISSING_ATTRIBUTE' : 'INVALID_ATTRIBUTE');
  const extra = unknownField(b, ['groupId', 'provider', 'valid']);
  if (extra) return extra;
  return { groupId: b.groupId, provider, valid: b.valid };
}

/**
 * Makes a project's credentials for a provider start or stop working (POST
 * /_mock/kms/credentials); like a key change, clusters notice on the next check.
 */
export function setKmsCredentials(state: MockState, body: unknown): OperationResult<KmsCredentialsRequest> {
  const request = readKmsCredentialsRequest(body);
  if (isFinding(request)) return refused([request]);
  if (!state.projects[request.groupId]) return refused([notFound.group(request.groupId)]);
  const current = state.kmsCredentials[request.groupId] ?? {};
  const kmsCredentials = { ...state.kmsCredentials, [request.groupId]: { ...current, [request.provider]: request.valid } };
  return accepted({ ...state, kmsCredentials }, request);
}
