// The small, shared vocabularies random configs draw from. Small on purpose: names and key ids
// must collide often (a cluster a job names, the key a snapshot used) for rules to have work.
import type { CloudProvider } from '@mock-atlas/model';
import { deterministicObjectId } from '@mock-atlas/domain';

/** The project of a config: with an explicit id, or without one (the id then derives from the name). */
export const PROJECTS = [{ name: 'conformance', id: '5e2211c17a3e5a48f5497de3' }, { name: 'derived-id' }] as const;

/** The group id a project gets, which a restore job's targetGroupId names. */
export function groupIdOf(project: (typeof PROJECTS)[number]): string {
  return 'id' in project ? project.id : deterministicObjectId(project.name);
}

/** Cluster names; `ghost` is never declared, so naming it is a dangling reference. */
export const CLUSTER_NAMES = ['orders', 'reporting', 'scratch'] as const;
export const GHOST_CLUSTER = 'ghost';

/** Snapshot ids (24 hex digits, as the schema wants). */
export const SNAPSHOT_IDS = ['6a793f6b2c88faeba59bae37', '6a793f6b2c88faeba59bae38', '6a793f6b2c88faeba59bae39'] as const;

/** Two keys per provider: configs switch between them, disable one, forget to declare one. */
export const KEY_IDS: Readonly<Record<CloudProvider, readonly [string, string]>> = {
  AWS: ['030gce02-586d-48d2-a966-05ea954fde0g', '1f2e3d4c-5b6a-4789-8abc-0123456789ab'],
  AZURE: [
    'https://payments-vault.vault.azure.net/keys/atlas-cmk/4a6b8c0d2e4f60718293a4b5c6d7e8f9',
    'https://payments-vault.vault.azure.net/keys/atlas-cmk/0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  ],
  GCP: [
    'projects/payments/locations/global/keyRings/atlas/cryptoKeys/cmk/cryptoKeyVersions/1',
    'projects/payments/locations/global/keyRings/atlas/cryptoKeys/cmk/cryptoKeyVersions/2',
  ],
};

/** A region each cloud has, two per cloud, for single- and multi-region placements. */
export const REGIONS: Readonly<Record<CloudProvider, readonly [string, string]>> = {
  AWS: ['US_EAST_1', 'EU_WEST_1'],
  AZURE: ['US_EAST_2', 'EUROPE_WEST'],
  GCP: ['CENTRAL_US', 'WESTERN_EUROPE'],
};

export const ROLE_ID = '5f232b94af0a6b41747bcc2d';
