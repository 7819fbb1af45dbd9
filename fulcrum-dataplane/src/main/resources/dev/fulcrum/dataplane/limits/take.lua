-- Takes from every bucket in KEYS, or from none. ARGV: now (ms), period (ms), then per key its
-- capacity and the amount to take. Returns {1} when taken, else {0, index, wait_ms} for the
-- bucket (1-based) that needs the longest wait.
local now, period = tonumber(ARGV[1]), tonumber(ARGV[2])
local levels, ats = {}, {}
local worst, worst_wait = 0, 0
for i, key in ipairs(KEYS) do
  local capacity, amount = tonumber(ARGV[1 + 2 * i]), tonumber(ARGV[2 + 2 * i])
  levels[i], ats[i] = level_of(key, capacity, period, now)
  local missing = amount * period - levels[i]
  if missing > 0 then
    local wait = math.ceil(missing / capacity)
    if wait > worst_wait then
      worst, worst_wait = i, wait
    end
  end
end
if worst > 0 then
  return {0, worst, worst_wait}
end
for i, key in ipairs(KEYS) do
  local capacity, amount = tonumber(ARGV[1 + 2 * i]), tonumber(ARGV[2 + 2 * i])
  store(key, levels[i] - amount * period, ats[i], capacity, period)
end
return {1}
