import type Redis from 'ioredis';
import { apiCallsKey, USAGE_RETENTION_SECONDS } from '@fleet/tenancy';

export interface UsageCounter {
  /** Counts one API call of this tenant today (UTC), in memory: no Redis round trip. */
  count(tenantId: string): void;
  /** Writes what was counted since the last flush in one pipeline. */
  flush(): Promise<void>;
  /** Stops the timer and flushes what is left (shutdown). */
  close(): Promise<void>;
}

export interface UsageCounterOptions {
  redis: Redis;
  /** REDIS_PREFIX. */
  prefix: string;
  /** Default 1 s. */
  flushIntervalMs?: number;
  /** Counters expire this long after their last write. Default USAGE_RETENTION_SECONDS. */
  retentionSeconds?: number;
  now?: () => number;
  onError?(err: unknown): void;
}

const DAY_MS = 86_400_000;

/**
 * API calls per tenant per UTC day (`apiCallsKey`), batched in process and flushed about every
 * second with one pipeline of INCRBY + EXPIRE. A failed flush puts its counts back for the next.
 */
export function createUsageCounter(options: UsageCounterOptions): UsageCounter {
  const now = options.now ?? Date.now;
  const retention = options.retentionSeconds ?? USAGE_RETENTION_SECONDS;
  /** UTC day start (epoch ms) -> tenant id -> calls not yet written. */
  let pending = new Map<number, Map<string, number>>();
  let today = { start: 0, end: 0, counts: new Map<string, number>() };
  let flushing: Promise<void> = Promise.resolve();

  function countsOfToday(): Map<string, number> {
    const t = now();
    if (t >= today.end || t < today.start) {
      const start = t - (t % DAY_MS);
      let counts = pending.get(start);
      if (!counts) {
        counts = new Map();
        pending.set(start, counts);
      }
      today = { start, end: start + DAY_MS, counts };
    }
    return today.counts;
  }

  async function write(batch: Map<number, Map<string, number>>): Promise<void> {
    const pipeline = options.redis.pipeline();
    for (const [day, counts] of batch) {
      for (const [tenantId, calls] of counts) {
        const key = apiCallsKey(options.prefix, tenantId, new Date(day));
        pipeline.incrby(key, calls).expire(key, retention);
      }
    }
    if (pipeline.length === 0) return;
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err)?.[0];
    if (failed) throw failed;
  }

  function putBack(batch: Map<number, Map<string, number>>): void {
    for (const [day, counts] of batch) {
      let into = pending.get(day);
      if (!into) {
        into = new Map();
        pending.set(day, into);
      }
      for (const [tenantId, calls] of counts) into.set(tenantId, (into.get(tenantId) ?? 0) + calls);
    }
  }

  function flushOnce(): Promise<void> {
    const batch = pending;
    pending = new Map();
    today = { start: 0, end: 0, counts: new Map() };
    return write(batch).catch((err: unknown) => {
      putBack(batch);
      options.onError?.(err);
    });
  }

  const flush = (): Promise<void> => {
    flushing = flushing.then(flushOnce);
    return flushing;
  };
  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 1_000);
  timer.unref();

  return {
    count(tenantId) {
      const counts = countsOfToday();
      counts.set(tenantId, (counts.get(tenantId) ?? 0) + 1);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
