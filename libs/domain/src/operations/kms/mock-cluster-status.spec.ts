import { describe, expect, it } from 'vitest';
import { listAlertConfigs } from './alert-configs';
import { getMockClusterStatus } from './mock-cluster-status';
import { validateProject } from './validate-project';
import { GROUP, OTHER_GROUP, awsProject, cluster, ctx, withKeyState } from './testing/kms-fixtures';

describe('getMockClusterStatus (GET /_mock/groups/{id}/clusters/{name})', () => {
  it('S0:63 S0:65 shows the disabled reason, since when, and the pending changes', () => {
    const checked = validateProject(withKeyState(awsProject(), 'DISABLED'), GROUP, ctx);
    if (!checked.ok) throw new Error(checked.error.message);
    const project = checked.state.projects[GROUP]!;
    const state = { ...checked.state, projects: { [GROUP]: { ...project, clusters: project.clusters.map((c) => ({ ...c, pendingChanges: { diskSizeGB: 80 } })) } } };
    const result = getMockClusterStatus(state, GROUP, 'orders');
    expect(result.ok && result.value).toEqual({
      name: 'orders',
      disabled: true,
      disabledReason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID',
      disabledSince: ctx.now,
      pendingChanges: { diskSizeGB: 80 },
    });
  });

  it('spec a running cluster: not disabled, nothing pending', () => {
    const result = getMockClusterStatus(awsProject([cluster('orders')]), GROUP, 'orders');
    expect(result.ok && result.value).toEqual({ name: 'orders', disabled: false, disabledReason: null, disabledSince: null, pendingChanges: null });
  });

  it('R unknown cluster → CLUSTER_NOT_FOUND, unknown project → GROUP_NOT_FOUND', () => {
    const state = awsProject();
    const noCluster = getMockClusterStatus(state, GROUP, 'nope');
    expect(!noCluster.ok && noCluster.error.errorCode).toBe('CLUSTER_NOT_FOUND');
    const noProject = getMockClusterStatus(state, OTHER_GROUP, 'orders');
    expect(!noProject.ok && noProject.error.errorCode).toBe('GROUP_NOT_FOUND');
  });
});

describe('listAlertConfigs (GET /groups/{id}/alertConfigs)', () => {
  it("S3:57 lists only the project's configs", () => {
    const state = awsProject([], OTHER_GROUP, awsProject());
    const result = listAlertConfigs(state, GROUP);
    expect(result.ok && result.value.map((c) => [c.groupId, c.eventTypeName])).toEqual([[GROUP, 'AWS_ENCRYPTION_KEY_NEEDS_ROTATION']]);
  });

  it('D unknown project → GROUP_NOT_FOUND', () => {
    const result = listAlertConfigs(awsProject(), OTHER_GROUP);
    expect(!result.ok && result.error.errorCode).toBe('GROUP_NOT_FOUND');
  });
});
