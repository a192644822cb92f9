// The one catalogue of Atlas errors the mock answers with (after Prism's
// packages/http/src/router/errors.ts): each code has its HTTP status, the reason phrase
// Atlas's Java stack prints for that status, and the detail template with %s slots.
// `evidence` says where the *code* comes from, as in ../shared/atlas-openapi/README.md §5:
//   D    the Atlas error-code table (mongodb.com/docs/atlas/reference/api-errors)
//   R    seen in a recorded real response
//   spec the v2 OpenAPI spec's own examples
//   3p   third-party reports only
//   ours no source gives the code; chosen here, and said so in the comment beside it
// `text` says whether the detail template is Atlas's own wording ('atlas': README §5.2/§5.3,
// recordings) or written here in Atlas's style because no source gives it ('ours').
import type { Finding } from '@mock-atlas/model';

/** Where an entry's code comes from (README §5 evidence tags). */
export type Evidence = 'D' | 'R' | 'spec' | '3p' | 'ours';

/** Whether a detail template is Atlas's wording or ours. */
export type TextSource = 'atlas' | 'ours';

/** One catalogue row: status, reason phrase and detail template (each `%s` takes one parameter, in order). */
export interface CatalogueEntry {
  readonly httpStatus: number;
  readonly reason: string;
  readonly detail: string;
  readonly evidence: Evidence;
  readonly text: TextSource;
}

/**
 * Reason phrases as Atlas prints them. Atlas runs on Java (Jersey), whose phrases differ from
 * Node's for 413 ("Request Entity Too Large", Node says "Payload Too Large").
 */
export const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  // 502 and 504 come from Atlas's load balancers rather than its Java stack; the mock sends them
  // only as injected faults (/_mock/faults), with the standard phrases.
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The reason phrase for a status; unknown statuses fall back to the class of the status. */
export function reasonPhrase(status: number): string {
  return REASON_PHRASES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');
}

function entry(httpStatus: number, detail: string, evidence: Evidence, text: TextSource = 'ours'): CatalogueEntry {
  return { httpStatus, reason: reasonPhrase(httpStatus), detail, evidence, text };
}

/**
 * Every Atlas error the mock can send. Keys are the `errorCode`s; the `AtlasErrorCode` union is
 * derived from them, so a typo in a handler fails to compile.
 */
