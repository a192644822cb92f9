export * from './path';
export * from './finding';
export * from './providers';
export * from './encryption-at-rest';
export * from './kms';
export * from './cluster';
export * from './backup';
export * from './project';
