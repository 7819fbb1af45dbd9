package dev.fulcrum.controlplane.usage;

import java.util.Locale;

/** What usage can be filtered and grouped by. */
public enum Dimension {
  TENANT("tenant"),
  FEATURE("feature"),
  MODEL("model"),
  DAY("day");

  private final String column;

  Dimension(String column) {
    this.column = column;
  }

  /** The ledger column, which is also the name in the admin API. */
  public String column() {
    return column;
  }

  /**
   * @throws IllegalArgumentException naming the known dimensions when {@code name} is none
   */
  public static Dimension of(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + name + "' is not a usage dimension; use tenant, "
          + "feature, model or day");
    }
  }
}