export const ATLAS_ERRORS = {
  // ── request shape (README §5.2) ─────────────────────────────────────────────────────────
  MALFORMED_JSON: entry(400, 'Received JSON is malformed.', 'D', 'atlas'),
  INVALID_JSON: entry(400, 'Received JSON does not match expected format.', 'D', 'atlas'),
  INVALID_JSON_ATTRIBUTE: entry(400, 'Received JSON for the %s attribute does not match expected format.', 'D', 'atlas'),
  INVALID_ATTRIBUTE: entry(400, 'Invalid attribute %s specified.', 'D', 'atlas'),
  INVALID_ENUM_VALUE: entry(400, 'An invalid enumeration value %s was specified.', 'D', 'atlas'),
  MISSING_ATTRIBUTE: entry(400, 'The required attribute %s was not specified.', 'D', 'atlas'),
  MISSING_ATTRIBUTES: entry(400, 'The required attributes %s were not specified.', 'D'),
  MISSING_ONE_OF_ATTRIBUTES: entry(400, 'At least one of the attributes %s must be specified.', 'D'),
  MISSING_OR_INVALID_ATTRIBUTE: entry(400, 'The required attribute %s is missing or invalid.', 'D'),
  ATTRIBUTE_READ_ONLY: entry(400, 'The attribute %s is read-only and cannot be changed by the user.', 'D', 'atlas'),
  VALIDATION_ERROR: entry(400, 'The request content produced the validation error: %s.', 'spec', 'atlas'),
  DUAL_REPLICATION_SPEC_SPECIFIED: entry(400, 'Cannot specify both replicationSpec and replicationSpecs.', 'D'),
  // ours: D names both codes but gives no text; the parameter is the parameter's name.
  INVALID_PATH_PARAMETER: entry(400, 'Invalid path parameter %s specified.', 'ours'),
  INVALID_QUERY_PARAMETER: entry(400, 'Invalid query parameter %s specified.', 'ours'),

  // ── transport: versions, methods, sizes, media types ────────────────────────────────────
  INVALID_VERSION_DATE: entry(406, 'Invalid accept header or version date.', '3p', 'atlas'),
  // ours: the spec has a 410 response but no text; parameters [served version, its x-sunset].
  VERSION_GONE: entry(410, 'Version %s of this resource was sunset on %s and is no longer available.', 'ours'),
  // ours: Atlas's own 405 example is a backup-specific code; a wrong method on any path gets this one.
  METHOD_NOT_ALLOWED: entry(405, 'The HTTP method %s is not allowed for this resource.', 'ours'),
  // ours: Atlas's front end refuses large bodies before its API code runs, so no errorCode is known.
  PAYLOAD_TOO_LARGE: entry(413, 'The request body exceeds the limit of %s bytes.', 'ours'),
  // ours: Jersey answers 415 for a body type the resource does not consume; no Atlas text is known.
  UNSUPPORTED_MEDIA_TYPE: entry(415, 'The content type %s is not supported; send application/json.', 'ours'),
  // ours, all three: requests that fail in the HTTP parser, before any route (server/client-errors.ts).
  // Atlas's front end answers these itself; no errorCode of it is known. Statuses as Node's own.
  MALFORMED_HTTP_REQUEST: entry(400, 'The request is not valid HTTP/1.1: %s.', 'ours'),
  REQUEST_HEADER_FIELDS_TOO_LARGE: entry(431, 'The request line and headers exceed the limit of %s bytes.', 'ours'),
  REQUEST_TIMEOUT: entry(408, 'The request was not received completely in time.', 'ours'),

  // ── authentication and authorisation (README §5.4) ──────────────────────────────────────
  USER_UNAUTHORIZED: entry(401, 'Current user is not authorized to perform this action.', 'D', 'atlas'),
  NOT_IN_GROUP: entry(401, 'Current user is not in the group, or the group does not exist.', 'D'),
  USER_CANNOT_ACCESS_GROUP: entry(401, 'Current user cannot access group %s.', 'D'),
  NOT_ORG_GROUP_CREATOR: entry(401, 'The current user is not in the Organization Project Creator role.', 'spec'),
  IP_ADDRESS_NOT_ON_ACCESS_LIST: entry(403, 'IP address %s is not allowed to access this resource.', 'D', 'atlas'),
  RATE_LIMITED: entry(429, 'Resource %s is limited to %s requests every %s minutes.', 'D'),
  // ours: the /_mock control API is not Atlas; with --control-token every call needs the token.
  CONTROL_API_UNAUTHORIZED: entry(401, 'The mock-atlas control API needs the header Authorization: Bearer <control token>.', 'ours'),
  UNEXPECTED_ERROR: entry(500, 'Unexpected error.', 'D'),

  // ── not found ───────────────────────────────────────────────────────────────────────────
  RESOURCE_NOT_FOUND: entry(404, 'Cannot find resource %s.', 'R', 'atlas'),
  GROUP_NOT_FOUND: entry(404, 'No group with ID %s exists.', 'R', 'atlas'),
  INVALID_GROUP_ID: entry(404, 'An invalid group ID %s was specified.', 'D'),
  CLUSTER_NOT_FOUND: entry(404, 'No cluster named %s exists in group %s.', 'R', 'atlas'),
  SNAPSHOT_NOT_FOUND: entry(404, 'No snapshot with ID %s exists for cluster %s.', 'D', 'atlas'),
  RESTORE_JOB_NOT_FOUND: entry(404, 'No restore job with ID %s exists for cluster %s.', 'D', 'atlas'),

  // ── projects and clusters ───────────────────────────────────────────────────────────────
  CANNOT_CLOSE_GROUP_ACTIVE_ATLAS_CLUSTERS: entry(409, 'There are active clusters in group %s; delete them before closing the group.', 'D'),
  NO_PAYMENT_INFORMATION_FOUND: entry(402, 'No payment information was found for group %s.', 'spec'),
  DUPLICATE_CLUSTER_NAME: entry(400, 'A cluster named %s is already present in group %s.', 'D', 'atlas'),
  DUPLICATE_CLUSTER_NAME_PREFIX: entry(400, 'A cluster name prefix conflict exists with cluster %s in group %s.', 'D'),
  CLUSTER_NAME_INVALID: entry(400, 'Cluster name %s is invalid.', 'D'),
  CLUSTER_NAME_TOO_LONG: entry(400, 'Cluster name %s is too long.', 'D'),
  CLUSTER_CANNOT_CHANGE_NAME: entry(400, 'The name of cluster %s cannot be changed.', 'D'),
  CLUSTER_CANNOT_CHANGE_PROVIDER_NAME: entry(400, 'The cloud provider of cluster %s cannot be changed.', 'D'),
  CANNOT_UPDATE_PAUSED_CLUSTER: entry(409, 'Cannot update cluster %s while it is paused or being paused.', 'D', 'atlas'),
  // R: the one parameter is a whole sentence ("Cannot terminate cluster X in group Y because
  // termination protection is enabled. Disable termination protection and try again.").
  CANNOT_TERMINATE_CLUSTER_WHEN_TERMINATION_PROTECTION_ENABLED: entry(400, '%s', 'R', 'atlas'),
  CLUSTER_ALREADY_REQUESTED_DELETION: entry(400, 'Cluster %s has already been requested for deletion.', 'D'),
  TENANT_CLUSTER_UPDATE_UNSUPPORTED: entry(400, 'Tenant clusters cannot be updated through the API.', 'D'),
  CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API: entry(400, 'Flex cluster %s cannot be used in the Cluster API.', 'R', 'atlas'),

  // ── backup, snapshots, restores (README §5.2) ───────────────────────────────────────────
  ATLAS_BACKUP_CONFLICTING_OPTIONS: entry(409, 'Legacy backup and Cloud Backup cannot both be enabled on cluster %s.', 'D'),
  // No Atlas page names this code for a cluster without Cloud Backup; MongoDB's Terraform
  // provider tolerates it when reading such a cluster's schedule, and the wording is
  // Cloud Manager's. Marked as ours.
  BACKUP_CONFIG_NOT_FOUND: entry(404, 'No backup configuration exists for cluster %s.', 'ours'),
  UNFINISHED_ON_DEMAND_SNAPSHOT: entry(400, 'An on-demand snapshot is already queued or in progress for cluster %s.', 'D'),
  CANNOT_DELETE_IN_PROGRESS_SNAPSHOT: entry(400, 'Snapshot %s cannot be deleted while it is in progress.', 'D'),
  CANNOT_MODIFY_IN_PROGRESS_SNAPSHOT_RETENTION: entry(400, 'The retention of snapshot %s cannot be changed while it is in progress.', 'D'),
  CLUSTER_PAUSED_CANNOT_RESTORE: entry(400, 'Cannot restore to cluster %s while it is paused.', 'D'),
  ATLAS_CLUSTER_RESTORE_IN_PROGRESS: entry(409, 'A restore is already in progress for cluster %s.', 'D'),
  INVALID_PIT_RESTORE_TIME: entry(400, 'The point-in-time restore time is invalid.', 'D'),
  NO_CHECKPOINT_FOR_PIT_RESTORE: entry(409, 'No checkpoint exists for the requested point-in-time restore.', 'D'),
  CANNOT_START_RESTORE_JOB_FOR_DELETED_SNAPSHOT: entry(409, 'Cannot start a restore job for deleted snapshot %s.', 'D'),
  CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT: entry(409, 'Cannot start a restore job for incomplete snapshot %s.', 'D'),
  CANNOT_CANCEL_AUTOMATED_RESTORE: entry(400, 'Automated restore job %s cannot be cancelled.', 'D'),
  ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED: entry(405, 'A restore job for a single shard cannot be cancelled.', 'spec'),
  CANNOT_RESTORE_TO_TARGET: entry(403, 'Insufficient permission to restore to the target cluster.', 'D'),
  INVALID_REFERENCE_HOUR_OF_DAY: entry(400, 'The reference hour of day %s is invalid.', 'D'),
  INVALID_REFERENCE_MINUTE_OF_HOUR: entry(400, 'The reference minute of hour %s is invalid.', 'D'),
  INVALID_RESTORE_WINDOW: entry(400, 'The restore window of %s days is invalid.', 'D'),

  // ── Encryption at Rest: key provider state (README §5.3; AWS unknown key is 404) ─────────
  AWS_CUSTOMER_MASTER_KEY_NOT_FOUND: entry(404, 'AWS customer master key %s was not found.', 'D'),
  AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED: entry(400, 'AWS KMS customer master key %s is not enabled.', 'D'),
  AWS_KMS_CUSTOMER_MASTER_KEY_PENDING_DELETION: entry(400, 'AWS KMS customer master key %s is pending deletion.', 'D'),
  AWS_KMS_CUSTOMER_MASTER_KEY_PENDING_IMPORT: entry(400, 'AWS KMS customer master key %s is pending import.', 'D'),
  AWS_KMS_REGION_NOT_SUPPORTED: entry(400, 'AWS KMS region %s is not supported.', 'D'),
  AZURE_KEY_VAULT_KEY_NOT_FOUND: entry(400, 'Azure Key Vault key %s was not found.', 'D'),
  AZURE_KEY_VAULT_KEY_NOT_ENABLED: entry(400, 'Azure Key Vault key %s is not enabled.', 'D'),
  AZURE_KEY_VAULT_KEY_EXPIRED: entry(400, 'Azure Key Vault key %s has expired.', 'D'),
  AZURE_KEY_VAULT_KEY_EXPIRING: entry(400, 'Azure Key Vault key %s expires within 48 hours.', 'D'),
  AZURE_KEY_VAULT_KEY_NOT_ACTIVE: entry(400, 'Azure Key Vault key %s is not active.', 'D'),
  AZURE_KEY_VAULT_KEY_IDENTIFIER_INVALID_FORMAT: entry(400, 'Azure Key Vault key identifier %s has an invalid format.', 'D'),
  AZURE_KEY_VAULT_ENVIRONMENT_NOT_SUPPORTED: entry(400, 'Azure environment %s is not supported.', 'D'),
  GOOGLE_CLOUD_KMS_KEY_VERSION_NOT_FOUND: entry(400, 'Google Cloud KMS key version %s was not found.', 'D'),
  GOOGLE_CLOUD_KMS_KEY_VERSION_DISABLED: entry(400, 'Google Cloud KMS key version %s is disabled.', 'D'),
  GOOGLE_CLOUD_KMS_KEY_VERSION_DESTROYED: entry(400, 'Google Cloud KMS key version %s is destroyed.', 'D'),
  GOOGLE_CLOUD_KMS_KEY_VERSION_DESTROY_SCHEDULED: entry(400, 'Google Cloud KMS key version %s is scheduled for destruction.', 'D'),
  GOOGLE_CLOUD_KMS_KEY_VERSION_PENDING_GENERATION: entry(400, 'Google Cloud KMS key version %s is pending generation.', 'D'),

  // ── Encryption at Rest: credentials and project configuration ───────────────────────────
  INVALID_AWS_CREDENTIALS: entry(400, 'The provided AWS credentials are invalid.', 'D'),
  INVALID_AZURE_CREDENTIALS: entry(400, 'The provided Azure credentials are invalid.', 'D'),
  INVALID_GOOGLE_CLOUD_CREDENTIALS: entry(400, 'The provided Google Cloud credentials are invalid.', 'D'),
  NO_PERMISSION_TO_ENCRYPT_DECRYPT: entry(400, 'The provided credentials have no permission to encrypt and decrypt with key %s.', 'D'),
  CANNOT_ASSUME_ROLE: entry(400, 'Atlas cannot assume the role %s.', 'D'),
  CLOUD_PROVIDER_ACCESS_ROLE_NOT_AUTHORIZED: entry(400, 'The cloud provider access role %s is not authorized.', 'D'),
  MISSING_ENCRYPTION_AT_REST_PROVIDER: entry(400, 'No encryption at rest provider was specified.', 'D'),
  INVALID_ENCRYPTION_AT_REST_PROVIDER: entry(400, 'Invalid encryption at rest provider %s.', 'D'),
  ENCRYPTION_AT_REST_NOT_ENABLED: entry(400, 'Encryption at rest with provider %s is not enabled for group %s.', 'D'),
  ENCRYPTION_AT_REST_SETTINGS_INVALID: entry(400, 'The encryption at rest settings of group %s are invalid; Atlas cannot access the current key.', 'D'),
  CANNOT_CHANGE_ENCRYPTION_AT_REST_PROVIDER: entry(409, 'Cannot change the encryption at rest provider; disable it and enable the new one.', 'D'),
  CANNOT_DISABLE_ENCRYPTION_AT_REST: entry(409, 'Cannot disable encryption at rest while clusters in the group use it.', 'D'),
  CANNOT_ROTATE_KEY_ENCRYPTION_DISABLED: entry(409, 'Cannot rotate the key while encryption at rest is disabled.', 'D'),
  CANNOT_DISABLE_ENCRYPTION_AT_REST_WITH_BACKUP_COMPLIANCE_POLICY: entry(400, 'Cannot disable encryption at rest while a Backup Compliance Policy requires it.', 'D'),
  CAN_NOT_DISABLE_ALL_ENCRYPTION_AT_REST_SETTINGS_WHILE_BACKUP_COMPLIANCE_POLICY_ENCRYPTION_ENABLED: entry(
    400,
    'Cannot disable every encryption at rest provider while the Backup Compliance Policy requires encryption.',
    'D',
  ),

  // ── Encryption at Rest: clusters, backups and restores ──────────────────────────────────
  CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE: entry(400, 'Encryption at rest cannot be used with the backup type of cluster %s.', 'D'),
  CANNOT_USE_ENCRYPTION_AT_REST_TENANT: entry(400, 'Encryption at rest cannot be used on tenant cluster %s.', 'D'),
  ENCRYPTION_AT_REST_PROVIDER_NOT_SUPPORTED: entry(400, 'The encryption at rest provider cannot be used on cluster %s.', 'D'),
  INSUFFICIENT_INSTANCE_SIZE: entry(400, 'This feature requires instance size %s or larger.', 'D'),
  MULTI_CLOUD_CLUSTER_INVALID: entry(400, 'Multi-cloud clusters are not supported by the API.', 'D'),
  INVALID_SNAPSHOT_RESTORE_ENCRYPTION: entry(400, 'The encryption settings of the target cluster do not match snapshot %s.', 'D'),
  TENANT_RESTORE_DESTINATION_ENCRYPTION: entry(400, 'A tenant snapshot cannot be restored to cluster %s, which uses encryption at rest.', 'D'),
  CANNOT_DOWNLOAD_SNAPSHOT_WITH_ENCRYPTION: entry(400, 'Snapshot %s cannot be downloaded because encryption at rest is enabled.', 'D'),
} as const satisfies Record<string, CatalogueEntry>;

