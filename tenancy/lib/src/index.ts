export * from './tenant';
export * from './slug';
export * from './context-header';
export * from './context-middleware';
export * from './tenant-resolver';
export * from './registry-client';
export * from './usage';
export * from './guards';
