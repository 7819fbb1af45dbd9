package dev.fulcrum.dataplane.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.routing.TokenEstimate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Limiter}: buckets per tenant in {@link RateCounters}, reservations by request id. */
final class TenantLimiter implements Limiter {
  private static final Logger log = LoggerFactory.getLogger(TenantLimiter.class);
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);

  private final RateCounters counters;
  private final Map<String, TenantLimits> limits;
  private final Spending spending;
  private final InstantSource clock;
  private final String keyPrefix;
  private final Cache<String, Reservation> reservations;
  private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

  TenantLimiter(Limiter.Builder builder) {
    this.counters = builder.counters;
    this.limits = builder.limits;
    this.spending = builder.spending;
    this.clock = builder.clock;
    this.keyPrefix = builder.keyPrefix;
    InstantSource time = builder.clock;
    this.reservations = Caffeine.newBuilder()
        .expireAfterWrite(builder.reservationTimeout)
        .ticker(() -> epochNanos(time.instant()))
        .executor(Runnable::run)
        .build();
  }

  @Override
  public CompletionStage<Admitted> admit(RequestContext context, String model,
      TokenEstimate estimate) {
    Tenant tenant = context.tenant();
    TenantLimits limit = limits.getOrDefault(tenant.id(), TenantLimits.NONE);
    List<Take> takes = new ArrayList<>(2);
    if (limit.limitsRequests()) {
      takes.add(new Take(requests(tenant, limit), 1));
    }
    long reserve = limit.limitsTokens()
        ? Math.min(estimate.prompt() + estimate.completion(), limit.tokensPerMinute()) : 0;
    if (reserve > 0) {
      takes.add(new Take(tokens(tenant, limit), reserve));
    }
    if (takes.isEmpty()) {
      return CompletableFuture.completedFuture(budget(tenant, limit));
    }
    return counters.take(takes).handle((verdict, failure) -> {
      if (failure != null) {
        warnUnreachable(failure);
        return budget(tenant, limit);
      }
      return switch (verdict) {
        case Verdict.Granted granted -> {
          if (reserve > 0) {
            reservations.put(context.requestId(), new Reservation(tokens(tenant, limit), reserve));
          }
          yield budget(tenant, limit);
        }
        case Verdict.Refused refused -> throw new CompletionException(overLimit(tenant, limit,
            refused, reserve));
      };
    });
  }

  @Override
  public void observe(Outcome outcome) {
    Reservation reservation = reservations.asMap().remove(outcome.context().requestId());
    if (reservation == null) {
      return;
    }
    long used = switch (outcome) {
      case Outcome.Completed completed -> completed.usage().totalTokens() == 0
          ? reservation.tokens() : completed.usage().totalTokens();
      case Outcome.Failed failed -> 0;
    };
    long difference = used - reservation.tokens();
    if (difference != 0) {
      counters.adjust(reservation.quota(), difference).exceptionally(failure -> {
        warnUnreachable(failure);
        return null;
      });
    }
  }

  private Quota requests(Tenant tenant, TenantLimits limit) {
    return new Quota(requestsKey(tenant), limit.requestsPerMinute());
  }

  private Quota tokens(Tenant tenant, TenantLimits limit) {
    return new Quota(keyPrefix + "{" + tenant.id() + "}:tokens", limit.tokensPerMinute());
  }

  /** The tenant's buckets share a hash tag, so one Redis Cluster node holds both. */
  private String requestsKey(Tenant tenant) {
    return keyPrefix + "{" + tenant.id() + "}:requests";
  }

  private Admitted budget(Tenant tenant, TenantLimits limit) {
    if (!limit.hasBudget()) {
      return Admitted.WITHIN_BUDGET;
    }
    double spent = spending.monthToDateUsd(tenant.id());
    if (spent < limit.monthlyBudgetUsd()) {
      return Admitted.WITHIN_BUDGET;
    }
    return new Admitted(true, "monthly budget " + Dollars.format(limit.monthlyBudgetUsd())
        + " for tenant " + tenant.id() + " (" + Dollars.format(spent) + " spent)");
  }

  private RateLimitedException overLimit(Tenant tenant, TenantLimits limit,
      Verdict.Refused refused, long reserved) {
    long seconds = Math.max(1, ceilSeconds(refused.retryAfter()));
    String what = refused.limiting().quota().key().equals(requestsKey(tenant))
        ? limit.requestsPerMinute() + " requests per minute"
        : limit.tokensPerMinute() + " tokens per minute (this request reserves " + reserved
            + " tokens: its prompt and max_tokens)";
    return new RateLimitedException("tenant " + tenant.id() + " is over its " + what
        + "; retry in " + seconds + " s", Duration.ofSeconds(seconds));
  }

  private static long ceilSeconds(Duration retryAfter) {
    long seconds = retryAfter.toSeconds();
    return retryAfter.toNanosPart() > 0 ? seconds + 1 : seconds;
  }

  private void warnUnreachable(Throwable failure) {
    Instant now = clock.instant();
    Instant last = lastWarning.get();
    if (now.isAfter(last.plus(WARN_EVERY)) && lastWarning.compareAndSet(last, now)) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      log.warn("rate limits are not enforced: {} failed ({}); admitting requests until it "
          + "answers (this warning repeats at most once a minute)", counters, cause.toString());
    }
  }

  private static long epochNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  @Override
  public String toString() {
    return "Limiter[" + limits.size() + " tenants with limits, " + counters + "]";
  }
}