/** Every errorCode the mock may send. */
export type AtlasErrorCode = keyof typeof ATLAS_ERRORS;

/** True when `code` is in the catalogue. */
export function isAtlasErrorCode(code: string): code is AtlasErrorCode {
  return Object.hasOwn(ATLAS_ERRORS, code);
}

/** How many `%s` slots a template has. */
export function slotCount(template: string): number {
  return template.split('%s').length - 1;
}

/**
 * Fills the `%s` slots in order; slots without a parameter stay as `%s`, as Java's formatter
 * would refuse, so a caller's mistake shows in the body instead of vanishing.
 * @example formatDetail('No cluster named %s exists in group %s.', ['c1', 'g1']) // 'No cluster named c1 exists in group g1.'
 */
export function formatDetail(template: string, parameters: readonly unknown[]): string {
  let index = 0;
  return template.replace(/%s/g, (slot) => (index < parameters.length ? String(parameters[index++]) : slot));
}

/** An Atlas error body, keys in the alphabetical order Atlas writes them (README §5.1). */
export interface AtlasErrorBody {
  readonly detail: string;
  readonly error: number;
  readonly errorCode: string;
  readonly parameters: readonly unknown[];
  readonly reason: string;
}

/**
 * The body Atlas sends for `code`; `parameters` is always present, `detail` defaults to the
 * catalogue template filled with the parameters.
 * @example atlasErrorBody('GROUP_NOT_FOUND', ['111111111111111111111111'])
 * // { detail: 'No group with ID 111111111111111111111111 exists.', error: 404, errorCode: 'GROUP_NOT_FOUND', parameters: [...], reason: 'Not Found' }
 */
