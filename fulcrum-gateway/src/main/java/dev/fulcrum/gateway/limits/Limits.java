package dev.fulcrum.gateway.limits;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.telemetry.DpTelemetry;
import dev.fulcrum.controlplane.usage.UsageLedger;
import dev.fulcrum.controlplane.usage.UsageTelemetry;
import dev.fulcrum.dataplane.limits.Admission;
import dev.fulcrum.dataplane.limits.Limiter;
import dev.fulcrum.dataplane.limits.RateCounters;
import dev.fulcrum.dataplane.limits.TenantLimits;
import dev.fulcrum.dataplane.observe.Observers;
import dev.fulcrum.dataplane.observe.RequestObserver;
import dev.fulcrum.gateway.config.FulcrumConfig;
import dev.fulcrum.gateway.config.TelemetryConfig;
import dev.fulcrum.gateway.config.TenantConfig;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits and usage in one gateway process, wired from the config: rate counters (in memory, or
 * in Redis when {@code store.redis} names one), the {@link Limiter}, the usage ledger in the
 * store, and opt-in DP telemetry. Gives the pipeline its admission and an observer, and the
 * HTTP server the {@code /admin/v1/usage} and {@code /admin/v1/telemetry/release} routes.
 * {@link #close()} writes the ledger's last counts and disconnects; close it before the store.
 */
public final class Limits implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Limits.class);

  private final RateCounters counters;
  private final UsageLedger ledger;
  private final Limiter limiter;
  private final Optional<UsageTelemetry> telemetry;
  private final Clock clock;

  private Limits(RateCounters counters, UsageLedger ledger, Limiter limiter,
      Optional<UsageTelemetry> telemetry, Clock clock) {
    this.counters = counters;
    this.ledger = ledger;
    this.limiter = limiter;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  /**
   * Connects the counters and opens the ledger in {@code database}, which must stay open until
   * this is closed. One pool per store: on SQLite a second pool on the same file would make
   * writers fail with "database is locked" instead of waiting their turn.
   *
   * @param database the control plane's store ({@code store.url})
   * @throws IllegalStateException when {@code store.redis} names a Redis that cannot be reached
   * @throws dev.fulcrum.controlplane.store.StoreException when the store fails
   */
  public static Limits start(FulcrumConfig config, Database database, Clock clock) {
    String redis = config.store().redis();
    RateCounters counters = redis.isEmpty() ? RateCounters.inMemory(clock)
        : RateCounters.redis(redis, clock);
    try {
      UsageLedger ledger = UsageLedger.builder(database).clock(clock).build();
      Limiter limiter = Limiter.builder(counters)
          .limits(byTenant(config.tenants()))
          .spending(tenant -> ledger.monthToDateUsd(tenant).doubleValue())
          .clock(clock)
          .build();
      Optional<UsageTelemetry> telemetry = config.telemetry().enabled()
          ? Optional.of(new UsageTelemetry(ledger, telemetry(database, config.telemetry(), clock)))
          : Optional.empty();
      log.info("limits: {}; usage ledger in {}; telemetry {}", counters, database,
          telemetry.isPresent() ? "on" : "off");
      return new Limits(counters, ledger, limiter, telemetry, clock);
    } catch (RuntimeException e) {
      counters.close();
      throw e;
    }
  }

  /** What the pipeline asks before routing. */
  public Admission admission() {
    return new OnCallerContext(limiter);
  }

  /** What the pipeline tells when a request ends: token reconciliation, then the ledger. */
  public RequestObserver observer() {
    return Observers.of(List.of(limiter, new UsageRecorder(ledger)));
  }

  /**
   * The usage and telemetry routes, to mount after the admin API, whose admin-key check covers
   * every {@code /admin/v1/*} path. With no admin keys there is no admin API, and these routes
   * are not mounted either.
   */
  public Consumer<Router> adminRoutes(Collection<String> adminKeyHashes) {
    return new UsageApi(ledger, telemetry, clock, !adminKeyHashes.isEmpty());
  }

  /** Writes the ledger's last counts and disconnects the counters; the store stays open. */
  @Override
  public void close() {
    try {
      ledger.close();
    } finally {
      counters.close();
    }
  }

  private static Map<String, TenantLimits> byTenant(List<TenantConfig> tenants) {
    Map<String, TenantLimits> limits = new HashMap<>();
    tenants.forEach(t -> limits.put(t.tenant().id(), t.limits()));
    return limits;
  }

  private static DpTelemetry telemetry(Database database, TelemetryConfig config, Clock clock) {
    Set<String> optedIn = config.tenants();
    return DpTelemetry.builder(database)
        .mechanism(config.mechanism())
        .dailyBudget(config.dailyEpsilon(), config.dailyDelta())
        .bounds(config.bounds())
        .consent(tenant -> optedIn.contains(tenant.id()))
        .clock(clock)
        .build();
  }
}
