// Fixtures for tests of the domain and of the apps built on it (`@mock-atlas/domain/testing`);
// never imported by production code.
export * from './every-secret';
export { legacyCluster, cluster20240805 } from '../mappers/testing/arbitraries';
