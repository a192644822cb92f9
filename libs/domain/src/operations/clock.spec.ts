import { describe, expect, it } from 'vitest';
import { DEFAULT_MOCK_OPTIONS, emptyState, type MockState, type Timer } from '../state/mock-state';
import { advanceClock, hasDueTimer } from './clock';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const timer = (at: string): Timer => ({ kind: 'cluster-transition', at, groupId: 'g', clusterName: 'c', to: 'IDLE' });
const withTimers = (...at: string[]): MockState => ({ ...emptyState(), timers: at.map(timer) });

describe('hasDueTimer', () => {
  it.each([
    ['no timer at all', withTimers(), T0, false],
    ['the first timer a millisecond later', withTimers('2026-01-01T12:00:00.001Z'), T0, false],
    ['the first timer at that very instant', withTimers('2026-01-01T12:00:00.000Z'), T0, true],
    ['the first timer a minute earlier', withTimers('2026-01-01T11:59:00.000Z', '2026-01-01T13:00:00.000Z'), T0, true],
    ['an instant written without milliseconds', withTimers('2026-01-01T12:00:00Z'), T0, true],
  ])('%s → %s', (_name, state, untilMs, due) => {
    expect(hasDueTimer(state, untilMs)).toBe(due);
  });

  it('says exactly whether advanceClock would change the state', () => {
    for (const state of [withTimers(), withTimers('2026-01-01T12:00:00.001Z'), withTimers('2026-01-01T12:00:00.000Z')]) {
      const changed = advanceClock(state, { now: new Date(T0).toISOString(), options: DEFAULT_MOCK_OPTIONS }) !== state;
      expect(changed).toBe(hasDueTimer(state, T0));
    }
  });
});
