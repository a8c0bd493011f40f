import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@fleet/errors';
import type { Realm } from './realms';

export interface ThrottleLimit {
  /** Attempts allowed in the window; the next one is refused until the block ends. */
  attempts: number;
  windowSeconds: number;
}

export interface LoginThrottleOptions {
  redis: Redis;
  /** REDIS_PREFIX of the deployment. */
  prefix: string;
  perAccount?: ThrottleLimit;
  perIp?: ThrottleLimit;
}

export interface LoginAttempt {
  /** The credentials were right: forget the account's failures and refund the IP's attempt. */
  succeeded(): Promise<void>;
}

export interface LoginThrottle {
  /** Counts an attempt before the password is checked; a blocked account or IP is a 429. */
  begin(who: { scope: string; realm: Realm; email: string; ip?: string }): Promise<LoginAttempt>;
}

const DEFAULT_ACCOUNT: ThrottleLimit = { attempts: 5, windowSeconds: 15 * 60 };
const DEFAULT_IP: ThrottleLimit = { attempts: 50, windowSeconds: 15 * 60 };

/**
 * Counting before checking (rather than after a failure) makes the limit hold under concurrent
 * guesses. Keys carry the tenant hash tag so they shard with the tenant on Redis Cluster; the
 * email is hashed so no address sits in Redis.
 */
export function createLoginThrottle(options: LoginThrottleOptions): LoginThrottle {
  const limiter = (limit: ThrottleLimit) =>
    new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix: '',
      points: limit.attempts,
      duration: limit.windowSeconds,
      blockDuration: limit.windowSeconds,
    });
  const account = limiter(options.perAccount ?? DEFAULT_ACCOUNT);
  const ip = limiter(options.perIp ?? DEFAULT_IP);

  return {
    async begin({ scope, realm, email, ip: clientIp }) {
      const base = `${options.prefix}{t:${scope}}:identity:login`;
      const accountKey = `${base}:${realm}:${createHash('sha256').update(email).digest('base64url')}`;
      // Without an address (not through the gateway) only the account is counted: one shared
      // "unknown" bucket would let anyone lock a whole store out.
      const ipKey = clientIp ? `${base}:ip:${clientIp}` : undefined;
      const results = await Promise.allSettled([
        account.consume(accountKey),
        ...(ipKey ? [ip.consume(ipKey)] : []),
      ]);
      refuseWhenBlocked(results);
      return {
        async succeeded() {
          await Promise.all([account.delete(accountKey), ipKey && ip.reward(ipKey, 1)]);
        },
      };
    },
  };
}

function refuseWhenBlocked(results: PromiseSettledResult<RateLimiterRes>[]): void {
  const refusals: unknown[] = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  if (refusals.length === 0) return;
  const failure = refusals.find((r) => !(r instanceof RateLimiterRes));
  if (failure !== undefined) {
    throw new AppError('unavailable', 'Sign-in is temporarily unavailable.', { cause: failure });
  }
  const waitMs = Math.max(...(refusals as RateLimiterRes[]).map((r) => r.msBeforeNext));
  throw new AppError('rate_limited', 'Too many sign-in attempts. Try again later.', {
    code: 'too_many_attempts',
    retryAfter: Math.max(1, Math.ceil(waitMs / 1000)),
  });
}