export function atlasErrorBody(code: AtlasErrorCode, parameters: readonly unknown[] = [], detail?: string): AtlasErrorBody {
  const row = ATLAS_ERRORS[code];
  return bodyOf(code, row.httpStatus, parameters, detail ?? formatDetail(row.detail, parameters));
}

function bodyOf(code: string, status: number, parameters: readonly unknown[], detail: string): AtlasErrorBody {
  return { detail, error: status, errorCode: code, parameters: parameters.map(asBodyParameter), reason: reasonPhrase(status) };
}

/**
 * Anything but an object as a string (numbers, booleans, null): the contract's ApiError.parameters holds strings or objects,
 * and every recorded Atlas error lists its numbers as strings (the request fuzzer caught a 413
 * answering `[1048576]`).
 */
function asBodyParameter(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? value : String(value);
}

/**
 * A parameter as an error body can carry it: unchanged when it can be written, else a short
 * description. A value from a hostile body (an array nested 10,000 deep) overflows the stack of
 * `JSON.stringify` and `String`, and must not break the answer that refuses it.
 */
function writableParameter(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  try {
    JSON.stringify(value);
    String(value);
    return value;
  } catch {
    return Array.isArray(value) ? '(an array nested too deeply to show)' : '(an object nested too deeply to show)';
  }
}

