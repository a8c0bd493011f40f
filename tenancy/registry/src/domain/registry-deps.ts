import type { Db } from '@fleet/db';
import type Redis from 'ioredis';
import type { IdentityClient } from '../data-access/identity.client';

/** Looks up TXT records; main.ts uses node:dns, tests a local DNS server or a function. */
export type TxtResolver = (name: string) => Promise<string[][]>;

/** What the registry's use cases need; main.ts builds it from config, tests from fixtures. */
export interface RegistryDeps {
  db: Db;
  platformDomain: string;
  /** How store URLs are written back to merchants, e.g. `http://{host}:8080`. */
  publicUrl?: { scheme: string; port?: number };
  identity?: IdentityClient;
  redis?: Redis;
  redisPrefix?: string;
  resolveTxt?: TxtResolver;
  /** Export and purge jobs (start.ts); without them those endpoints answer 503. */
  lifecycle?: TenantLifecycle;
}

/** The registry's lifecycle jobs, as the use cases see them (lifecycle/lifecycle-queues.ts). */
export interface TenantLifecycle {
  /** Seconds between a soft delete and the purge (LIFECYCLE_GRACE_SECONDS). */
  graceSeconds: number;
  enqueueExport(tenantId: string, exportId: string): Promise<void>;
  schedulePurge(tenantId: string, at: Date): Promise<void>;
  cancelPurge(tenantId: string): Promise<void>;
}

export function storeUrl(deps: RegistryDeps, host: string, path = '/'): string {
  const scheme = deps.publicUrl?.scheme ?? 'http';
  const port = deps.publicUrl?.port;
  const defaultPort = (scheme === 'http' && port === 80) || (scheme === 'https' && port === 443);
  return `${scheme}://${host}${port && !defaultPort ? `:${port}` : ''}${path}`;
}
