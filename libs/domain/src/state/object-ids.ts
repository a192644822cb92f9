// "mock" in hex: marks every id the mock mints, between the timestamp and the counter.
const MOCK_MARK = '6d6f636b';

/**
 * Mints a 24-hex id (the shape of Atlas ObjectIds) from the clock and the state's sequence,
 * so ids sort by creation like real ObjectIds and a replayed history mints the same ids.
 * @example mintObjectId(7, '2026-11-22T12:00:00Z') // → '6b02d9406d6f636b00000007'
 */
export function mintObjectId(sequence: number, now: string): string {
  const seconds = Math.floor(Date.parse(now) / 1000);
  const time = (Number.isFinite(seconds) ? seconds : 0).toString(16).padStart(8, '0').slice(-8);
  return `${time}${MOCK_MARK}${sequence.toString(16).padStart(8, '0').slice(-8)}`;
}
