// The registry as a library: other workspaces' tests run the real registry in-process.
export { createApp } from './app';
export { migrations, relayTables } from './data-access/migrations';
export type { RegistryAppDeps } from './app';
export { createIdentityClient, type IdentityClient } from './data-access/identity.client';
export { createTxtResolver } from './data-access/txt-resolver';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
export { readTar } from './lifecycle/tar';
export { EXPORT_QUEUE, PURGE_QUEUE } from './lifecycle/lifecycle-queues';
