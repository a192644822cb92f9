// One structured log line per request. It names method, path, status, duration and the caller's
// public id — and nothing a request carries in secret: no headers (Authorization holds digests and
// bearer tokens), no query string (it may hold anything), no bodies (private keys, cloud secrets,
// client secrets, access tokens).
import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { onResponseEnd, principalOf } from './locals';

/**
 * Field names pino censors wherever they appear in a logged object, as a second line of defence
 * for log calls elsewhere (the request line itself never carries them).
 */
export const REDACTED_FIELDS = [
  'authorization',
  'password',
  'privateKey',
  // A Google service-account key's own field: a key sent parsed (an object, not the string
  // serviceAccountKey expects) carries its secret under this name.
  'private_key',
  'clientSecret',
  'client_secret',
  'secret',
  'secretAccessKey',
  'serviceAccountKey',
  'access_token',
  'token',
] as const;

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  readonly level?: LevelWithSilent;
  /** Where lines go (default stdout); tests pass a stream to read them back. */
  readonly destination?: DestinationStream;
}

/**
 * A pino logger with the secret field names redacted at the top level, one level down, and under
 * `headers`.
 * @example const logger = createLogger({ level: 'info' });
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const paths = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.headers.${f}`]);
  return pino({ level: options.level ?? 'info', redact: { paths, censor: '[redacted]' }, base: undefined }, options.destination);
}

/**
 * Logs each request once, when its response finishes (or the connection closes first):
 * `{method, path, status, ms, principal}` at info, with `msg: "request"` (plus `aborted: true` when the
 * client left before the response was complete).
 * @example app.use(requestLogging(logger));
 */
export function requestLogging(logger: Logger): RequestHandler {
  // The request line is built from the five fields below, none of them secret, so it skips the
  // wildcard redaction: that cost ~25 µs a line, about 5% of a PATCH under load (docs/benchmarks.md).
  // Anything else logged through `logger` keeps it. A field added to this line skips redaction:
  // hardening/secrets-canary.spec.ts, which greps trace logs for planted secrets, is the guard.
  const lines = logger.child({}, { redact: [] });
  return (req, res, next) => {
    const started = performance.now();
    const path = req.originalUrl.split('?')[0];
    onResponseEnd(res, () => {
      const principal = principalOf(res)?.id;
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const aborted = !res.writableFinished;
      lines.info({ method: req.method, path, status: res.statusCode, ms, ...(principal ? { principal } : {}), ...(aborted ? { aborted } : {}) }, 'request');
    });
    next();
  };
}
