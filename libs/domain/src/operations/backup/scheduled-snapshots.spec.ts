import { describe, expect, it } from 'vitest';
import { emptyProject, type Cluster, type Project } from '@mock-atlas/model';
import { advanceClock } from '../clock';
import type { MockState } from '../../state/mock-state';
import { deleteBackupSchedule, getBackupSchedule, updateBackupSchedule } from './backup-schedule';
import { AWS_KEY, GROUP, HOUR_MS, NOW, STEP_MS, at, cluster, ctx, ok, paymentsProject, paymentsState, withCluster, withSweep } from './testing/fixtures';

function scheduledOf(state: MockState, clusterName: string) {
  return state.projects[GROUP]!.snapshots.filter((s) => s.clusterName === clusterName && s.snapshotType === 'scheduled');
}

function hoursAfterNow(iso: string): number {
  return (Date.parse(iso) - Date.parse(NOW)) / HOUR_MS;
}

describe('the backup sweep', () => {
  it('S0:95 takes a scheduled snapshot at once, then every 6 hours (the default base schedule)', () => {
    const day = advanceClock(withSweep(paymentsState()), at(24 * HOUR_MS));
    expect(scheduledOf(day, 'plain').map((s) => hoursAfterNow(s.createdAt))).toEqual([0, 6, 12, 18, 24]);
  });

  it('S0:87-90 scheduled snapshots record the active customer key, and progress to completed', () => {
    const later = advanceClock(withSweep(paymentsState()), at(2 * STEP_MS));
    const [snapshot] = scheduledOf(later, 'orders');
    expect(snapshot).toMatchObject({ status: 'completed', encryptionKey: { provider: 'AWS', keyId: AWS_KEY } });
    expect(snapshot!.encryptionKey!.masterKeyUUID).toMatch(/^[0-9a-f-]{36}$/);
    expect(scheduledOf(later, 'plain')[0]!.encryptionKey).toBeUndefined();
  });

  it('README §4 keeps each scheduled snapshot for the base item’s retention (7 days), then deletes it', () => {
    const first = advanceClock(withSweep(paymentsState()), at(0));
    expect(scheduledOf(first, 'plain')[0]!.expiresAt).toBe('2026-11-29T12:00:00.000Z');
    const week = advanceClock(first, at(7 * 24 * HOUR_MS));
    const kept = scheduledOf(week, 'plain').map((s) => hoursAfterNow(s.createdAt));
    expect(kept[0]).toBe(6);
    expect(kept).toHaveLength(28);
  });

  it('follows the cluster’s stored schedule (hourly every 12 h) and stops after DELETE /backup/schedule', () => {
    const body = { policies: [{ policyItems: [{ frequencyType: 'hourly', frequencyInterval: 12, retentionUnit: 'days', retentionValue: 2 }] }] };
    const updated = ok(updateBackupSchedule(withSweep(paymentsState()), GROUP, 'plain', body, ctx)).state;
    const day = advanceClock(updated, at(24 * HOUR_MS));
    expect(scheduledOf(day, 'plain').map((s) => hoursAfterNow(s.createdAt))).toEqual([0, 12, 24]);
    expect(ok(getBackupSchedule(day, GROUP, 'plain', at(24 * HOUR_MS))).value.nextSnapshot).toBe(new Date(Date.parse(NOW) + 36 * HOUR_MS).toISOString());

    // Kept 2 days: the first two are gone by 60 h, and no new one came after the DELETE.
    const emptied = ok(deleteBackupSchedule(day, GROUP, 'plain', at(24 * HOUR_MS))).state;
    expect(scheduledOf(advanceClock(emptied, at(60 * HOUR_MS)), 'plain').map((s) => hoursAfterNow(s.createdAt))).toEqual([24]);
  });

  it('skips clusters that are disabled, paused, still being created, or without Cloud Backup', () => {
    let state = withSweep(paymentsState());
    state = withCluster(state, GROUP, 'orders', { disabled: { reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', since: NOW } });
    state = withCluster(state, GROUP, 'orders-copy', { paused: true });
    state = withCluster(state, GROUP, 'plain', { stateName: 'CREATING' });
    const day = advanceClock(state, at(24 * HOUR_MS));
    expect(day.projects[GROUP]!.snapshots).toEqual([]);
  });

  it('re-arms itself one hour later', () => {
    const state = advanceClock(withSweep(paymentsState()), at(0));
    expect(state.timers.filter((t) => t.kind === 'backup-sweep').map((t) => t.at)).toEqual([new Date(Date.parse(NOW) + HOUR_MS).toISOString()]);
  });

  it('stays cheap: 1,000 projects × 10 clusters through a day of virtual time, every snapshot moving on time', () => {
    const projects: Project[] = [];
    for (let p = 0; p < 1000; p += 1) {
      const id = p.toString(16).padStart(24, '0');
      const clusters: Cluster[] = Array.from({ length: 10 }, (_, c) => cluster(`c${c}`, c % 2 === 0 ? { encryptionAtRestProvider: 'AWS' } : {}));
      projects.push({ ...paymentsProject(), ...emptyProject(id, `p${p}`), encryptionAtRest: paymentsProject().encryptionAtRest, clusters });
    }
    const started = performance.now();
    const day = advanceClock(withSweep(paymentsState(...projects)), at(24 * HOUR_MS + 2 * STEP_MS));
    const elapsed = performance.now() - started;
    const total = Object.values(day.projects).reduce((n, p) => n + p.snapshots.length, 0);
    expect(total).toBe(1000 * 10 * 5);
    expect(Object.values(day.projects).every((p) => p.snapshots.every((s) => s.status === 'completed'))).toBe(true);
    expect(elapsed).toBeLessThan(5000);
  });
});