/**
 * The 401 body of an authentication challenge (Digest or Bearer), in the order and
 * pretty-printed shape Atlas sends (README §5.4): no `parameters`, and no `X-Error-Code`
 * header goes with it (written by the mock's errors.ts `sendChallenge`).
 * NOTE: the recordings read for this (mongodb-atlas-cli …/setupfailure/…/POST_api_atlas_v2_groups_1.snaphost
 * at 4856fdcd and 022344f9, Content-Length 106) carry only error, reason and detail; `errorCode`
 * is kept because README §5.4 reports it and the spec's ApiError requires it.
 */
export const CHALLENGE_BODY = {
  error: 401,
  reason: 'Unauthorized',
  detail: 'You are not authorized for this resource.',
  errorCode: 'UNEXPECTED_ERROR',
} as const;

/** Options of an {@link AtlasError}. */
export interface AtlasErrorOptions {
  /** Replaces the catalogue text (e.g. a rule's own sentence). */
  readonly detail?: string;
  /** Replaces the catalogue status (a rule may answer a code with another status). */
  readonly httpStatus?: number;
  /** Extra response headers, e.g. `Retry-After` on RATE_LIMITED. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Fields appended after the Atlas ones, for the mock's own endpoints (the control API
   * lists every rule finding of a refused config under `findings`). Never used on Atlas paths.
   */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * An Atlas error on its way to the one error middleware: throw it (or reject with it) from any
 * handler and the client gets the Atlas body, status and `X-Error-Code`.
 * @example throw new AtlasError('CLUSTER_NOT_FOUND', [clusterName, groupId]);
 */
export class AtlasError extends Error {
  /** The errorCode; a catalogue code unless built by {@link atlasErrorFromFinding} from an uncatalogued rule. */
  readonly code: string;
  readonly status: number;
  readonly parameters: readonly unknown[];
  readonly detail: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(code: AtlasErrorCode, parameters?: readonly unknown[], options?: AtlasErrorOptions);
  /** @internal an errorCode that is not in the catalogue: status and detail must be given. */
  constructor(code: string, parameters: readonly unknown[], options: AtlasErrorOptions & { readonly httpStatus: number; readonly detail: string });
  constructor(code: string, given: readonly unknown[] = [], options: AtlasErrorOptions = {}) {
    const row: CatalogueEntry | undefined = isAtlasErrorCode(code) ? ATLAS_ERRORS[code] : undefined;
    const parameters = given.map(writableParameter);
    const detail = options.detail ?? formatDetail(row?.detail ?? '', parameters);
    super(detail);
    this.name = 'AtlasError';
    this.code = code;
    this.status = options.httpStatus ?? row?.httpStatus ?? 500;
    this.parameters = parameters;
    this.detail = detail;
    this.headers = { ...options.headers };
    this.extra = { ...options.extra };
  }

