package dev.fulcrum.dataplane.limits;

import dev.fulcrum.dataplane.observe.RequestObserver;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * Per-tenant rate limits, token quotas and monthly budgets: the {@link Admission} the pipeline
 * asks before routing, and the {@link RequestObserver} that corrects each request's token
 * reservation once its actual usage is known.
 *
 * <p><b>Requests per minute</b> take one token per request. <b>Tokens per minute</b> reserve the
 * request's estimate (prompt plus {@code max_tokens}, at most the whole minute's allowance) when
 * it is admitted; when it ends the difference to the usage the backend reported is refunded or
 * charged, so over time the bucket has paid exactly the tokens used. A failed request refunds
 * its reservation; an answer without reported usage keeps it. Both rates are taken together or
 * not at all. Over a limit, {@code admit} fails with a
 * {@link dev.fulcrum.core.error.RateLimitedException} whose message names the limit and whose
 * Retry-After comes from the bucket.
 *
 * <p>A <b>spent budget</b> does not fail admission: it is reported in {@link Admitted} so that
 * the router keeps only free routes (and answers 429 naming the budget when there are none).
 *
 * <p>If the counters cannot be reached (Redis down), requests are admitted without rate limits
 * and a warning is logged at most once a minute: an outage of the limiter's store does not take
 * the gateway down. Budgets are unaffected.
 *
 * <p>Thread-safe and non-blocking.
 */
public interface Limiter extends Admission, RequestObserver {

  /** Starts a limiter over {@code counters}, which the caller keeps and closes. */
  static Builder builder(RateCounters counters) {
    return new Builder(counters);
  }

  /** Configuration; everything but the counters has a default. */
  final class Builder {
    final RateCounters counters;
    Map<String, TenantLimits> limits = Map.of();
    Spending spending = Spending.NONE;
    InstantSource clock = InstantSource.system();
    String keyPrefix = "fulcrum:limits:";
    Duration reservationTimeout = Duration.ofMinutes(10);

    private Builder(RateCounters counters) {
      this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** Limits by tenant id; tenants not named have {@link TenantLimits#NONE} (default: none). */
    public Builder limits(Map<String, TenantLimits> value) {
      this.limits = Map.copyOf(value);
      return this;
    }

    /** Where month-to-date spend comes from (default: nothing is ever spent). */
    public Builder spending(Spending value) {
      this.spending = Objects.requireNonNull(value, "spending");
      return this;
    }

    /** The clock for messages and reservation expiry (default: system). */
    public Builder clock(InstantSource value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Prefix of every bucket key, e.g. to share one Redis (default {@code fulcrum:limits:}). */
    public Builder keyPrefix(String value) {
      this.keyPrefix = Objects.requireNonNull(value, "keyPrefix");
      return this;
    }

    /**
     * How long a token reservation waits for its request to end before it is forgotten and the
     * estimate stands (default 10 minutes; a stream the caller abandons never reports back).
     */
    public Builder reservationTimeout(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("reservationTimeout must be positive");
      }
      this.reservationTimeout = value;
      return this;
    }

    public Limiter build() {
      return new TenantLimiter(this);
    }
  }
}
