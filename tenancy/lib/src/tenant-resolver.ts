import { LRUCache } from 'lru-cache';
import type Redis from 'ioredis';
import { normalizeHost, type TenantSnapshot } from './tenant';

export interface TenantResolverOptions {
  /** The source of truth (the registry). Null when no tenant has this host. */
  fetchByHost(host: string): Promise<TenantSnapshot | null>;
  redis?: Redis;
  redisPrefix?: string;
  /** In-process entries; bounded because hosts are attacker-supplied. */
  maxEntries?: number;
  ttlMs?: number;
  /** Unknown hosts remembered in-process only, bounded, briefly. */
  maxNegativeEntries?: number;
  negativeTtlMs?: number;
  redisTtlSeconds?: number;
  onError?(err: unknown): void;
}

export interface TenantResolver {
  /** The tenant serving this Host header, or null for an unknown or malformed host. */
  resolve(rawHost: string | undefined): Promise<TenantSnapshot | null>;
  /**
   * What this process knows without any lookup: the tenant when the host is cached in memory,
   * undefined otherwise (unknown, not cached yet, or malformed). A tenant found counts as a hit,
   * as `resolve` counts it; nothing else is counted.
   */
  peek(rawHost: string | undefined): TenantSnapshot | undefined;
  /** Applies a snapshot from a `tenant.*` event: newest version wins, old hosts are dropped. */
  apply(snapshot: TenantSnapshot, previousHosts?: string[]): Promise<void>;
  /** Forgets everything held in-process (after missed events, e.g. a broker reconnect). */
  clear(): void;
  stats(): { hits: number; negativeHits: number; redisHits: number; fetches: number };
}

/**
 * Host -> tenant with three layers: an in-process LRU, Redis shared by every gateway, then the
 * registry. Concurrent misses for one host share a single fetch. Events keep it fresh.
 */
export function createTenantResolver(options: TenantResolverOptions): TenantResolver {
  const ttl = options.ttlMs ?? 60_000;
  const local = new LRUCache<string, TenantSnapshot>({ max: options.maxEntries ?? 10_000, ttl });
  const unknown = new LRUCache<string, true>({
    max: options.maxNegativeEntries ?? 10_000,
    ttl: options.negativeTtlMs ?? 10_000,
  });
  const inFlight = new Map<string, Promise<TenantSnapshot | null>>();
  const prefix = `${options.redisPrefix ?? ''}tenant:host:`;
  const redisTtl = options.redisTtlSeconds ?? 300;
  const counters = { hits: 0, negativeHits: 0, redisHits: 0, fetches: 0 };

  async function fromRedis(host: string): Promise<TenantSnapshot | null> {
    if (!options.redis) return null;
    try {
      const raw = await options.redis.get(prefix + host);
      return raw ? (JSON.parse(raw) as TenantSnapshot) : null;
    } catch (err) {
      options.onError?.(err);
      return null;
    }
  }

  async function toRedis(snapshot: TenantSnapshot, hosts: string[]): Promise<void> {
    if (!options.redis || hosts.length === 0) return;
    try {
      const multi = options.redis.multi();
      for (const host of hosts) multi.set(prefix + host, JSON.stringify(snapshot), 'EX', redisTtl);
      await multi.exec();
    } catch (err) {
      options.onError?.(err);
    }
  }

  async function load(host: string): Promise<TenantSnapshot | null> {
    const cached = await fromRedis(host);
    if (cached) {
      counters.redisHits++;
      remember(host, cached);
      return cached;
    }
    counters.fetches++;
    const fetched = await options.fetchByHost(host);
    if (!fetched) {
      unknown.set(host, true);
      return null;
    }
    remember(host, fetched);
    await toRedis(fetched, [host]);
    return fetched;
  }

  function remember(host: string, snapshot: TenantSnapshot): void {
    const current = local.get(host);
    if (!current || current.version <= snapshot.version) local.set(host, snapshot);
  }

  return {
    async resolve(rawHost) {
      const host = normalizeHost(rawHost);
      if (!host) return null;
      const hit = local.get(host);
      if (hit) {
        counters.hits++;
        return hit;
      }
      if (unknown.has(host)) {
        counters.negativeHits++;
        return null;
      }
      let pending = inFlight.get(host);
      if (!pending) {
        pending = load(host).finally(() => inFlight.delete(host));
        inFlight.set(host, pending);
      }
      return pending;
    },

    peek(rawHost) {
      const host = normalizeHost(rawHost);
      const hit = host ? local.get(host) : undefined;
      if (hit) counters.hits++;
      return hit;
    },

    async apply(snapshot, previousHosts = []) {
      for (const host of previousHosts) {
        if (!snapshot.hosts.includes(host)) local.delete(host);
      }
      if (options.redis && previousHosts.length) {
        const gone = previousHosts.filter((h) => !snapshot.hosts.includes(h));
        if (gone.length) await options.redis.del(...gone.map((h) => prefix + h)).catch(options.onError);
      }
      for (const host of snapshot.hosts) {
        unknown.delete(host);
        remember(host, snapshot);
      }
      await toRedis(snapshot, snapshot.hosts);
    },

    clear() {
      local.clear();
      unknown.clear();
    },

    stats: () => ({ ...counters }),
  };
}
