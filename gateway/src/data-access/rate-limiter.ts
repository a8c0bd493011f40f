import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { clientKeyOf } from '../domain/client-key';
import {
  BURST_WINDOW_SECONDS,
  CLIENT_IP_LIMIT,
  PLAN_LIMITS,
  STORE_CLIENT_SHARE,
  UNKNOWN_HOST_LIMIT,
  clientShareOf,
  limitForPlan,
  type PlanLimits,
  type RateLimit,
} from '../domain/plan-limits';
import { createMemoryRateLimiter } from './memory-rate-limiter';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RequestRateLimiter {
  /** Counts one request of this tenant against its plan's limit. */
  consumeTenant(tenantId: string, plan: string): Promise<RateDecision>;
  /** Counts one request that has no tenant (apex, console) against the client IP's limit. */
  consumeClientIp(ip: string): Promise<RateDecision>;
  /**
   * Counts one request of a client (IPv4 address / IPv6 /64) on a store against its share of the
   * store's limit: in memory, no Redis call. Checked before the store's own limit, so what a
   * client is refused does not spend the store's budget.
   */
  consumeStoreClient(tenantId: string, plan: string, ip: string): RateDecision;
  /** Counts one request for a store host not known in memory, per client, before any lookup. */
  consumeUnknownHost(ip: string): RateDecision;
}

export interface RateLimiterOptions {
  redis: Redis;
  /** REDIS_PREFIX: every key starts with it. */
  prefix: string;
  plans?: PlanLimits;
  clientIpLimit?: RateLimit;
  burstWindowSeconds?: number;
  /** The part of a store's limit one client may use (default STORE_CLIENT_SHARE). */
  storeClientShare?: number;
  unknownHostLimit?: RateLimit;
  /** Called when the limiter itself fails (the requests are then let through). */
  onError?(err: unknown): void;
}

const ALLOWED: RateDecision = { allowed: true };

/**
 * Rate limits shared by every gateway through Redis (rate-limiter-flexible). Each limit is two
 * counters, as rate-limiter-flexible's BurstyRateLimiter composes them but with keys we name: a
 * 1-second window of `perSecond`, and when that is spent, a burst allowance of
 * `burst - perSecond` per burst window. A tenant's keys carry its hash tag (`{t:<id>}`).
 *
 * Redis is spared four ways. Requests of one key that arrive in the same event-loop turn are
 * counted with one call (`consume(key, n)`: the same INCRBY the calls one by one would make).
 * A busy key takes a lease: each call asks for at least 1% of the per-second allowance and the
 * requests that follow spend the rest from memory until the window ends (a tenant of 2,000/s
 * reaches Redis about once per 20 requests). What a lease leaves unspent at the end of its window
 * is lost, so with G gateway processes a tenant may be refused up to G% below its limit.
 * Once a counter is spent, the key is blocked in memory until its window ends
 * (`inMemoryBlockOnConsumed`), so a tenant over its limit costs no Redis call at all. And if
 * Redis is unreachable, an in-memory limiter of the same size answers instead (`insuranceLimiter`).
 */
export function createRateLimiter(options: RateLimiterOptions): RequestRateLimiter {
  const plans = options.plans ?? PLAN_LIMITS;
  const burstWindow = options.burstWindowSeconds ?? BURST_WINDOW_SECONDS;
  const byLimit = new Map<RateLimit, KeyedLimiter>();
  const limiterFor = (limit: RateLimit): KeyedLimiter => {
    let limiter = byLimit.get(limit);
    if (!limiter) {
      limiter = batching(
        burstyLimiter(options.redis, limit, burstWindow),
        leaseSizeOf(limit),
        options.onError,
      );
      byLimit.set(limit, limiter);
    }
    return limiter;
  };
  Object.values(plans).forEach(limiterFor);
  const ipLimiter = limiterFor(options.clientIpLimit ?? CLIENT_IP_LIMIT);
  const memory = createMemoryRateLimiter({ burstWindowSeconds: burstWindow });
  const share = options.storeClientShare ?? STORE_CLIENT_SHARE;
  const shares = new Map<RateLimit, RateLimit>();
  const shareOf = (limit: RateLimit): RateLimit => {
    let client = shares.get(limit);
    if (!client) shares.set(limit, (client = clientShareOf(limit, share)));
    return client;
  };
  const unknownHostLimit = options.unknownHostLimit ?? UNKNOWN_HOST_LIMIT;

  return {
    consumeTenant: (tenantId, plan) =>
      limiterFor(limitForPlan(plans, plan))(`${options.prefix}{t:${tenantId}}:rl`),
    consumeClientIp: (ip) => ipLimiter(`${options.prefix}rl:ip:${clientKeyOf(ip)}`),
    consumeStoreClient: (tenantId, plan, ip) =>
      memory.consume(`c|${tenantId}|${clientKeyOf(ip)}`, shareOf(limitForPlan(plans, plan))),
    consumeUnknownHost: (ip) => memory.consume(`u|${clientKeyOf(ip)}`, unknownHostLimit),
  };
}

