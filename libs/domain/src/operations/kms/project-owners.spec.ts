import { describe, expect, it } from 'vitest';
import { emptyState, type MockState } from '../../state/mock-state';
import { projectOwnersOf } from './project-owners';
import { GROUP, OTHER_GROUP } from './testing/kms-fixtures';

describe('projectOwnersOf (S0:63 "Atlas sends an email to the Project Owner")', () => {
  const state: MockState = {
    ...emptyState(),
    apiKeys: [
      { publicKey: 'here', privateKey: 'x', grants: [{ role: 'GROUP_OWNER', groupId: GROUP }] },
      { publicKey: 'elsewhere', privateKey: 'x', grants: [{ role: 'GROUP_OWNER', groupId: OTHER_GROUP }] },
      { publicKey: 'everywhere', privateKey: 'x', grants: [{ role: 'GROUP_OWNER' }] },
      { publicKey: 'org', privateKey: 'x', grants: [{ role: 'ORG_OWNER' }] },
      { publicKey: 'reader', privateKey: 'x', grants: [{ role: 'GROUP_READ_ONLY', groupId: GROUP }] },
      { publicKey: 'two-grants', privateKey: 'x', grants: [{ role: 'GROUP_OWNER', groupId: GROUP }, { role: 'GROUP_OWNER' }] },
    ],
    serviceAccounts: [
      { clientId: 'sa-owner', clientSecret: 'x', grants: [{ role: 'GROUP_OWNER', groupId: GROUP }] },
      { clientId: 'sa-manager', clientSecret: 'x', grants: [{ role: 'GROUP_CLUSTER_MANAGER', groupId: GROUP }] },
    ],
  };

  it('S0:63 owners of this project, of every project and of the organisation; API keys first, each once', () => {
    expect(projectOwnersOf(state, GROUP)).toEqual(['here', 'everywhere', 'org', 'two-grants', 'sa-owner']);
  });

  it('S0:63 an owner of another project only is not e-mailed', () => {
    expect(projectOwnersOf(state, OTHER_GROUP)).toEqual(['elsewhere', 'everywhere', 'org', 'two-grants']);
  });
});