  /** The response body, keys in Atlas's order (then any `extra` fields). */
  body(): AtlasErrorBody {
    return { ...bodyOf(this.code, this.status, this.parameters, this.detail), ...this.extra };
  }
}

/**
 * The Atlas error for a rule finding: the finding's errorCode, status and parameters (as
 * strings, objects aside); the catalogue's text when its `%s` slots match the parameters, else
 * the finding's own message.
 * @example atlasErrorFromFinding({ ruleId: 'x', severity: 'error', errorCode: 'MISSING_ATTRIBUTE', parameters: ['region'], message: '…', path: [] })
 */
export function atlasErrorFromFinding(finding: Finding, options: Pick<AtlasErrorOptions, 'extra'> = {}): AtlasError {
  const code = finding.errorCode ?? 'VALIDATION_ERROR';
  // Made writable before the detail quotes them; the body writes them as strings (objects aside).
  const parameters = (finding.parameters ?? []).map(writableParameter);
  const row: CatalogueEntry | undefined = isAtlasErrorCode(code) ? ATLAS_ERRORS[code] : undefined;
  const detail = row && slotCount(row.detail) === parameters.length ? formatDetail(row.detail, parameters) : finding.message;
  const httpStatus = finding.httpStatus ?? row?.httpStatus ?? 400;
  return new AtlasError(code, parameters, { httpStatus, detail, ...options });
}
