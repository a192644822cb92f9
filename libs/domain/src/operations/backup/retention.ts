// Snapshot retention: how long a snapshot is kept, in the units Atlas spells two ways
// (upper case on a snapshot's retention, lower case on policy items, README §3).

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant `value` retention units after `iso`. Days and weeks are fixed lengths;
 * months and years are calendar steps in UTC, as a "kept 12 months" policy means.
 * Undefined for a unit Atlas does not know.
 * @example retainUntil('2026-01-31T00:00:00Z', 1, 'MONTHS') // → '2026-03-03T00:00:00.000Z'
 */
export function retainUntil(iso: string, value: number, unit: string): string | undefined {
  const date = new Date(iso);
  switch (unit.toLowerCase()) {
    case 'days':
      return new Date(date.getTime() + value * DAY_MS).toISOString();
    case 'weeks':
      return new Date(date.getTime() + value * 7 * DAY_MS).toISOString();
    case 'months':
      date.setUTCMonth(date.getUTCMonth() + value);
      return date.toISOString();
    case 'years':
      date.setUTCFullYear(date.getUTCFullYear() + value);
      return date.toISOString();
    default:
      return undefined;
  }
}
