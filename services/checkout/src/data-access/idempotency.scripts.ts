/**
 * An Idempotency-Key is two keys under the tenant's hash tag: the record (a hash with
 * `fingerprint`, then `request` once the order request is known, then `answer` once final; kept
 * IDEMPOTENCY_TTL) and the lock (`SET NX PX`, the running request's owner token, IDEMPOTENCY_LOCK).
 * KEYS[1] the record, KEYS[2] the lock.
 */

/** ARGV[1] fingerprint, [2] owner, [3] lock ms, [4] record ms. */
export const CLAIM = `
local fingerprint = redis.call('HGET', KEYS[1], 'fingerprint')
if fingerprint and fingerprint ~= ARGV[1] then return {'mismatch'} end
local answer = redis.call('HGET', KEYS[1], 'answer')
if answer then return {'done', answer} end
if not redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then return {'busy'} end
if not fingerprint then
  redis.call('HSET', KEYS[1], 'fingerprint', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
local request = redis.call('HGET', KEYS[1], 'request')
if request then return {'claimed', request} end
return {'claimed'}`;

/** ARGV[1] owner, [2] the answer (JSON). The answer is kept even if the lock was lost meanwhile. */
export const COMPLETE = `
redis.call('HSET', KEYS[1], 'answer', ARGV[2])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1`;

/** ARGV[1] owner. Only the owner releases; a record without a saved request is forgotten. */
export const RELEASE = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[2])
if redis.call('HEXISTS', KEYS[1], 'request') == 0 and redis.call('HEXISTS', KEYS[1], 'answer') == 0 then
  redis.call('DEL', KEYS[1])
end
return 1`;
