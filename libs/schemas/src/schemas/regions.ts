import { AWS_REGIONS, AZURE_REGIONS, GCP_REGIONS } from '../atlas-enums';

/**
 * Every region of the three clouds, without repeats. Used where the spec does not tie a
 * region to one cloud: a TENANT/FLEX cluster's region (it belongs to the backing provider)
 * and the keys of a legacy `regionsConfig` (the provider is in `providerSettings`).
 */
export const ALL_REGIONS: readonly string[] = [...new Set<string>([...AWS_REGIONS, ...AZURE_REGIONS, ...GCP_REGIONS])];
