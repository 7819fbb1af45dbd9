-- Charges (positive) or refunds (negative) tokens: a charge may leave the bucket below zero, a
-- refund never fills it beyond full. ARGV: now (ms), period (ms), capacity, tokens.
local now, period = tonumber(ARGV[1]), tonumber(ARGV[2])
local capacity, tokens = tonumber(ARGV[3]), tonumber(ARGV[4])
local level, at = level_of(KEYS[1], capacity, period, now)
store(KEYS[1], math.min(capacity * period, level - tokens * period), at, capacity, period)
return 1