type KeyedLimiter = (key: string) => Promise<RateDecision>;

/** Points a call takes at least: 1% of the per-second allowance (1, no lease, below 200/s). */
export const leaseSizeOf = (limit: RateLimit): number => Math.max(1, Math.floor(limit.perSecond / 100));

/** Points already granted by Redis and not yet spent, until the window they came from ends. */
interface Lease {
  left: number;
  until: number;
}

/** Leases are per tenant (IP limits are too small to lease); the map is bounded all the same. */
const MAX_LEASES = 10_000;

/** How many of `n` requests of one key may pass, and when the window that refused the rest ends. */
type BatchLimiter = (key: string, n: number) => Promise<{ granted: number; msBeforeNext: number }>;

/**
 * Spends a key's lease while it lasts; otherwise collects the requests of the key until the end of
 * the event-loop turn, then asks once for all of them (and at least `leaseSize` points): the first
 * `granted` pass, in arrival order, and what is granted beyond them becomes the key's lease.
 */
function batching(limiter: BatchLimiter, leaseSize: number, onError?: (err: unknown) => void): KeyedLimiter {
  const waiting = new Map<string, Array<(decision: RateDecision) => void>>();
  const leases = new Map<string, Lease>();

  function keepLease(key: string, left: number, msBeforeNext: number): void {
    leases.delete(key);
    if (left <= 0) return;
    if (leases.size >= MAX_LEASES) leases.delete(leases.keys().next().value as string);
    leases.set(key, { left, until: Date.now() + msBeforeNext });
  }

  async function settle(key: string): Promise<void> {
    const waiters = waiting.get(key) ?? [];
    waiting.delete(key);
    let granted = waiters.length;
    let refused: RateDecision = ALLOWED;
    try {
      const outcome = await limiter(key, Math.max(waiters.length, leaseSize));
      granted = outcome.granted;
      refused = { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
      keepLease(key, granted - waiters.length, outcome.msBeforeNext);
    } catch (err) {
      onError?.(err);
    }
    waiters.forEach((resolve, i) => resolve(i < granted ? ALLOWED : refused));
  }

  return (key) => {
    const lease = leases.get(key);
    if (lease && lease.left > 0 && Date.now() < lease.until) {
      lease.left -= 1;
      return Promise.resolve(ALLOWED);
    }
    return new Promise<RateDecision>((resolve) => {
      const waiters = waiting.get(key);
      if (waiters) return void waiters.push(resolve);
      waiting.set(key, [resolve]);
      setImmediate(() => void settle(key));
    });
  };
}

function burstyLimiter(redis: Redis, limit: RateLimit, burstWindowSeconds: number): BatchLimiter {
  const sustained = redisLimiter(redis, limit.perSecond, 1);
  const extra = limit.burst - limit.perSecond;
  const burst = extra > 0 ? redisLimiter(redis, extra, burstWindowSeconds) : undefined;
  return async (key, n) => {
    const first = await take(sustained, `${key}:sec`, n);
    if (first.granted === n || !burst) return first;
    const second = await take(burst, `${key}:burst`, n - first.granted);
    return { granted: first.granted + second.granted, msBeforeNext: first.msBeforeNext };
  };
}

/**
 * Consumes `n` points and works out how many fit under the limit. A refusal increments the
 * counter all the same (rate-limiter-flexible counts every attempt), exactly as `n` single calls.
 */
async function take(limiter: RateLimiterRedis, key: string, n: number) {
  let res: RateLimiterRes;
  try {
    res = await limiter.consume(key, n);
  } catch (refused) {
    if (!(refused instanceof RateLimiterRes)) throw refused;
    res = refused;
  }
  // Refused from the in-memory block: nothing was counted and nothing fits.
  if (res.consumedPoints < n) return { granted: 0, msBeforeNext: res.msBeforeNext };
  const before = res.consumedPoints - n;
  return { granted: Math.max(0, Math.min(n, limiter.points - before)), msBeforeNext: res.msBeforeNext };
}

function redisLimiter(redis: Redis, points: number, duration: number): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: '',
    points,
    duration,
    inMemoryBlockOnConsumed: points,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: '', points, duration }),
  });
}
