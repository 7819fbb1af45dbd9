package dev.fulcrum.gateway.config;

import dev.fulcrum.dataplane.privacy.sanitize.SanitizationPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The privacy section: what is done to personal data leaving a tenant's trust zone, and how the
 * scan is bounded.
 *
 * @param policy action per entity type, and the default
 * @param scanBudget the longest one request's scan may take (then it fails closed)
 * @param minScore entities scored below this are ignored
 * @param hashSecret a local secret from which each tenant's HASH key is derived; created on
 *     first start
 * @param names whether the local name-and-location model runs besides the pattern recognizers
 *     (on by default; off leaves PERSON, LOCATION, ORGANIZATION and NRP undetected)
 */
public record PrivacyConfig(SanitizationPolicy policy, Duration scanBudget, double minScore,
    Path hashSecret, boolean names) {
  public PrivacyConfig {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(scanBudget, "scanBudget");
    Objects.requireNonNull(hashSecret, "hashSecret");
  }

  public static PrivacyConfig defaults() {
    return new PrivacyConfig(SanitizationPolicy.of(
        dev.fulcrum.dataplane.privacy.sanitize.Action.PSEUDONYMIZE), Duration.ofMillis(100),
        0.5, Path.of("fulcrum-hash.secret"), true);
  }

  public PrivacyConfig withHashSecret(Path path) {
    return new PrivacyConfig(policy, scanBudget, minScore, path, names);
  }
}
