package dev.fulcrum.controlplane.usage;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the usage ledger: whose usage, for which feature and model, on which UTC day.
 *
 * @param tenant the tenant id
 * @param feature the {@code x-fulcrum-feature} the requests named, or empty for none
 * @param model the model that served (the alias, or its degraded-mode model)
 * @param day the UTC day the requests ended
 */
public record UsageKey(String tenant, String feature, String model, LocalDate day)
    implements Comparable<UsageKey> {
  public UsageKey {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(day, "day");
  }

  /** Ledger order; batches are written in it so that replicas never deadlock on rows. */
  @Override
  public int compareTo(UsageKey other) {
    int c = tenant.compareTo(other.tenant);
    if (c == 0) {
      c = feature.compareTo(other.feature);
    }
    if (c == 0) {
      c = model.compareTo(other.model);
    }
    return c != 0 ? c : day.compareTo(other.day);
  }
}
