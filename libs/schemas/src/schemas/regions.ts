import type { CloudProvider } from '@mock-atlas/model';
import { AWS_REGIONS, AZURE_REGIONS, GCP_REGIONS } from '../atlas-enums';

/**
 * Every region of the three clouds, without repeats. Used where the spec does not tie a
 * region to one cloud: a TENANT/FLEX cluster's region (it belongs to the backing provider)
 * and the keys of a legacy `regionsConfig` (the provider is in `providerSettings`).
 */
export const ALL_REGIONS: readonly string[] = [...new Set<string>([...AWS_REGIONS, ...AZURE_REGIONS, ...GCP_REGIONS])];

/**
 * The regions of each dedicated cloud: the one table the schemas and the mock's update check
 * (a region must belong to the cluster's cloud) both read.
 * @example REGIONS_OF_PROVIDER.GCP.includes('CENTRAL_US') // → true
 */
export const REGIONS_OF_PROVIDER: Readonly<Record<CloudProvider, readonly string[]>> = { AWS: AWS_REGIONS, AZURE: AZURE_REGIONS, GCP: GCP_REGIONS };
