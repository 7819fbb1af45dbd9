-- Token buckets shared by every gateway replica (RedisCounters). A bucket is a hash
-- {level, at}: its level in token-milliseconds (tokens x period), so that a refill of
-- `capacity` tokens per period adds exactly `capacity` per elapsed millisecond and every value
-- is an integer that doubles hold exactly (capacity <= 1e9, period 60000 ms). `at` only moves
-- forward, so a replica whose clock lags never refills the same interval twice. An absent key
-- is a full bucket; a full bucket is deleted, and every other one expires once it would be
-- full again.

local function level_of(key, capacity, period, now)
  local full = capacity * period
  local state = redis.call('HMGET', key, 'level', 'at')
  if not state[1] then
    return full, now
  end
  local level, at = tonumber(state[1]), tonumber(state[2])
  if now > at then
    level = math.min(full, level + (now - at) * capacity)
    at = now
  end
  return level, at
end

local function store(key, level, at, capacity, period)
  local full = capacity * period
  if level >= full then
    redis.call('DEL', key)
    return
  end
  redis.call('HSET', key, 'level', string.format('%.0f', level), 'at', string.format('%.0f', at))
  redis.call('PEXPIRE', key, math.ceil((full - level) / capacity) + 1000)
end
