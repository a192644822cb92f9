import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@mock-atlas/model';
import type { MockState } from '../../state/mock-state';
import { validateProject } from './validate-project';
import { GROUP, KEY, NOW, at, awsProject, cluster, ctx, withKeyState } from './testing/kms-fixtures';

function validated(state: MockState, minutes = 0) {
  const result = validateProject(state, GROUP, at(minutes));
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const clusterOf = (state: MockState, name: string) => state.projects[GROUP]!.clusters.find((c) => c.name === name)!;

describe('validateProject: the check of RULES.md "Validity checks"', () => {
  it('S0:75 a valid configuration changes nothing: same state, AWS valid', () => {
    const state = awsProject();
    const result = validated(state);
    expect(result.state).toBe(state);
    expect(result.value).toEqual({
      groupId: GROUP,
      checkedAt: NOW,
      providers: [{ provider: 'AWS', valid: true, keyId: KEY }],
      disabledClusters: [],
      restoredClusters: [],
    });
  });

  it('S0:63 a disabled key: AWS invalid, every AWS cluster disabled, the NONE cluster untouched', () => {
    const state = withKeyState(awsProject([cluster('orders'), cluster('plain', 'NONE'), cluster('ledger')]), 'DISABLED');
    const { state: after, value } = validated(state, 15);
    expect(value.providers).toEqual([{ provider: 'AWS', valid: false, keyId: KEY, problem: 'DISABLED' }]);
    expect(value.disabledClusters).toEqual(['orders', 'ledger']);
    expect(after.projects[GROUP]!.encryptionAtRest.providers.AWS.valid).toBe(false);
    expect(clusterOf(after, 'orders').disabled).toEqual({ reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', since: at(15).now });
    expect(clusterOf(after, 'plain').disabled).toBeUndefined();
  });

  it('S0:63 e-mails each Project Owner once, listing all affected clusters; readers get nothing', () => {
    const state = withKeyState(awsProject([cluster('orders'), cluster('ledger')]), 'DISABLED');
    const { state: after } = validated(state);
    expect(after.outbox.map((n) => [n.to, n.groupId, n.clusterNames])).toEqual([
      ['owner-key', GROUP, ['orders', 'ledger']],
      ['owner-sa', GROUP, ['orders', 'ledger']],
    ]);
    expect(after.outbox[0]!.body).toContain('orders, ledger');
    expect(after.outbox[0]!.body).toContain(`AWS KMS key ${KEY} is disabled`);
  });

  it('RULES.md opens one AWS_ENCRYPTION_KEY_INVALID alert and creates its alert config', () => {
    const { state: after } = validated(withKeyState(awsProject(), 'PENDING_DELETION'));
    const config = after.alertConfigs.find((a) => a.eventTypeName === 'AWS_ENCRYPTION_KEY_INVALID');
    expect(config).toMatchObject({ groupId: GROUP, enabled: true, created: NOW });
    expect(config?.threshold).toBeUndefined();
    expect(after.alerts).toEqual([
      expect.objectContaining({ groupId: GROUP, eventTypeName: 'AWS_ENCRYPTION_KEY_INVALID', status: 'OPEN', alertConfigId: config!.id, keyId: KEY, clusterNames: ['orders'] }),
    ]);
  });

  it('S0:63 a later check of a still-invalid key sends nothing more (same state)', () => {
    const first = validated(withKeyState(awsProject(), 'DISABLED')).state;
    const second = validated(first, 15);
    expect(second.state).toBe(first);
    expect(second.value.disabledClusters).toEqual([]);
  });

  it('S0:63 credentials that stop working invalidate the provider too (BAD_CREDENTIALS)', () => {
    const state = awsProject();
    const broken = { ...state, kmsCredentials: { [GROUP]: { AWS: false } } };
    const { value } = validated(broken);
    expect(value.providers).toEqual([{ provider: 'AWS', valid: false, keyId: KEY, problem: 'BAD_CREDENTIALS' }]);
    expect(value.disabledClusters).toEqual(['orders']);
  });

  it('S0:65 S0:75 when the key is back: clusters restart, pending changes apply, the alert closes, data kept', () => {
    const disabled = validated(withKeyState(awsProject(), 'DISABLED')).state;
    const project = disabled.projects[GROUP]!;
    const snapshot: Snapshot = {
      id: '6a793f6b2c88faeba59bae37',
      clusterName: 'orders',
      createdAt: '2026-11-01T06:00:00Z',
      status: 'completed',
      snapshotType: 'scheduled',
      encryptionKey: { provider: 'AWS', keyId: KEY },
    };
    const withPending: MockState = {
      ...disabled,
      projects: {
        [GROUP]: {
          ...project,
          snapshots: [snapshot],
          clusters: project.clusters.map((c) => ({ ...c, pendingChanges: { diskSizeGB: 100, instanceSize: 'M40' } })),
        },
      },
    };
    const { state: after, value } = validated(withKeyState(withPending, 'ENABLED'), 30);
    expect(value).toMatchObject({ providers: [{ provider: 'AWS', valid: true }], disabledClusters: [], restoredClusters: ['orders'] });
    const orders = clusterOf(after, 'orders');
    expect(orders).toMatchObject({ diskSizeGB: 100, instanceSize: 'M40', stateName: 'UPDATING' });
    expect(orders.disabled).toBeUndefined();
    expect(orders.pendingChanges).toBeUndefined();
    expect(after.timers).toContainEqual({ kind: 'cluster-transition', at: at(31).now, groupId: GROUP, clusterName: 'orders', to: 'IDLE' });
    expect(after.projects[GROUP]!.encryptionAtRest.providers.AWS.valid).toBe(true);
    expect(after.projects[GROUP]!.snapshots).toEqual([snapshot]);
    expect(after.alerts).toEqual([expect.objectContaining({ eventTypeName: 'AWS_ENCRYPTION_KEY_INVALID', status: 'CLOSED', resolved: at(30).now })]);
    expect(after.outbox).toHaveLength(2);
  });

  it('S0:65 a pending major-version change brings its mongoDBVersion with it when the key is valid again', () => {
    const disabled = validated(withKeyState(awsProject([{ ...cluster('orders'), mongoDBMajorVersion: '7.0', mongoDBVersion: '7.0.12' }]), 'DISABLED')).state;
    const project = disabled.projects[GROUP]!;
    const pending: MockState = {
      ...disabled,
      projects: { [GROUP]: { ...project, clusters: project.clusters.map((c) => ({ ...c, pendingChanges: { mongoDBMajorVersion: '8.0' } })) } },
    };
    const orders = clusterOf(validated(withKeyState(pending, 'ENABLED'), 30).state, 'orders');
    expect(orders.mongoDBMajorVersion).toBe('8.0');
    expect(orders.mongoDBVersion).toMatch(/^8\.0\./);
  });

  it('S0:65 a cluster loaded from a config (no stateName, shown IDLE) also goes through the update', () => {
    const { stateName: _idle, ...loaded } = cluster('orders');
    const disabled = validated(withKeyState(awsProject([loaded]), 'DISABLED')).state;
    const project = disabled.projects[GROUP]!;
    const pending = { ...disabled, projects: { [GROUP]: { ...project, clusters: [{ ...project.clusters[0]!, pendingChanges: { diskSizeGB: 80 } }] } } };
    const { state: after } = validated(withKeyState(pending, 'ENABLED'), 15);
    expect(clusterOf(after, 'orders')).toMatchObject({ diskSizeGB: 80, stateName: 'UPDATING' });
  });

  it('S0:75 a cluster without pending changes just restarts (no update)', () => {
    const disabled = validated(withKeyState(awsProject(), 'DISABLED')).state;
    const { state: after } = validated(withKeyState(disabled, 'ENABLED'), 15);
    expect(clusterOf(after, 'orders')).toEqual(cluster('orders'));
    expect(after.timers).toEqual([]);
  });

  it('S0:73-75 restores clusters whose provider a fixed configuration already marked valid', () => {
    const disabled = validated({ ...awsProject(), kmsCredentials: { [GROUP]: { AWS: false } } }).state;
    const project = disabled.projects[GROUP]!;
    // What a PATCH with working credentials leaves: valid again, clusters still waiting for the check.
    const fixed: MockState = {
      ...disabled,
      kmsCredentials: { [GROUP]: { AWS: true } },
      projects: { [GROUP]: { ...project, encryptionAtRest: { ...project.encryptionAtRest, providers: { ...project.encryptionAtRest.providers, AWS: { ...project.encryptionAtRest.providers.AWS, valid: true } } } } },
    };
    const { state: after, value } = validated(fixed, 15);
    expect(value.restoredClusters).toEqual(['orders']);
    expect(after.alerts.map((a) => a.status)).toEqual(['CLOSED']);
  });

  it('RULES.md a second failure opens a new alert and e-mails again, under the same alert config', () => {
    let state = validated(withKeyState(awsProject(), 'DISABLED')).state;
    state = validated(withKeyState(state, 'ENABLED'), 15).state;
    state = validated(withKeyState(state, 'DELETED'), 30).state;
    expect(state.alertConfigs.filter((a) => a.eventTypeName === 'AWS_ENCRYPTION_KEY_INVALID')).toHaveLength(1);
    expect(state.alerts.map((a) => a.status)).toEqual(['CLOSED', 'OPEN']);
    expect(state.outbox).toHaveLength(4);
  });

  it('D an unknown project is 404 GROUP_NOT_FOUND', () => {
    const result = validateProject(awsProject(), '5e2211c17a3e5a48f5490001', ctx);
    expect(!result.ok && [result.error.errorCode, result.error.httpStatus]).toEqual(['GROUP_NOT_FOUND', 404]);
  });
});
