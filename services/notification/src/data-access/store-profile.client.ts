import { LRUCache } from 'lru-cache';
import { createServiceClient } from '@fleet/http';
import {
  toStoreProfile,
  type RegistryStoreProfile,
  type StoreProfile,
  type StoreProfiles,
} from '../domain/store-profile';

export interface StoreProfileOptions {
  tenancyUrl: string | (() => string);
  signingKey: string;
  /** How long a profile is kept; 0: read it for every e-mail. */
  maxAgeMs: number;
  maxEntries?: number;
}

/**
 * The registry's store profile (name, theme, URL) per tenant, kept in a bounded LRU for
 * `maxAgeMs` and dropped at once by `tenant.settings_changed` (messaging/settings-changed.ts).
 * Concurrent misses of one tenant share one read.
 */
export function createStoreProfiles(
  options: StoreProfileOptions,
): StoreProfiles & { close(): Promise<void> } {
  const client = createServiceClient({
    service: 'tenancy',
    caller: 'notification',
    baseUrl: options.tenancyUrl,
    signingKey: options.signingKey,
    timeoutMs: 5_000,
    connections: 8,
  });
  const cache = new LRUCache<string, StoreProfile>({
    max: options.maxEntries ?? 10_000,
    ttl: Math.max(1, options.maxAgeMs),
  });
  const inFlight = new Map<string, Promise<StoreProfile>>();

  async function load(tenantId: string): Promise<StoreProfile> {
    const ctx = { requestId: `notification:profile:${tenantId}`, tenantId };
    const result = await client.call<RegistryStoreProfile>(ctx, {
      method: 'GET',
      path: '/internal/store-profile',
    });
    if (!result.ok) {
      const why = result.kind === 'problem' ? `${result.status} ${result.problem.code}` : result.error;
      throw new Error(`The registry gave no store profile for ${tenantId}: ${why}`);
    }
    const profile = toStoreProfile(result.body);
    if (options.maxAgeMs > 0) cache.set(tenantId, profile);
    return profile;
  }

  return {
    get(tenantId) {
      const kept = cache.get(tenantId) ?? inFlight.get(tenantId);
      if (kept) return Promise.resolve(kept);
      const pending = load(tenantId).finally(() => inFlight.delete(tenantId));
      inFlight.set(tenantId, pending);
      return pending;
    },
    forget: (tenantId) => void cache.delete(tenantId),
    clear: () => cache.clear(),
    close: () => client.close(),
  };
}
