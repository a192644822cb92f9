import { describe, expect, it } from 'vitest';
import { initialTimers, type MockState } from '../../state/mock-state';
import { advanceClock } from '../clock';
import { GROUP, KEY, NOW, OTHER_GROUP, at, awsProject, cluster, withKeyState } from './testing/kms-fixtures';

const DAY_MIN = 24 * 60;
const running = (state: MockState) => ({ ...state, timers: initialTimers(NOW) });
const orders = (state: MockState, groupId = GROUP) => state.projects[groupId]!.clusters.find((c) => c.name === 'orders')!;

describe('kmsTimerHandlers on the virtual clock', () => {
  it('RULES.md the scheduled check runs every 15 minutes: a key disabled after a check is noticed at the next one', () => {
    const checked = advanceClock(running(awsProject()), at(0));
    const broken = withKeyState(checked, 'DISABLED');
    expect(orders(advanceClock(broken, at(14))).disabled).toBeUndefined();
    const noticed = advanceClock(broken, at(15));
    expect(orders(noticed).disabled).toEqual({ reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', since: at(15).now });
    expect(noticed.timers).toContainEqual({ kind: 'validity-check', at: at(30).now });
  });

  it('S0:75 the scheduled check brings the cluster back when the key is enabled again', () => {
    const disabled = advanceClock(withKeyState(running(awsProject()), 'DISABLED'), at(0));
    expect(orders(disabled).disabled).toBeDefined();
    const back = advanceClock(withKeyState(disabled, 'ENABLED'), at(15));
    expect(orders(back).disabled).toBeUndefined();
    expect(back.alerts.map((a) => [a.eventTypeName, a.status])).toEqual([['AWS_ENCRYPTION_KEY_INVALID', 'CLOSED']]);
  });

  it('S3:57 advancing 91 days opens the rotation reminder; the hourly check re-arms', () => {
    const after = advanceClock(running(awsProject()), at(91 * DAY_MIN));
    expect(after.alerts.map((a) => [a.eventTypeName, a.status, a.keyId])).toEqual([['AWS_ENCRYPTION_KEY_NEEDS_ROTATION', 'OPEN', KEY]]);
    expect(after.timers).toContainEqual({ kind: 'rotation-check', at: at(91 * DAY_MIN + 60).now });
  });

  it('RULES.md the scheduled check covers every project', () => {
    const two = awsProject([cluster('orders')], OTHER_GROUP, awsProject());
    const after = advanceClock(running(withKeyState(two, 'DISABLED')), at(0));
    expect([orders(after, GROUP).disabled, orders(after, OTHER_GROUP).disabled].every(Boolean)).toBe(true);
  });

  it('spec 1,000 projects stay cheap: 91 days of checks (8,736 validity, 2,184 rotation) run in well under a second of work', () => {
    // Without backups, so that only this slice's timers run.
    const noBackup = (name: string) => ({ ...cluster(name), cloudBackupEnabled: false });
    let state = awsProject([noBackup('orders')]);
    for (let i = 1; i < 1000; i += 1) state = awsProject([noBackup('orders'), noBackup('ledger')], i.toString(16).padStart(24, '0'), state);
    const armed: MockState = { ...state, timers: [{ kind: 'validity-check', at: NOW }, { kind: 'rotation-check', at: NOW }] };
    const started = performance.now();
    const after = advanceClock(armed, at(91 * DAY_MIN));
    const elapsed = performance.now() - started;
    expect(after.alerts.filter((a) => a.eventTypeName === 'AWS_ENCRYPTION_KEY_NEEDS_ROTATION' && a.status === 'OPEN')).toHaveLength(1000);
    // Both ran at the 91-day instant and re-armed: validity 15 minutes on, rotation an hour on.
    expect(after.timers).toEqual([
      { kind: 'validity-check', at: at(91 * DAY_MIN + 15).now },
      { kind: 'rotation-check', at: at(91 * DAY_MIN + 60).now },
    ]);
    expect(elapsed).toBeLessThan(3000);
  });

  it('S0:63 a key disabled among 1,000 quiet projects is still noticed by the next scheduled check', () => {
    let state = awsProject([cluster('orders')], '0'.repeat(23) + '1');
    for (let i = 2; i < 1000; i += 1) state = awsProject([cluster('orders')], i.toString(16).padStart(24, '0'), state);
    state = awsProject([cluster('orders')], GROUP, state);
    const quiet = advanceClock({ ...state, timers: [{ kind: 'validity-check', at: NOW }] }, at(60));
    expect(quiet.outbox).toEqual([]);
    const broken = { ...quiet, kmsCredentials: { [GROUP]: { AWS: false } } };
    const after = advanceClock(broken, at(75));
    expect(Object.values(after.projects).filter((p) => p.clusters[0]!.disabled)).toHaveLength(1);
    expect(orders(after).disabled?.since).toBe(at(75).now);
  });
});
