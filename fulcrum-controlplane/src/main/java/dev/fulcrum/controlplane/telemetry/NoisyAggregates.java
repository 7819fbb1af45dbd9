package dev.fulcrum.controlplane.telemetry;

import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/** {@link DpTelemetry}: filter by consent, clamp, sum, spend, add noise, round. */
final class NoisyAggregates implements DpTelemetry {
  /** Each release publishes two statistics: requests and tokens. */
  static final int STATISTICS = 2;

  private static final Pattern FEATURE = Pattern.compile("[a-z0-9._-]{1,100}");

  private final PrivacyLedger ledger;
  private final Mechanism mechanism;
  private final ContributionBounds bounds;
  private final TelemetryConsent consent;
  private final RandomGenerator random;
  private final InstantSource clock;

  NoisyAggregates(PrivacyLedger ledger, Mechanism mechanism, ContributionBounds bounds,
      TelemetryConsent consent, RandomGenerator random, InstantSource clock) {
    this.ledger = ledger;
    this.mechanism = mechanism;
    this.bounds = bounds;
    this.consent = consent;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public TelemetryRelease release(String feature, LocalDate day, Collection<TenantUsage> usage) {
    if (!FEATURE.matcher(feature).matches()) {
      throw new IllegalArgumentException("feature names are 1-100 characters of [a-z0-9._-]");
    }
    long requests = 0;
    long tokens = 0;
    Set<String> seen = new HashSet<>();
    for (TenantUsage u : usage) {
      if (!seen.add(u.tenant().id())) {
        throw new IllegalArgumentException("tenant " + u.tenant().id() + " appears twice; "
            + "give one entry per tenant so that clamping bounds its contribution");
      }
      if (consent.optedIn(u.tenant())) {
        requests += bounds.clampRequests(u.requests());
        tokens += bounds.clampTokens(u.tokens());
      }
    }
    String name = mechanismName();
    ledger.spend(day, feature, name, mechanism.epsilon(), mechanism.delta(), clock.instant());
    double requestsScale = mechanism.scale(bounds.maxRequests(), STATISTICS);
    double tokensScale = mechanism.scale(bounds.maxTokens(), STATISTICS);
    return new TelemetryRelease(feature, day, noisy(requests, requestsScale),
        noisy(tokens, tokensScale), name, mechanism.epsilon(), mechanism.delta(),
        requestsScale, tokensScale);
  }

  private synchronized long noisy(long value, double scale) {
    return Math.round(value + mechanism.sample(scale, random));
  }

  @Override
  public PrivacyBudget budget(LocalDate day) {
    return ledger.budget(day);
  }

  private String mechanismName() {
    return mechanism.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "DpTelemetry[" + mechanismName() + ", ε " + mechanism.epsilon().toPlainString()
        + " per release]";
  }
}
