import type { RoleId } from './roles';

/** An HTTP method of the Atlas Admin API. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One media-type version of one operation. */
export interface OperationVersion {
  /** The version date, `YYYY-MM-DD`: the media type is `application/vnd.atlas.<date>+json`. */
  readonly date: string;
  /** The success response's schema name for this version (absent when the response has no body). */
  readonly responseSchema?: string;
  /** The request body's schema name for this version. */
  readonly requestSchema?: string;
  /** The spec's `x-sunset`: from this day on the version answers 410 VERSION_GONE. */
  readonly sunset?: string;
  /** The day the next newer version of this operation appeared, which deprecated this one. */
  readonly deprecation?: string;
}

/** One operation of the Admin API (method + path), with its versions and required roles. */
export interface OperationVersions {
  readonly method: HttpMethod;
  /** The full v2 path template, e.g. `/api/atlas/v2/groups/{groupId}/clusters`. */
  readonly path: string;
  /** The canonical operationId of the multi-version spec. */
  readonly operationId: string;
  /** The SDK's name (`x-xgen-operation-id-override`), when it differs. */
  readonly sdkOperationId?: string;
  /** The documented success status. */
  readonly successStatus: number;
  /** `x-rolesRequirements` as the spec spells them; any one suffices. */
  readonly roles: readonly string[];
  /** The same roles as role ids. */
  readonly roleIds: readonly RoleId[];
  /** Versions, oldest first. */
  readonly versions: readonly OperationVersion[];
  /** `spec`: read from the subset; `docs`: added by hand because the subset lacks the path. */
  readonly source: 'spec' | 'docs';
}
