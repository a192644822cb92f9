/** Error codes this client's callers act on; Atlas has many more, which arrive as plain strings. */
export type KnownAtlasErrorCode =
  | 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED'
  | 'AWS_KMS_CUSTOMER_MASTER_KEY_PENDING_DELETION'
  | 'AWS_CUSTOMER_MASTER_KEY_NOT_FOUND'
  | 'INVALID_AWS_CREDENTIALS'
  | 'CLUSTER_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'USER_UNAUTHORIZED';

/** The body Atlas sends with every error. */
export interface AtlasErrorBody {
  readonly error: number;
  readonly errorCode: string;
  readonly detail?: string;
  readonly reason?: string;
  readonly parameters?: readonly unknown[];
}

/**
 * An error answer of the Atlas Administration API, with its `errorCode`.
 * @example if (error instanceof AtlasApiError && error.errorCode === 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED') …
 */
export class AtlasApiError extends Error {
  readonly status: number;
  // `string & {}` keeps editor completion for the known codes while accepting any other.
  readonly errorCode: KnownAtlasErrorCode | (string & {});
  readonly detail: string;
  readonly parameters: readonly unknown[];

  constructor(
    readonly method: string,
    readonly path: string,
    body: AtlasErrorBody,
    /** How many times the request was sent before the client gave up (1: it was not retried). */
    readonly attempts = 1,
  ) {
    super(`${method} ${path}: ${body.error} ${body.errorCode}: ${body.detail ?? body.reason ?? ''}`);
    this.name = 'AtlasApiError';
    this.status = body.error;
    this.errorCode = body.errorCode;
    this.detail = body.detail ?? '';
    this.parameters = body.parameters ?? [];
  }
}

/**
 * A request that got no answer: the connection was refused, dropped or timed out. `code` is the
 * transport's (`ECONNREFUSED`, `UND_ERR_SOCKET`, `TIMEOUT`, …); when `maybeProcessed` is true
 * Atlas may have acted on the request, so a POST or PATCH must be checked before it is sent again.
 * @example if (error instanceof AtlasNetworkError && error.maybeProcessed) await atlas.getCluster(groupId, name);
 */
export class AtlasNetworkError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly code: string,
    readonly maybeProcessed: boolean,
    /** How many times the request was sent before the client gave up. */
    readonly attempts: number,
    options: { readonly cause: unknown },
  ) {
    super(`${method} ${path}: no answer (${code}) after ${attempts} attempt${attempts === 1 ? '' : 's'}`, options);
    this.name = 'AtlasNetworkError';
  }
}

/** Whether a parsed response body is an Atlas error body. */
export function isAtlasErrorBody(body: unknown): body is AtlasErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as AtlasErrorBody).errorCode === 'string' && typeof (body as AtlasErrorBody).error === 'number';
}
