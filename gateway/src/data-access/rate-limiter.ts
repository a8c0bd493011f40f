import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import {
  BURST_WINDOW_SECONDS,
  CLIENT_IP_LIMIT,
  PLAN_LIMITS,
  limitForPlan,
  type PlanLimits,
  type RateLimit,
} from '../domain/plan-limits';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RequestRateLimiter {
  /** Counts one request of this tenant against its plan's limit. */
  consumeTenant(tenantId: string, plan: string): Promise<RateDecision>;
  /** Counts one request that has no tenant (apex, console) against the client IP's limit. */
  consumeClientIp(ip: string): Promise<RateDecision>;
}

export interface RateLimiterOptions {
  redis: Redis;
  /** REDIS_PREFIX: every key starts with it. */
  prefix: string;
  plans?: PlanLimits;
  clientIpLimit?: RateLimit;
  burstWindowSeconds?: number;
  /** Called when the limiter itself fails (the request is then let through). */
  onError?(err: unknown): void;
}

const ALLOWED: RateDecision = { allowed: true };

/**
 * Rate limits shared by every gateway through Redis (rate-limiter-flexible). Each limit is two
 * counters, as rate-limiter-flexible's BurstyRateLimiter composes them but with keys we name: a
 * 1-second window of `perSecond`, and when that is spent, a burst allowance of
 * `burst - perSecond` per burst window. A tenant's keys carry its hash tag (`{t:<id>}`).
 *
 * Redis is spared twice: once a counter is spent, the key is blocked in memory until its window
 * ends (`inMemoryBlockOnConsumed`), so a tenant over its limit costs no Redis call at all; and if
 * Redis is unreachable, an in-memory limiter of the same size answers instead (`insuranceLimiter`).
 */
export function createRateLimiter(options: RateLimiterOptions): RequestRateLimiter {
  const plans = options.plans ?? PLAN_LIMITS;
  const burstWindow = options.burstWindowSeconds ?? BURST_WINDOW_SECONDS;
  const byLimit = new Map<RateLimit, BurstyLimiter>();
  const limiterFor = (limit: RateLimit): BurstyLimiter => {
    let limiter = byLimit.get(limit);
    if (!limiter) {
      limiter = burstyLimiter(options.redis, limit, burstWindow);
      byLimit.set(limit, limiter);
    }
    return limiter;
  };
  Object.values(plans).forEach(limiterFor);
  const ipLimiter = limiterFor(options.clientIpLimit ?? CLIENT_IP_LIMIT);

  async function consume(limiter: BurstyLimiter, key: string): Promise<RateDecision> {
    try {
      return await limiter(key);
    } catch (err) {
      options.onError?.(err);
      return ALLOWED;
    }
  }

  return {
    consumeTenant: (tenantId, plan) =>
      consume(limiterFor(limitForPlan(plans, plan)), `${options.prefix}{t:${tenantId}}:rl`),
    consumeClientIp: (ip) => consume(ipLimiter, `${options.prefix}rl:ip:${ip}`),
  };
}

type BurstyLimiter = (key: string) => Promise<RateDecision>;

function burstyLimiter(redis: Redis, limit: RateLimit, burstWindowSeconds: number): BurstyLimiter {
  const sustained = redisLimiter(redis, limit.perSecond, 1);
  const extra = limit.burst - limit.perSecond;
  const burst = extra > 0 ? redisLimiter(redis, extra, burstWindowSeconds) : undefined;
  return async (key) => {
    try {
      await sustained.consume(`${key}:sec`);
      return ALLOWED;
    } catch (spent) {
      if (!(spent instanceof RateLimiterRes)) throw spent;
      if (burst && (await burstAllows(burst, `${key}:burst`))) return ALLOWED;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(spent.msBeforeNext / 1000)) };
    }
  };
}

async function burstAllows(burst: RateLimiterRedis, key: string): Promise<boolean> {
  try {
    await burst.consume(key);
    return true;
  } catch (spent) {
    if (!(spent instanceof RateLimiterRes)) throw spent;
    return false;
  }
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
