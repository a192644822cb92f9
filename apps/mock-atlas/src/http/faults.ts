// Fault injection (POST /_mock/faults): the next N requests matching a method and path get an
// Atlas error, a delay, or a dropped connection instead of (or before) their normal handling, so
// that a client's retry, back-off and timeout logic can be tested against the mock. Faults run
// ahead of authentication: a rate limit or an outage answers before Atlas looks at credentials,
// and a client retrying a 429 must not need a fresh digest challenge to see it.
import { AtlasError, ATLAS_ERRORS, formatDetail, isAtlasErrorCode, slotCount } from '@mock-atlas/atlas-http';
import type { RequestHandler, Response } from 'express';

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

/** The largest delay a fault may ask for: two minutes, longer than any client timeout worth testing. */
export const MAX_FAULT_DELAY_MS = 120_000;
const MAX_TIMES = 1_000_000;

// The code a fault answers with when it gives a status but no errorCode.
const DEFAULT_CODE: Readonly<Record<number, string>> = { 401: 'USER_UNAUTHORIZED', 404: 'RESOURCE_NOT_FOUND', 429: 'RATE_LIMITED' };

/** A fault as POST /_mock/faults describes it, checked. */
export interface FaultSpec {
  /** Only requests of this method (any method when absent). */
  readonly method?: (typeof METHODS)[number];
  /** The request path (`/api/atlas/v2/groups/…/clusters`), or a prefix ending in `*`. */
  readonly path: string;
  /** The Atlas error to answer with (both set, or neither). */
  readonly status?: number;
  readonly errorCode?: string;
  /**
   * Parameters of the error body (default: none; RATE_LIMITED gets the path, 100 and 1). Sent as
   * strings, as every recorded Atlas error sends them (atlas-openapi README §5.1).
   */
  readonly parameters?: readonly (string | number | boolean)[];
  /** The error body's detail (default: the catalogue's sentence). */
  readonly detail?: string;
  /**
   * `Retry-After`: whole seconds, or an HTTP-date (IMF-fixdate, `Wed, 21 Oct 2026 07:28:00 GMT`)
   * sent as given, for clients that must read both forms (RFC 9110 §10.2.3). Sent on every 429
   * (default 1 second), and on any other error that sets it.
   */
  readonly retryAfter?: number | string;
  /** Wait this long (wall-clock ms) before answering, failing or dropping. */
  readonly delayMs?: number;
  /** Destroy the connection instead of answering. */
  readonly drop?: true;
  /** How many matching requests the fault applies to. */
  readonly times: number;
}

/** A fault in the table: its spec, its id and how many more requests it applies to. */
export interface Fault extends FaultSpec {
  readonly id: string;
  readonly remaining: number;
}

function invalid(field: string, expected: string): AtlasError {
  return new AtlasError('INVALID_JSON_ATTRIBUTE', [field], { detail: `Received JSON for the ${field} attribute does not match expected format: ${expected}.` });
}

// The one HTTP-date form a server may send (RFC 9110 §5.6.7); toUTCString prints exactly it,
// so a date that survives the round trip is both well-formed and a real day.
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function readRetryAfter(value: unknown): number | string {
  if (typeof value === 'string' && IMF_FIXDATE.test(value) && new Date(value).toUTCString() === value) return value;
  if (typeof value === 'string') throw invalid('retryAfter', 'whole seconds, or an HTTP-date such as Wed, 21 Oct 2026 07:28:00 GMT');
  return wholeNumber(value, 'retryAfter', 0, 86_400);
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) throw invalid(field, `a whole number from ${min} to ${max}`);
  return value as number;
}

/**
 * Checks a POST /_mock/faults body; throws the Atlas error (400) that says what is wrong.
 * @example readFaultSpec({ path: '/api/atlas/v2/groups/*', status: 429, times: 2 })
 */
