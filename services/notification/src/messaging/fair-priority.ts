import type Redis from 'ioredis';

/** BullMQ's highest (least urgent) priority. */
export const MAX_PRIORITY = 2 ** 21 - 1;
/** Past this virtual time the clock starts again from 0 once the queue is empty. */
const REBASE_AFTER = 1_000_000;

// KEYS: clock hash, tenant's tag, BullMQ's prioritized zset, BullMQ's wait list.
// A new job's tag is max(clock, tenant's last tag) + 1: a tenant with nothing queued starts at the
// clock (the tag of the job last started), one with 10,000 queued goes behind its own backlog.
const ADMIT = `
local epoch = tonumber(redis.call('HGET', KEYS[1], 'epoch') or '0')
local clock = tonumber(redis.call('HGET', KEYS[1], 'clock') or '0')
if clock > tonumber(ARGV[2]) and redis.call('ZCARD', KEYS[3]) == 0 and redis.call('LLEN', KEYS[4]) == 0 then
  epoch = epoch + 1
  clock = 0
  redis.call('HSET', KEYS[1], 'epoch', epoch, 'clock', 0)
end
local last = 0
local kept = redis.call('GET', KEYS[2])
if kept then
  local sep = string.find(kept, ':')
  if tonumber(string.sub(kept, 1, sep - 1)) == epoch then last = tonumber(string.sub(kept, sep + 1)) end
end
local tag = math.max(clock, last) + 1
redis.call('SET', KEYS[2], epoch .. ':' .. tag, 'EX', ARGV[1])
return tag`;

const ADVANCE = `
local clock = tonumber(redis.call('HGET', KEYS[1], 'clock') or '0')
if tonumber(ARGV[1]) > clock then redis.call('HSET', KEYS[1], 'clock', ARGV[1]) end
return 1`;

/**
 * Per-tenant fairness on one BullMQ queue (BullMQ OSS has no groups): start-time fair queuing
 * with BullMQ priorities. Every tenant's jobs get increasing virtual tags and the worker advances
 * a shared clock to the tag of each job it starts; BullMQ runs the lowest priority first, so the
 * queue serves tenants round robin: one store's 10,000 queued e-mails hold tags far ahead of
 * the clock, and another store's next e-mail gets the clock's tag + 1, the very next slot.
 */
export function createFairPriority(redis: Redis, keyBase: string, { tenantTtlSeconds = 86_400 } = {}) {
  const clockKey = `${keyBase}:fair:clock`;
  return {
    /** The priority of a new job of this tenant. */
    async admit(tenantId: string): Promise<number> {
      const tag = (await redis.eval(
        ADMIT,
        4,
        clockKey,
        `${keyBase}:fair:t:${tenantId}`,
        `${keyBase}:prioritized`,
        `${keyBase}:wait`,
        tenantTtlSeconds,
        REBASE_AFTER,
      )) as number;
      return Math.min(Math.max(1, tag), MAX_PRIORITY);
    },
    /** A job with this priority starts: the clock moves to it. */
    async started(priority: number): Promise<void> {
      await redis.eval(ADVANCE, 1, clockKey, priority);
    },
  };
}

export type FairPriority = ReturnType<typeof createFairPriority>;
