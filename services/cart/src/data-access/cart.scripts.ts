/**
 * Lua scripts of the cart store: each runs atomically in one round trip, so concurrent writes to
 * one cart never lose each other. A cart is a hash: `_c` (created, epoch ms), `_u` (the customer
 * it is bound to), `_x:<checkoutId>` (orders already taken out), and one `li_…` field per line
 * holding `{"v": variantId, "q": quantity, "t": addedAt}`. Every key of one tenant shares the hash
 * tag `{t:<tenantId>}`, so the scripts that touch several keys stay in one Redis Cluster slot.
 */

/**
 * Line-level scripts: KEYS[1] the cart, KEYS[2] the acting customer's pointer (KEYS[1] again for
 * anyone else); ARGV[1] the acting customer id or '', ARGV[2] the TTL in ms. `open()` refuses a
 * missing cart or another customer's, then refreshes the TTLs.
 */
const PRELUDE = `
local function open()
  if redis.call('HEXISTS', KEYS[1], '_c') == 0 then return false end
  local owner = redis.call('HGET', KEYS[1], '_u')
  if owner and ARGV[1] ~= '' and owner ~= ARGV[1] then return false end
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  if owner and owner == ARGV[1] then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
  return true
end
local function reply(status, key) return {status, redis.call('HGETALL', key or KEYS[1])} end
local function count_lines(key)
  local n = 0
  for _, f in ipairs(redis.call('HKEYS', key)) do
    if string.sub(f, 1, 3) == 'li_' then n = n + 1 end
  end
  return n
end
`;

export const READ = `${PRELUDE}
if not open() then return false end
return reply('ok')`;

/** ARGV[3] line field, [4] variant id, [5] quantity to add, [6] max quantity, [7] max lines, [8] now. */
export const ADD_LINE = `${PRELUDE}
if not open() then return false end
local max = tonumber(ARGV[6])
local q = tonumber(ARGV[5])
local t = ARGV[8]
local current = redis.call('HGET', KEYS[1], ARGV[3])
if current then
  local line = cjson.decode(current)
  q = q + line.q
  t = line.t
elseif count_lines(KEYS[1]) >= tonumber(ARGV[7]) then
  return reply('full')
end
if q > max then q = max end
redis.call('HSET', KEYS[1], ARGV[3], cjson.encode({v = ARGV[4], q = q, t = t}))
return reply('ok')`;

/** ARGV[3] line field, [4] the new quantity. */
export const SET_QUANTITY = `${PRELUDE}
if not open() then return false end
local current = redis.call('HGET', KEYS[1], ARGV[3])
if not current then return reply('no_line') end
local line = cjson.decode(current)
line.q = tonumber(ARGV[4])
redis.call('HSET', KEYS[1], ARGV[3], cjson.encode(line))
return reply('ok')`;

/** ARGV[3] line field. */
export const REMOVE_LINE = `${PRELUDE}
if not open() then return false end
if redis.call('HDEL', KEYS[1], ARGV[3]) == 0 then return reply('no_line') end
return reply('ok')`;

/** ARGV[3] the checkout marker field, then pairs of (line field, quantity ordered). */
export const REMOVE_ORDERED = `${PRELUDE}
if not open() then return false end
if redis.call('HSETNX', KEYS[1], ARGV[3], '1') == 1 then
  for i = 4, #ARGV - 1, 2 do
    local current = redis.call('HGET', KEYS[1], ARGV[i])
    if current then
      local line = cjson.decode(current)
      line.q = line.q - tonumber(ARGV[i + 1])
      if line.q > 0 then
        redis.call('HSET', KEYS[1], ARGV[i], cjson.encode(line))
      else
        redis.call('HDEL', KEYS[1], ARGV[i])
      end
    end
  end
end
return reply('ok')`;

/**
 * KEYS[1] the new cart, KEYS[2] the customer's pointer; ARGV[1] customer id, [2] TTL ms, [3] the
 * pointer value the caller saw ('' for none), [4] the new cart id, [5] now. Nil when the pointer
 * changed meanwhile (another request bound a cart first: the caller reads that one).
 */
export const CREATE_FOR_CUSTOMER = `
if (redis.call('GET', KEYS[2]) or '') ~= ARGV[3] then return false end
redis.call('HSET', KEYS[1], '_c', ARGV[5], '_u', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[2])
return {'ok', redis.call('HGETALL', KEYS[1])}`;

/**
 * KEYS[1] the guest cart, KEYS[2] the customer's pointer, KEYS[3] the cart the pointer named
 * (KEYS[1] when none); ARGV[1] customer id, [2] TTL ms, [3] the pointer value the caller saw,
 * [4] the guest cart id, [5] max quantity, [6] max lines. A customer without a live cart takes
 * the guest cart over; otherwise lines are summed into theirs (capped; lines past the limit are
 * dropped) and the guest cart is deleted. Answers 'adopted' or 'merged' with the customer's
 * cart, nil for a missing or foreign guest cart, 'retry' when the pointer changed meanwhile.
 */
export const MERGE = `${PRELUDE}
if (redis.call('GET', KEYS[2]) or '') ~= ARGV[3] then return {'retry'} end
if redis.call('HEXISTS', KEYS[1], '_c') == 0 then return false end
local owner = redis.call('HGET', KEYS[1], '_u')
if owner and owner ~= ARGV[1] then return false end
if KEYS[3] == KEYS[1] or redis.call('HEXISTS', KEYS[3], '_c') == 0 then
  redis.call('HSET', KEYS[1], '_u', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[2])
  return reply('adopted')
end
local max = tonumber(ARGV[5])
local lines = count_lines(KEYS[3])
local guest = redis.call('HGETALL', KEYS[1])
for i = 1, #guest, 2 do
  local field = guest[i]
  if string.sub(field, 1, 3) == 'li_' then
    local line = cjson.decode(guest[i + 1])
    local current = redis.call('HGET', KEYS[3], field)
    if current then
      local mine = cjson.decode(current)
      mine.q = math.min(mine.q + line.q, max)
      redis.call('HSET', KEYS[3], field, cjson.encode(mine))
    elseif lines < tonumber(ARGV[6]) then
      line.q = math.min(line.q, max)
      redis.call('HSET', KEYS[3], field, cjson.encode(line))
      lines = lines + 1
    end
  end
end
redis.call('DEL', KEYS[1])
redis.call('PEXPIRE', KEYS[3], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return reply('merged', KEYS[3])`;