export function readFaultSpec(body: unknown): FaultSpec {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AtlasError('INVALID_JSON');
  const b = body as Record<string, unknown>;
  const known = ['method', 'path', 'status', 'errorCode', 'parameters', 'detail', 'retryAfter', 'delayMs', 'drop', 'times'];
  const unknown = Object.keys(b).find((k) => !known.includes(k));
  if (unknown !== undefined) throw new AtlasError('INVALID_ATTRIBUTE', [unknown]);

  if (b.path === undefined) throw new AtlasError('MISSING_ATTRIBUTE', ['path']);
  const path = b.path;
  if (typeof path !== 'string' || !path.startsWith('/') || path.slice(0, -1).includes('*')) {
    throw invalid('path', 'a request path starting with /, or a prefix of one ending in *');
  }
  if (b.times === undefined) throw new AtlasError('MISSING_ATTRIBUTE', ['times']);
  const times = wholeNumber(b.times, 'times', 1, MAX_TIMES);

  let method: FaultSpec['method'];
  if (b.method !== undefined) {
    const upper = typeof b.method === 'string' ? b.method.toUpperCase() : undefined;
    method = METHODS.find((m) => m === upper);
    if (!method) throw invalid('method', `one of ${METHODS.join(', ')}`);
  }

  let errorCode: string | undefined;
  if (b.errorCode !== undefined) {
    if (typeof b.errorCode !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(b.errorCode)) throw invalid('errorCode', 'an Atlas error code such as RATE_LIMITED');
    errorCode = b.errorCode;
  }
  let status = b.status === undefined ? undefined : wholeNumber(b.status, 'status', 400, 599);
  if (errorCode === undefined && status !== undefined) {
    errorCode = DEFAULT_CODE[status] ?? (status >= 500 ? 'UNEXPECTED_ERROR' : undefined);
    if (errorCode === undefined) throw new AtlasError('MISSING_ATTRIBUTE', ['errorCode'], { detail: `The required attribute errorCode was not specified: status ${status} has no default code.` });
  }
  if (errorCode !== undefined && status === undefined) {
    if (!isAtlasErrorCode(errorCode)) throw new AtlasError('MISSING_ATTRIBUTE', ['status'], { detail: `The required attribute status was not specified: ${errorCode} is not in the mock's catalogue.` });
    status = ATLAS_ERRORS[errorCode].httpStatus;
  }

  let parameters: FaultSpec['parameters'];
  if (b.parameters !== undefined) {
    if (!Array.isArray(b.parameters) || !b.parameters.every((p) => ['string', 'number', 'boolean'].includes(typeof p))) {
      throw invalid('parameters', 'an array of strings, numbers or booleans');
    }
    parameters = b.parameters as FaultSpec['parameters'];
  }
  if (b.detail !== undefined && typeof b.detail !== 'string') throw invalid('detail', 'a string');
  const retryAfter = b.retryAfter === undefined ? undefined : readRetryAfter(b.retryAfter);
  const delayMs = b.delayMs === undefined ? undefined : wholeNumber(b.delayMs, 'delayMs', 0, MAX_FAULT_DELAY_MS);
  if (b.drop !== undefined && b.drop !== true) throw invalid('drop', 'true (or leave it out)');
  const drop = b.drop === true;

  const answers = errorCode !== undefined;
  if (drop && answers) throw new AtlasError('VALIDATION_ERROR', ['a fault either drops the connection or answers with an error, not both']);
  if (!drop && !answers && delayMs === undefined) {
    throw new AtlasError('MISSING_ONE_OF_ATTRIBUTES', ['status, errorCode, delayMs, drop']);
  }
  if (!answers && (parameters !== undefined || b.detail !== undefined || retryAfter !== undefined)) {
    throw new AtlasError('VALIDATION_ERROR', ['parameters, detail and retryAfter only go with an error (status or errorCode)']);
  }
  return {
    ...(method ? { method } : {}),
    path,
    ...(answers ? { status, errorCode } : {}),
    ...(parameters ? { parameters } : {}),
    ...(typeof b.detail === 'string' ? { detail: b.detail } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    ...(delayMs !== undefined ? { delayMs } : {}),
    ...(drop ? { drop: true as const } : {}),
    times,
  };
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method && fault.method !== method) return false;
  return fault.path.endsWith('*') ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
}

/** The injected faults, in the order they were added; the first match of a request applies. */
export class FaultTable {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault = { id: `fault-${this.nextId++}`, ...spec, remaining: spec.times };
    this.faults.push(fault);
    return fault;
  }

  /** Faults that still apply to some request. */
  list(): readonly Fault[] {
    return this.faults;
  }

  /** Removes every fault; returns how many there were. */
  clear(): number {
    const count = this.faults.length;
    this.faults = [];
    return count;
  }

  /** The fault that applies to this request, counted as used (and removed when used up). */
  take(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex((f) => matches(f, method, path));
    const fault = this.faults[index];
    if (!fault) return undefined;
    const remaining = fault.remaining - 1;
    if (remaining === 0) this.faults.splice(index, 1);
    else this.faults[index] = { ...fault, remaining };
    return fault;
  }
}

const FAULT = 'mockFault';

/** The id of the fault that applied to this request, if one did (for the journal). */
export function faultOf(res: Response): string | undefined {
  return res.locals[FAULT] as string | undefined;
}

/** The Atlas error an answering fault sends for a request to `path`. */
export function faultError(fault: FaultSpec, path: string): AtlasError {
  const code = fault.errorCode ?? 'UNEXPECTED_ERROR';
  const status = fault.status ?? 500;
  const template = isAtlasErrorCode(code) ? ATLAS_ERRORS[code].detail : undefined;
  // Written as strings by the catalogue, as the contract's ApiError.parameters wants them.
  const parameters = fault.parameters ?? (code === 'RATE_LIMITED' ? [path, 100, 1] : []);
  const detail =
    fault.detail ??
    (template !== undefined && slotCount(template) === parameters.length ? formatDetail(template, parameters) : `The request failed with the injected fault ${code}.`);
  const retryAfter = fault.retryAfter ?? (status === 429 ? 1 : undefined);
  return new AtlasError(code, parameters, { httpStatus: status, detail, ...(retryAfter !== undefined ? { headers: { 'Retry-After': String(retryAfter) } } : {}) });
}

/**
 * Applies the first matching fault: waits `delayMs`, then drops the connection, answers with
 * the fault's Atlas error, or lets the request through. Mount before authentication.
 * @example app.use('/api', requestJournal(journal, clock), faultInjection(faults));
 */
export function faultInjection(table: FaultTable): RequestHandler {
  return (req, res, next) => {
    const path = req.originalUrl.split('?')[0] ?? '';
    const fault = table.take(req.method, path);
    if (!fault) {
      next();
      return;
    }
    res.locals[FAULT] = fault.id;
    const act = (): void => {
      if (fault.drop) req.socket.destroy();
      else if (fault.errorCode !== undefined) next(faultError(fault, path));
      else next();
    };
    if (!fault.delayMs) {
      act();
      return;
    }
    const timer = setTimeout(() => {
      if (!req.socket.destroyed) act();
    }, fault.delayMs);
    res.once('close', () => clearTimeout(timer));
  };
}
