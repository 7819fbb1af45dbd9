package dev.fulcrum.controlplane.telemetry;

import dev.fulcrum.controlplane.store.Database;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Releases differentially private per-feature, per-day usage aggregates (model and accounting
 * in {@code package-info}). Telemetry is off unless the operator builds this service, and only
 * tenants the {@link TelemetryConsent} admits contribute.
 *
 * <p>Thread-safe when the configured random generator is (the default {@link SecureRandom} is).
 */
public interface DpTelemetry {

  /**
   * Spends the mechanism's (ε, δ) from {@code day}'s budget, then releases the noisy sums of
   * the consenting tenants' clamped usage.
   *
   * @param feature the feature name ({@code [a-z0-9._-]}, 1 to 100 characters)
   * @param usage each tenant's usage of that feature on that day (one entry per tenant)
   * @throws PrivacyBudgetExhaustedException when the day's budget cannot pay (nothing is spent)
   * @throws IllegalArgumentException when a tenant appears twice or the feature name is bad
   * @throws dev.fulcrum.controlplane.store.StoreException when the ledger cannot be written
   */
  TelemetryRelease release(String feature, LocalDate day, Collection<TenantUsage> usage);

  /** {@code day}'s budget and what has been spent of it. */
  PrivacyBudget budget(LocalDate day);

  /** Starts configuring telemetry whose ledger lives in {@code db}. */
  static Builder builder(Database db) {
    return new Builder(db);
  }

  /**
   * Configuration; everything but the store has a default: Laplace with ε = 0.5 per release, a
   * daily budget of ε = 2 (δ = 0), bounds of 1,000 requests and 1,000,000 tokens per tenant,
   * nobody opted in, {@link SecureRandom}, system clock.
   */
  final class Builder {
    private final Database db;
    private Mechanism mechanism = new Mechanism.Laplace(new BigDecimal("0.5"));
    private BigDecimal epsilonPerDay = new BigDecimal("2");
    private BigDecimal deltaPerDay = BigDecimal.ZERO;
    private ContributionBounds bounds = new ContributionBounds(1_000, 1_000_000);
    private TelemetryConsent consent = tenant -> false;
    private RandomGenerator random = new SecureRandom();
    private InstantSource clock = InstantSource.system();

    private Builder(Database db) {
      this.db = Objects.requireNonNull(db, "db");
    }

    /** The noise mechanism and what each release spends. */
    public Builder mechanism(Mechanism mechanism) {
      this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
      return this;
    }

    /** The most all releases about one day may spend together. */
    public Builder dailyBudget(BigDecimal epsilon, BigDecimal delta) {
      if (epsilon.signum() <= 0 || delta.signum() < 0) {
        throw new IllegalArgumentException("the daily budget needs ε > 0 and δ >= 0");
      }
      this.epsilonPerDay = epsilon;
      this.deltaPerDay = delta;
      return this;
    }

    /** The per-tenant clamps, which are also the sensitivities. */
    public Builder bounds(ContributionBounds bounds) {
      this.bounds = Objects.requireNonNull(bounds, "bounds");
      return this;
    }

    /** Who opted in. */
    public Builder consent(TelemetryConsent consent) {
      this.consent = Objects.requireNonNull(consent, "consent");
      return this;
    }

    /** Where noise comes from; seed it only in tests. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The clock stamping ledger entries. */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Creates or upgrades the ledger table and returns the service.
     *
     * @throws IllegalArgumentException when the mechanism cannot be calibrated (Gaussian with ε
     *     too large) or one release would exceed the daily budget
     */
    public DpTelemetry build() {
      mechanism.scale(1, NoisyAggregates.STATISTICS); // validates the calibration
      if (mechanism.epsilon().compareTo(epsilonPerDay) > 0
          || mechanism.delta().compareTo(deltaPerDay) > 0) {
        throw new IllegalArgumentException("one release (ε " + mechanism.epsilon()
            .toPlainString() + ", δ " + mechanism.delta().toPlainString() + ") costs more than "
            + "the daily budget (ε " + epsilonPerDay.toPlainString() + ", δ "
            + deltaPerDay.toPlainString() + ")");
      }
      TelemetrySchema.apply(db);
      return new NoisyAggregates(new PrivacyLedger(db, epsilonPerDay, deltaPerDay),
          mechanism, bounds, consent, random, clock);
    }
  }
}
