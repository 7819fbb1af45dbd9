package dev.fulcrum.controlplane.usage;

import dev.fulcrum.controlplane.store.StoreException;
import dev.fulcrum.controlplane.telemetry.DpTelemetry;
import dev.fulcrum.controlplane.telemetry.TelemetryRelease;
import dev.fulcrum.controlplane.telemetry.TenantUsage;
import dev.fulcrum.core.tenant.Tenant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Releases the ledger's usage as differentially private telemetry: one feature's per-tenant
 * requests and tokens on one day go to {@link DpTelemetry}, which keeps only the tenants who
 * opted in, clamps, spends privacy budget and adds noise.
 */
public final class UsageTelemetry {
  private final UsageLedger ledger;
  private final DpTelemetry telemetry;

  public UsageTelemetry(UsageLedger ledger, DpTelemetry telemetry) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
  }

  /**
   * Flushes the ledger, sums {@code feature}'s usage on {@code day} per tenant, and releases
   * it. Blocks on the store: never call it on an event loop.
   *
   * @throws dev.fulcrum.controlplane.telemetry.PrivacyBudgetExhaustedException when the day's
   *     privacy budget cannot pay for the release (nothing is spent)
   * @throws IllegalArgumentException when the feature name is not {@code [a-z0-9._-]{1,100}}
   * @throws StoreException when the store fails
   */
  public TelemetryRelease release(String feature, LocalDate day) {
    awaitFlush();
    List<TenantUsage> usage = ledger.query(UsageQuery.between(day, day)
            .where(Dimension.FEATURE, feature).groupBy(Dimension.TENANT)).stream()
        .map(row -> new TenantUsage(new Tenant(row.group().get(Dimension.TENANT)),
            row.counts().requests(), row.counts().totalTokens()))
        .toList();
    return telemetry.release(feature, day, usage);
  }

  /** The telemetry service, e.g. to show a day's remaining budget. */
  public DpTelemetry telemetry() {
    return telemetry;
  }

  private void awaitFlush() {
    try {
      ledger.flush().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new StoreException("the usage ledger could not be written before the release: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while writing the usage ledger", e);
    }
  }
}
