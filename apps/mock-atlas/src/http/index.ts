// The HTTP layer of mock-atlas: middleware factories the app assembles.
export * from './clock';
export * from './locals';
export * from './pretty-json';
export * from './respond';
export * from './errors';
export * from './not-found';
export * from './json-body';
export * from './versioning';
export * from './logging';
export * from './auth/credential-store';
export * from './auth/constant-time';
export * from './auth/digest';
export * from './auth/oauth';
export * from './auth/authenticate';
export * from './auth/authorize';
