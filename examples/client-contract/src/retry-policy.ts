// When the client may send a request again, and how long it waits first. The rule is HTTP's
// (RFC 9110 §9.2.2): a request may be repeated automatically only when it is idempotent, or when
// the client knows the server did not act on it. 429 and 503 say so (the server refused the
// request before doing anything), as does a connection that was never made; a 500, 502 or 504,
// a dropped connection or a timeout does not, so only GET, PUT, DELETE (and HEAD, OPTIONS) are
// repeated after those. POST and PATCH are not idempotent: a retry could create a second
// snapshot or apply a change twice.

/** The methods RFC 9110 §9.2.2 calls idempotent. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Statuses with which the server says it did not process the request: retried for every method. */
const REFUSED_STATUSES = new Set([429, 503]);
/** Statuses that leave open whether the request was processed: retried for idempotent methods. */
const AMBIGUOUS_STATUSES = new Set([500, 502, 504]);

/** Transport errors (error.code) raised before the request left the client. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
/** Transport errors after which the server may or may not have acted on the request. */
const MAYBE_PROCESSED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** A failed attempt, as the retry decision sees it. */
export type Failure =
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'transport'; readonly code: string; readonly maybeProcessed: boolean };

/**
 * The transport failure an HTTP library error stands for (urllib 4 over undici), or undefined
 * for anything else (a bug is not retried). Timeouts are `TIMEOUT` / `CONNECT_TIMEOUT`.
 * @example transportFailureOf(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }))
 * // { kind: 'transport', code: 'UND_ERR_SOCKET', maybeProcessed: true }
 */
export function transportFailureOf(error: unknown): Extract<Failure, { kind: 'transport' }> | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (error.name === 'HttpClientRequestTimeoutError') return { kind: 'transport', code: 'TIMEOUT', maybeProcessed: true };
  if (error.name === 'HttpClientConnectTimeoutError') return { kind: 'transport', code: 'CONNECT_TIMEOUT', maybeProcessed: false };
  if (typeof code !== 'string') return undefined;
  if (NOT_SENT_CODES.has(code)) return { kind: 'transport', code, maybeProcessed: false };
  if (MAYBE_PROCESSED_CODES.has(code)) return { kind: 'transport', code, maybeProcessed: true };
  return undefined;
}

/**
 * Whether a request that failed this way may be sent again (attempts left aside).
 * @example mayRetry('POST', { kind: 'status', status: 429 }) // true: the request was refused, not processed
 * @example mayRetry('POST', { kind: 'status', status: 502 }) // false: it may have been processed
 */
export function mayRetry(method: string, failure: Failure): boolean {
  const idempotent = IDEMPOTENT_METHODS.has(method.toUpperCase());
  if (failure.kind === 'transport') return idempotent || !failure.maybeProcessed;
  if (REFUSED_STATUSES.has(failure.status)) return true;
  return idempotent && AMBIGUOUS_STATUSES.has(failure.status);
}

/**
 * Milliseconds a Retry-After header asks for: delay-seconds or an HTTP-date (RFC 9110 §10.2.3);
 * undefined when absent or unreadable.
 * @example retryAfterMs('120') // 120000
 * @example retryAfterMs('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')) // 5000
 */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Each HTTP-date form (IMF-fixdate, RFC 850, asctime) starts with the day's name; Date.parse
  // alone would also take '-5' or 'May 2026' for dates.
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How exponential back-off grows and how it is spread. */
export interface BackoffOptions {
  /** The first wait's ceiling; doubled for each attempt after it. */
  readonly baseMs: number;
  /** No wait is longer than this. */
  readonly maxMs: number;
  /** A number in [0, 1); Math.random, or a fixed sequence in tests. */
  readonly random: () => number;
}

/**
 * The wait before retry number `retry` (0 for the first) when the server gave no Retry-After:
 * "equal jitter", between half and all of min(maxMs, baseMs·2^retry), so that clients refused
 * together do not come back together, and none comes back at once.
 * @example backoffMs(2, { baseMs: 100, maxMs: 30_000, random: () => 0.5 }) // 300 (ceiling 400)
 */
export function backoffMs(retry: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** retry);
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}
