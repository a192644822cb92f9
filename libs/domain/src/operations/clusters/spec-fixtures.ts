// Shared by the clusters slice's specs: a project with AWS KMS and Azure Key Vault on and
// valid (as a successful PATCH encryptionAtRest leaves them), and request bodies.
import { emptyProject, type EarProviderState, type Project } from '@mock-atlas/model';
import { DEFAULT_MOCK_OPTIONS, emptyState, type MockState } from '../../state/mock-state';
import type { OperationContext, OperationResult } from '../result';

export const GROUP = '5e2211c17a3e5a48f5497de3';
export const NOW = '2026-11-22T12:00:00.000Z';
export const AWS_KEY = '030gce02-586d-48d2-a966-05ea954fde0g';
export const AZURE_KEY = 'https://payments-vault.vault.azure.net/keys/atlas-cmk/4a6b8c0d2e4f60718293a4b5c6d7e8f9';

export const OWNER: OperationContext = { now: NOW, options: DEFAULT_MOCK_OPTIONS, caller: { roles: ['GROUP_OWNER', 'GROUP_CLUSTER_MANAGER'] } };
export const MANAGER: OperationContext = { now: NOW, options: DEFAULT_MOCK_OPTIONS, caller: { roles: ['GROUP_CLUSTER_MANAGER'] } };

const AWS: EarProviderState = { enabled: true, valid: true, settings: { customerMasterKeyID: AWS_KEY, region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' } };
const AZURE: EarProviderState = {
  enabled: true,
  valid: true,
  settings: {
    azureEnvironment: 'AZURE',
    clientID: 'b5ee8d2a-1f2b-4c1e-9f3a-8a2c1d4e5f60',
    subscriptionID: 'd2c6a4e0-5b7c-4f1a-8e2d-3c4b5a6f7e80',
    resourceGroupName: 'payments-rg',
    keyVaultName: 'payments-vault',
    keyIdentifier: AZURE_KEY,
    tenantID: 'f1e2d3c4-b5a6-4789-9abc-def012345678',
    secret: 'not-a-real-secret',
  },
};

/** A project whose AWS KMS and Azure Key Vault are configured and valid, with no clusters. */
export function projectState(): MockState {
  const base = emptyProject(GROUP, 'payments');
  const project: Project = { ...base, encryptionAtRest: { providers: { ...base.encryptionAtRest.providers, AWS, AZURE } } };
  return {
    ...emptyState(),
    projects: { [GROUP]: project },
    kmsKeys: [
      { provider: 'AWS', keyId: AWS_KEY, state: 'ENABLED', createdAt: NOW },
      { provider: 'AZURE', keyId: AZURE_KEY, state: 'ENABLED', createdAt: NOW },
    ],
  };
}

/** A v1.0 body for a dedicated AWS cluster in one region. */
export function legacyBody(name: string, extra: Readonly<Record<string, unknown>> = {}, instanceSizeName = 'M30'): Record<string, unknown> {
  return { name, providerSettings: { providerName: 'AWS', instanceSizeName, regionName: 'US_EAST_1' }, ...extra };
}

/** A 2024-08-05 body whose one zone has a region on each named cloud (in order). */
export function v2Body(name: string, clouds: readonly ('AWS' | 'AZURE' | 'GCP')[], extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const regionOf = { AWS: 'US_EAST_1', AZURE: 'US_EAST_2', GCP: 'CENTRAL_US' } as const;
  return {
    name,
    clusterType: 'REPLICASET',
    replicationSpecs: [
      {
        regionConfigs: clouds.map((cloud, i) => ({
          providerName: cloud,
          regionName: regionOf[cloud],
          priority: 7 - i,
          electableSpecs: { instanceSize: 'M30', nodeCount: i === 0 ? 3 : 2 },
        })),
      },
    ],
    ...extra,
  };
}

/** The state of an accepted result; fails the test with the refusal otherwise. */
export function stateOf<T>(result: OperationResult<T>): MockState {
  if (!result.ok) throw new Error(`refused: ${result.error.errorCode ?? result.error.ruleId}: ${result.error.message}`);
  return result.state;
}
