// @mock-atlas/testing: mock-atlas in-process for contract tests of Atlas clients.
export { startMockAtlas, type MockAtlas, type MockAtlasOptions, type RequestFilter } from './start-mock-atlas';
export type { ConfigInput } from './config-input';
export type { ApiKeyPair, ServiceAccountCredentials } from './credentials';
export type { ClockHelpers } from './clock-helpers';
export type { FaultHelpers, FaultInput } from './fault-helpers';
export type { KmsHelpers, KmsKeyInput } from './kms-helpers';
export { ConfigLoadError, type Fault, type JournalEntry } from './embedded-app';
export type { CloudProvider, KeyState, KmsKey, MockClusterStatus, Notification, ValidityReport } from '@mock-atlas/domain';
