package dev.fulcrum.controlplane.registry;

import java.time.Instant;

/**
 * A span of time during which an alias pointed at one version: {@code [validFrom, validTo)}.
 *
 * @param validTo when it stopped, or {@link #OPEN} while it still holds
 * @param assignedBy who pointed the alias here and why
 */
public record AliasInterval(String alias, String version, Instant validFrom, Instant validTo,
    Change assignedBy) {
  /** The {@code validTo} of the assignment in force now. */
  public static final Instant OPEN = Instant.MAX;

  public boolean current() {
    return validTo.equals(OPEN);
  }

  /** Whether {@code instant} falls within {@code [validFrom, validTo)}. */
  public boolean covers(Instant instant) {
    return !instant.isBefore(validFrom) && instant.isBefore(validTo);
  }
}
