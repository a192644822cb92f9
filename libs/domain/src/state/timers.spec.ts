import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyState, type Timer } from './mock-state';
import { reschedule, schedule, unschedule } from './timers';

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

describe('unschedule', () => {
  it('removes every matching timer and keeps the rest in order', () => {
    const state = { ...emptyState(), timers: queue(...[1, 2, 3, 4].map((m): Timer => ({ kind: m % 2 === 0 ? 'backup-sweep' : 'rotation-check', at: at(m) }))) };
    expect(unschedule(state, (t) => t.kind === 'backup-sweep').timers.map((t) => t.at)).toEqual([at(1), at(3)]);
  });

  it('returns the same state when nothing matches', () => {
    const state = { ...emptyState(), timers: queue({ kind: 'rotation-check', at: at(1) }) };
    expect(unschedule(state, () => false)).toBe(state);
  });
});

describe('reschedule', () => {
  const cluster = (name: string, minute: number): Timer => ({ kind: 'cluster-transition', at: at(minute), groupId: 'g', clusterName: name, to: 'IDLE' });
  const named = (name: string) => (t: Timer) => t.kind === 'cluster-transition' && t.clusterName === name;

  it.each([
    ['replaces an earlier timer with a later one', [cluster('a', 1), cluster('b', 2)], 'a', cluster('a', 3), ['b@2', 'a@3']],
    ['replaces a later timer with an earlier one', [cluster('a', 1), cluster('b', 5)], 'b', cluster('b', 3), ['a@1', 'b@3']],
    ['schedules when nothing matches', [cluster('a', 1)], 'z', cluster('z', 0), ['z@0', 'a@1']],
    ['keeps insertion order for a tie', [cluster('a', 2), cluster('b', 2)], 'a', cluster('a', 2), ['b@2', 'a@2']],
  ])('%s', (_name, timers, name, timer, expected) => {
    const state = { ...emptyState(), timers: queue(...timers) };
    const label = (t: Timer) => `${t.kind === 'cluster-transition' ? t.clusterName : t.kind}@${new Date(t.at).getUTCMinutes()}`;
    expect(reschedule(state, named(name), timer).timers.map(label)).toEqual(expected);
  });

  it('equals unschedule then schedule for any queue, and leaves the old state untouched', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 20 })), { maxLength: 30 }),
        fc.constantFrom('a', 'b', 'c'),
        fc.integer({ min: 0, max: 20 }),
        (entries, name, minute) => {
          const state = { ...emptyState(), timers: queue(...entries.map(([n, m]) => cluster(n, m))) };
          const before = [...state.timers];
          const timer = cluster(name, minute);
          expect(reschedule(state, named(name), timer)).toEqual(schedule(unschedule(state, named(name)), timer));
          expect(state.timers).toEqual(before);
        },
      ),
    );
  });
});
