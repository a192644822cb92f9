import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyState, type Timer } from './mock-state';
import { schedule } from './timers';

const at = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

function queue(...timers: Timer[]) {
  return timers.reduce(schedule, emptyState()).timers;
}

describe('schedule', () => {
  it.each([
    ['into an empty queue', [5], [5]],
    ['after every earlier timer', [1, 2, 3], [1, 2, 3]],
    ['before every later timer', [3, 2, 1], [1, 2, 3]],
    ['between two timers', [1, 9, 5], [1, 5, 9]],
  ])('keeps the queue in time order: %s', (_name, minutes, expected) => {
    const timers = queue(...minutes.map((m): Timer => ({ kind: 'rotation-check', at: at(m) })));
    expect(timers.map((t) => t.at)).toEqual(expected.map(at));
  });

  it('puts a timer after the ones already due at the same instant (ties keep insertion order)', () => {
    const timers = queue({ kind: 'validity-check', at: at(1) }, { kind: 'backup-sweep', at: at(1) }, { kind: 'rotation-check', at: at(1) });
    expect(timers.map((t) => t.kind)).toEqual(['validity-check', 'backup-sweep', 'rotation-check']);
  });

  it('orders any sequence as a stable sort by instant would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), (minutes) => {
        const timers = minutes.map((m, i): Timer => ({ kind: 'snapshot-transition', at: at(m), groupId: 'g', snapshotId: String(i), to: 'completed' }));
        const expected = [...timers].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
        expect(queue(...timers)).toEqual(expected);
      }),
    );
  });
});
