package dev.fulcrum.controlplane.publish;

import java.util.Objects;

/**
 * Why a registered model is not in the routing table.
 *
 * @param detail for operators (admin API, logs): names versions and the kill switch's reason;
 *     never sent to API callers, who get {@link #callerMessage()}
 */
public record Unavailable(String model, Cause cause, String detail) {

  /** The kinds of unavailability. */
  public enum Cause {
    /** An operator switched the whole model off. */
    SWITCHED_OFF,
    /** {@code prod} and every version it pointed at before are disabled. */
    NO_ENABLED_VERSION,
    /** Registered, but no version was ever promoted to {@code prod}. */
    NOT_RELEASED
  }

  public Unavailable {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(detail, "detail");
  }

  /** What an API caller is told (HTTP 503): actionable, without operators' notes. */
  public String callerMessage() {
    return switch (cause) {
      case SWITCHED_OFF -> "model '" + model + "' is switched off by its operators; try again "
          + "later or use another model";
      case NO_ENABLED_VERSION -> "model '" + model + "' has no enabled version right now; try "
          + "again later or use another model";
      case NOT_RELEASED -> "model '" + model + "' has no version in production yet; use "
          + "another model";
    };
  }
}
