// Snapshot retention: how long a snapshot is kept, in the units Atlas spells two ways
// (upper case on a snapshot's retention, lower case on policy items, README §3).

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last instant an RFC 3339 date-time (four-digit year) can write. */
const LAST_WRITABLE_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** The instant as ISO 8601, or undefined when no RFC 3339 date-time can write it (or it is no date). */
function writable(ms: number): string | undefined {
  return Number.isFinite(ms) && ms <= LAST_WRITABLE_MS ? new Date(ms).toISOString() : undefined;
}

/**
 * The instant `value` retention units after `iso`. Days and weeks are fixed lengths;
 * months and years are calendar steps in UTC, as a "kept 12 months" policy means.
 * Undefined for a unit Atlas does not know, and for a retention so long that the instant is past
 * the year 9999, which no date-time of the contract can write (`new Date(…).toISOString()` throws
 * past ±275,760 years, and a six-digit year is no RFC 3339 date-time).
 * @example retainUntil('2026-01-31T00:00:00Z', 1, 'MONTHS') // → '2026-03-03T00:00:00.000Z'
 * @example retainUntil('2026-01-31T00:00:00Z', 3_000_000, 'days') // → undefined
 */
export function retainUntil(iso: string, value: number, unit: string): string | undefined {
  const date = new Date(iso);
  switch (unit.toLowerCase()) {
    case 'days':
      return writable(date.getTime() + value * DAY_MS);
    case 'weeks':
      return writable(date.getTime() + value * 7 * DAY_MS);
    case 'months':
      return writable(date.setUTCMonth(date.getUTCMonth() + value));
    case 'years':
      return writable(date.setUTCFullYear(date.getUTCFullYear() + value));
    default:
      return undefined;
  }
}
