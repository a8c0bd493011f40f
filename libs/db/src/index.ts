export * from './db';
export * from './tx';
export * from './migrate';
export * from './tenant-table';
export * from './ids';
export { assertTenantId } from './tenant-id';
export type { Statement } from './pipelined-query';
export * from './migrate-cli';
export * from './service-db';
