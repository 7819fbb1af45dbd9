package dev.fulcrum.dataplane.health;

import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.RateLimitedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live health of one backend: a Resilience4j circuit breaker, EWMAs of latency and errors,
 * calls in flight, and any cool-down an upstream asked for with {@code Retry-After}.
 * Thread-safe; every method is O(1).
 */
public final class BackendHealth {
  private final String backend;
  private final Clock clock;
  private final HealthSettings settings;
  private final CircuitBreaker breaker;
  private final Ewma latencyMicros;
  private final Ewma errors;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicReference<Instant> coolDownUntil = new AtomicReference<>(Instant.EPOCH);
  private volatile Instant openedAt = Instant.EPOCH;

  BackendHealth(String backend, HealthSettings settings, Clock clock) {
    this.backend = backend;
    this.clock = clock;
    this.settings = settings;
    this.breaker = CircuitBreaker.of(backend, CircuitBreakerConfig.custom()
        .failureRateThreshold(settings.failureRateThreshold())
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.windowSize())
        .minimumNumberOfCalls(settings.minimumCalls())
        .waitDurationInOpenState(settings.openFor())
        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenProbes())
        .recordException(BackendHealth::countsAgainstHealth)
        .clock(clock)
        .build());
    this.latencyMicros = new Ewma(settings.ewmaWeight());
    this.errors = new Ewma(settings.ewmaWeight());
    breaker.getEventPublisher().onStateTransition(event -> {
      if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
        openedAt = clock.instant();
      }
    });
  }

  /**
   * Asks to call the backend now. Empty when the breaker refuses (open, or half-open with its
   * probes taken) or the upstream asked to wait; otherwise a permit that must be completed.
   */
  public Optional<Permit> tryAcquire() {
    Instant now = clock.instant();
    if (coolDownUntil.get().isAfter(now) || !breaker.tryAcquirePermission()) {
      return Optional.empty();
    }
    inFlight.incrementAndGet();
    return Optional.of(new Permit(now));
  }

  /**
   * Records a failure that happened after the call's permit completed, e.g. a stream that broke
   * after its first chunk.
   */
  public void failedLate(FulcrumException error) {
    breaker.onError(0, TimeUnit.NANOSECONDS, error);
    errors.add(countsAgainstHealth(error) ? 1 : 0);
  }

  /** The state the router reads. */
  public HealthSnapshot snapshot() {
    Instant now = clock.instant();
    BreakerState state = switch (breaker.getState()) {
      case OPEN, FORCED_OPEN -> BreakerState.OPEN;
      case HALF_OPEN -> BreakerState.HALF_OPEN;
      default -> BreakerState.CLOSED;
    };
    Instant availableAt = Instant.EPOCH;
    String why = "";
    if (state == BreakerState.OPEN) {
      availableAt = openedAt.plus(settings.openFor());
      why = String.format("circuit open after %.0f%% failed calls", breaker.getMetrics()
          .getFailureRate());
    }
    Instant coolDown = coolDownUntil.get();
    if (coolDown.isAfter(now) && coolDown.isAfter(availableAt)) {
      availableAt = coolDown;
      why = "the upstream asked to wait (Retry-After)";
    }
    double latency = latencyMicros.value();
    double errorRate = errors.value();
    return new HealthSnapshot(backend, state, Double.isNaN(latency) ? -1 : (long) latency,
        Double.isNaN(errorRate) ? 0 : errorRate, inFlight.get(), availableAt, why);
  }

  /** Failures that say something about the backend (not about the caller's request). */
  private static boolean countsAgainstHealth(Throwable error) {
    return error instanceof FulcrumException fulcrum && fulcrum.retriable()
        && !(error instanceof RateLimitedException);
  }

  /** One admitted call; complete it exactly once. */
  public final class Permit {
    private final Instant start;
    private boolean done;

    private Permit(Instant start) {
      this.start = start;
    }

    /** The call answered (for a stream: its first chunk can flow). */
    public synchronized void succeeded() {
      if (finish()) {
        Duration took = Duration.between(start, clock.instant());
        breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
        latencyMicros.add(took.toNanos() / 1000.0);
        errors.add(0);
      }
    }

    /** The call failed with {@code error}. */
    public synchronized void failed(FulcrumException error) {
      if (finish()) {
        Duration took = Duration.between(start, clock.instant());
        breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, error);
        errors.add(countsAgainstHealth(error) ? 1 : 0);
        if (error instanceof RateLimitedException limited) {
          limited.retryAfter().ifPresent(wait ->
              coolDownUntil.accumulateAndGet(clock.instant().plus(wait),
                  (a, b) -> a.isAfter(b) ? a : b));
        }
      }
    }

    private boolean finish() {
      if (done) {
        return false;
      }
      done = true;
      inFlight.decrementAndGet();
      return true;
    }
  }
}
