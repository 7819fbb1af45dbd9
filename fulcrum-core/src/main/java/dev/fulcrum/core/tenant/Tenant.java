package dev.fulcrum.core.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A customer of the gateway: the unit of authentication, policy and accounting.
 *
 * @param id a short stable identifier ({@code [a-z0-9][a-z0-9_-]*})
 */
public record Tenant(String id) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  public Tenant {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("tenant id '" + id + "' must match " + ID.pattern());
    }
  }
}
