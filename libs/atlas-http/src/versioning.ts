// Media-type versioning of the v2 API (atlas-openapi README §7): the client names a date in
// `Accept: application/vnd.atlas.YYYY-MM-DD+json`; Atlas serves the newest version of *that
// operation* dated on or before it.
import { AtlasError } from './error-catalogue';
import type { OperationVersion } from './operation-versions';
import { OPERATION_VERSIONS, type OperationKey } from './versions.generated';

/** The version a request is served with. */
export interface ResolvedVersion {
  /** The date the client asked for. */
  readonly requested: string;
  /** The version served: the newest of the operation dated on or before `requested`. */
  readonly date: string;
  /** `application/vnd.atlas.<date>+json`. */
  readonly mediaType: string;
  /** The success response's schema name for the served version. */
  readonly responseSchema?: string;
  /** When the served version was deprecated (`YYYY-MM-DD`); absent for the current version. */
  readonly deprecation?: string;
  /** The served version's `x-sunset` (`YYYY-MM-DD`). */
  readonly sunset?: string;
}

/** The versioned media type of a date. */
export function mediaTypeOf(date: string): string {
  return `application/vnd.atlas.${date}+json`;
}

const ATLAS_TYPE = /^application\/vnd\.atlas\.([^+]*)\+json$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (2025-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

interface AtlasRange {
  /** The date, or undefined when the Atlas type carries a malformed one. */
  readonly date: string | undefined;
  readonly q: number;
}

/**
 * The Atlas media ranges of an Accept header, best first (by q, then as listed). Other ranges
 * (`application/json`, `*\/*`) carry no version and are ignored; q=0 means "not acceptable".
 */
export function atlasRangesOf(accept: string | undefined): AtlasRange[] {
  const ranges: AtlasRange[] = [];
  for (const part of (accept ?? '').split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim());
    const m = ATLAS_TYPE.exec(type);
    if (!m) continue;
    const qParam = params.find((p) => /^q=/i.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!(q > 0)) continue;
    const date = m[1] ?? '';
    ranges.push({ date: isCalendarDate(date) ? date : undefined, q });
  }
  return ranges.map((r, i) => ({ r, i })).sort((a, b) => b.r.q - a.r.q || a.i - b.i).map(({ r }) => r);
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The newest version dated on or before `date`, or undefined when `date` predates them all. */
export function versionOnOrBefore(versions: readonly OperationVersion[], date: string): OperationVersion | undefined {
  let found: OperationVersion | undefined;
  for (const v of versions) if (v.date <= date) found = v;
  return found;
}

/**
 * Resolves the Accept header of a v2 request for an operation.
 *
 * - The newest version of the operation dated on or before the requested date is served (a client
 *   sending 2025-03-12 gets 2023-01-01 for encryptionAtRest, 2024-08-05 for GET cluster and
 *   2024-10-23 for POST/PATCH cluster).
 * - Several Atlas types may be listed; the best (highest q, then first listed) that resolves wins.
 * - No Atlas type at all — a missing Accept, `*\/*`, or `application/json` alone — is 406
 *   INVALID_VERSION_DATE, as are a malformed date and one older than the operation's first version
 *   (README §7: Atlas answers 406 when Accept carries no valid version; it does not default).
 * - A served version whose `x-sunset` is on or before `today` is 410 VERSION_GONE.
 *
 * Never throws: the error is returned, for the caller to pass on.
 * @example resolveVersion('GET /groups/{groupId}/clusters/{clusterName}', 'application/vnd.atlas.2025-03-12+json', new Date())
 * // { requested: '2025-03-12', date: '2024-08-05', mediaType: 'application/vnd.atlas.2024-08-05+json', ... }
 */
export function resolveVersion(operationKey: OperationKey, acceptHeader: string | undefined, today: Date): ResolvedVersion | AtlasError {
  const versions: readonly OperationVersion[] = OPERATION_VERSIONS[operationKey].versions;
  const todayDay = dayOf(today);
  let gone: AtlasError | undefined;
  for (const range of atlasRangesOf(acceptHeader)) {
    if (!range.date) continue;
    const served = versionOnOrBefore(versions, range.date);
    if (!served) continue;
    if (served.sunset && served.sunset <= todayDay) {
      gone ??= new AtlasError('VERSION_GONE', [served.date, served.sunset]);
      continue;
    }
    return {
      requested: range.date,
      date: served.date,
      mediaType: mediaTypeOf(served.date),
      ...(served.responseSchema ? { responseSchema: served.responseSchema } : {}),
      ...(served.deprecation ? { deprecation: served.deprecation } : {}),
      ...(served.sunset ? { sunset: served.sunset } : {}),
    };
  }
  return gone ?? new AtlasError('INVALID_VERSION_DATE');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A day as the HTTP date Atlas writes in `Deprecation`/`Sunset`: Java's RFC 1123 format, whose
 * day of month is not zero-padded (README §7 records `Mon, 5 Aug 2024 00:00:00 GMT`).
 * @example httpDateOf('2027-07-01') // 'Thu, 1 Jul 2027 00:00:00 GMT'
 */
export function httpDateOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} 00:00:00 GMT`;
}

/** The `Deprecation`/`Sunset` headers a served version carries (none for a current version). */
export function lifecycleHeaders(version: Pick<ResolvedVersion, 'deprecation' | 'sunset'>): Record<string, string> {
  return {
    ...(version.deprecation ? { Deprecation: httpDateOf(version.deprecation) } : {}),
    ...(version.sunset ? { Sunset: httpDateOf(version.sunset) } : {}),
  };
}
