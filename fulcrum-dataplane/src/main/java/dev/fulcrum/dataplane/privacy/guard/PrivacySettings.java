package dev.fulcrum.dataplane.privacy.guard;

import dev.fulcrum.dataplane.privacy.sanitize.SanitizationPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How requests are scanned and sanitized.
 *
 * @param policy what happens to each entity type when content leaves the trust zone
 * @param scanBudget the longest one request's scan may take; past it the scan fails and the
 *     request stays in the trust zone
 * @param inlineChars requests with at most this many characters are scanned on the calling
 *     thread; larger ones on the scan threads, so an event loop never stalls on a big prompt
 */
public record PrivacySettings(SanitizationPolicy policy, Duration scanBudget, int inlineChars) {
  public PrivacySettings {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(scanBudget, "scanBudget");
    if (scanBudget.isNegative() || scanBudget.isZero()) {
      throw new IllegalArgumentException("the scan budget must be positive");
    }
    if (inlineChars < 0) {
      throw new IllegalArgumentException("inlineChars must not be negative");
    }
  }
}
