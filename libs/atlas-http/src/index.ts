export * from './error-catalogue';
export * from './roles';
export * from './operation-versions';
export * from './versions.generated';
export * from './versions-extract';
export * from './versioning';
