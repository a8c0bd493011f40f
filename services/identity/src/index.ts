// Identity as a library: other workspaces' tests (the gateway's, tenancy's sign-up) run it in-process.
export { createApp, type IdentityAppDeps } from './app';
export { bootstrapIdentity, createIdentityDeps, type IdentityDepsOptions } from './bootstrap';
export { configSchema, type IdentityConfig } from './config';
export { migrations, relayTables } from './data-access/migrations';
export type { IdentityDeps } from './domain/identity-deps';
export { ACCESS_TOKEN_AUDIENCE, REFRESH_TOKEN_TTL_SECONDS, type TokenPair } from './domain/issue-tokens';
export { PLATFORM_SCOPE, SUBJECT_PREFIX, type Realm } from './domain/realms';
export { rotateSigningKey } from './domain/rotate-signing-key';
export { JWKS_PATH } from './http/jwks.routes';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
