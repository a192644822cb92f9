import type { TimerHandlers } from '../clock';
import { later, schedule } from '../../state/timers';
import { checkKeyRotation } from './rotation-check';
import { validateAllProjects } from './validate-project';

/** How often the rotation reminders are looked at: an alert counted in days needs no finer grain. */
export const ROTATION_CHECK_MS = 60 * 60 * 1000;

/**
 * The simulated KMS on the virtual clock: the scheduled validity check of every project
 * (every options.validityCheckMs, RULES.md: 15 minutes) and the hourly rotation reminder
 * check. Each re-arms itself from its own instant, so a long advance runs every check in order.
 */
export const kmsTimerHandlers: TimerHandlers = {
  'validity-check': (state, timer, ctx) =>
    schedule(validateAllProjects(state, ctx), { kind: 'validity-check', at: later(timer.at, Math.max(1, ctx.options.validityCheckMs)) }),
  'rotation-check': (state, timer, ctx) =>
    schedule(checkKeyRotation(state, ctx), { kind: 'rotation-check', at: later(timer.at, ROTATION_CHECK_MS) }),
};
