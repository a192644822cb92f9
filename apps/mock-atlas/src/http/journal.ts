// The request journal behind GET /_mock/requests: what each call to the Atlas API (and the OAuth
// token endpoint) asked and got, so a test can assert what its client actually sent. It records
// the body, so it must never hold a secret: no headers at all (Authorization carries digests and
// bearer tokens), and every field named like a secret — the names the request log censors,
// REDACTED_FIELDS — replaced by the marker the state export uses, at any depth of the body or
// the query.
import type { IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import { REDACTED } from '@mock-atlas/domain';
import type { Clock } from './clock';
import { faultOf } from './faults';
import { onResponseEnd, onResponseWrite, principalOf, servedApiOf } from './locals';
import { queryOf } from './query';
import { REDACTED_FIELDS } from './logging';

/** One request as the journal keeps it. */
export interface JournalEntry {
  /** Increases by one per recorded request, across clears. */
  readonly id: number;
  /** When the request arrived, on the mock's (virtual) clock. */
  readonly at: string;
  readonly method: string;
  /** The path without the query string, e.g. `/api/atlas/v2/groups/…/clusters`. */
  readonly path: string;
  /** Query parameters, secrets redacted. */
  readonly query: Readonly<Record<string, unknown>>;
  /** The status sent; null when no response was (a dropped connection, a client that left). */
  readonly status: number | null;
  /** The API that served it: `v1.0`, or the v2 version date negotiated (`2024-08-05`). */
  readonly version?: string;
  /** The API key's public key or the service account's client id, once authenticated. */
  readonly principal?: string;
  /** Wall-clock time from arrival to the end of the response, in milliseconds. */
  readonly durationMs: number;
  /** The parsed JSON or form body, secrets redacted (absent when there was none). */
  readonly body?: unknown;
  /** The id of the injected fault that answered, delayed or dropped the request. */
  readonly fault?: string;
  /**
   * The state revision the response was written at: how many changes the store had committed
   * then. A response reflects every change up to it and none after, so it orders the writes
   * (a write's own change is the last one it reflects) where the journal's ids cannot: ids
   * are given when a response has been flushed, which need not be the order of the changes.
   * Absent when the response was never written, or when the journal has no store.
   */
  readonly revision?: number;
}

/** What GET /_mock/requests may filter on. */
export interface JournalFilter {
  readonly method?: string;
  /** Keeps requests whose path starts with this. */
  readonly pathPrefix?: string;
  /** Keeps requests recorded after the one with this id: lets a reader follow the journal without clearing it. */
  readonly afterId?: number;
}

/** The default number of requests kept; older ones are forgotten first. */
export const JOURNAL_CAPACITY = 10_000;

// A larger body is recorded as a size only: the journal is bounded in entries, and this bounds
// each entry, so 10,000 requests of a megabyte cannot hold gigabytes.
const MAX_BODY_BYTES = 64 * 1024;
const MAX_DEPTH = 32;

const SECRET_NAMES = new Set<string>(REDACTED_FIELDS.map((f) => f.toLowerCase()));

/**
 * A copy of a parsed body or query with the value of every secret-named field (REDACTED_FIELDS,
 * any case, any depth) replaced by `<redacted>`.
 * @example redactSecrets({ awsKms: { secretAccessKey: 'x', region: 'US_EAST_1' } }) // → { awsKms: { secretAccessKey: '<redacted>', region: 'US_EAST_1' } }
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '<omitted: nested too deeply>';
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_NAMES.has(key.toLowerCase()) ? REDACTED : redactSecrets(v, depth + 1)]),
  );
}

/**
 * The body as the journal keeps it: redacted, or its size alone when it is large. The size is
 * the request's Content-Length when it has one and is not compressed, so that the usual request
 * is not serialised a second time just to be measured; a chunked or compressed body is measured
 * after redaction.
 */
function recordedBody(body: unknown, headers: IncomingHttpHeaders): { body?: unknown } {
  if (typeof body !== 'object' || body === null) return {};
  // A compressed body's Content-Length is its size on the wire, not the size of what was parsed.
  const encoding = headers['content-encoding'];
  const plain = encoding === undefined || encoding.toLowerCase() === 'identity';
  const contentLength = plain ? headers['content-length'] : undefined;
  const declared = contentLength === undefined ? undefined : Number(contentLength);
  if (declared !== undefined && declared > MAX_BODY_BYTES) return { body: `<omitted: ${declared} bytes>` };
  const redacted = redactSecrets(body);
  if (declared === undefined) {
    const size = Buffer.byteLength(JSON.stringify(redacted));
    if (size > MAX_BODY_BYTES) return { body: `<omitted: ${size} bytes>` };
  }
  return { body: redacted };
}

/**
 * The last requests, oldest first, bounded. A ring: once full, each request overwrites the oldest
 * in place, so recording stays O(1) (shifting a full array of 10,000 per request was a measurable
 * share of the mock's time under load; docs/benchmarks.md).
 */
export class RequestJournal {
  private ring: JournalEntry[] = [];
  /** Where the oldest entry is once the ring is full (0 until then). */
  private oldest = 0;
  private nextId = 1;

  /** `revisionOf` reads the store's state revision (see JournalEntry.revision). */
  constructor(
    readonly capacity = JOURNAL_CAPACITY,
    readonly revisionOf: () => number | undefined = () => undefined,
  ) {}

  /** Appends a request, forgetting the oldest beyond the capacity. */
  record(entry: Omit<JournalEntry, 'id'>): JournalEntry {
    const recorded = { id: this.nextId++, ...entry };
    if (this.ring.length < this.capacity) {
      this.ring.push(recorded);
    } else {
      this.ring[this.oldest] = recorded;
      this.oldest = (this.oldest + 1) % this.capacity;
    }
    return recorded;
  }

  /** Recorded requests, oldest first, optionally only one method and/or a path prefix. */
  list(filter: JournalFilter = {}): readonly JournalEntry[] {
    const method = filter.method?.toUpperCase();
    const after = filter.afterId ?? 0;
    const ordered = this.oldest === 0 ? this.ring : [...this.ring.slice(this.oldest), ...this.ring.slice(0, this.oldest)];
    return ordered.filter(
      (e) => e.id > after && (!method || e.method === method) && (!filter.pathPrefix || e.path.startsWith(filter.pathPrefix)),
    );
  }

  /** Forgets every request; returns how many there were. */
  clear(): number {
    const count = this.ring.length;
    this.ring = [];
    this.oldest = 0;
    return count;
  }
}

/**
 * Records each request when its response ends (or its connection closes first). Mount it ahead
 * of fault injection and authentication, so refused and faulted requests are recorded too.
 * @example app.use('/api', requestJournal(store.journal, store.clock));
 */
export function requestJournal(journal: RequestJournal, clock: Clock): RequestHandler {
  return (req, res, next) => {
    const at = clock.now().toISOString();
    const started = performance.now();
    const path = req.originalUrl.split('?')[0] ?? '';
    // Read when the handler writes the response, synchronously after any change it committed;
    // 'finish' comes later, once the bytes are flushed, when other requests may have changed
    // the state in between.
    let revision: number | undefined;
    onResponseWrite(res, () => {
      revision ??= journal.revisionOf();
    });
    onResponseEnd(res, () => {
      const served = servedApiOf(res);
      const principal = principalOf(res)?.id;
      const fault = faultOf(res);
      journal.record({
        at,
        method: req.method,
        path,
        query: redactSecrets({ ...queryOf(req) }) as Record<string, unknown>,
        status: res.headersSent ? res.statusCode : null,
        ...(served ? { version: served.api === 'v2' ? served.date : served.api } : {}),
        ...(principal ? { principal } : {}),
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        ...recordedBody(req.body, req.headers),
        ...(fault ? { fault } : {}),
        ...(revision !== undefined && res.headersSent ? { revision } : {}),
      });
    });
    next();
  };
}
