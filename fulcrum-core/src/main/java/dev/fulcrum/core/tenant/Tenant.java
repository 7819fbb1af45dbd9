package dev.fulcrum.core.tenant;

import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.privacy.PrivacyLevel;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customer of the gateway: the unit of authentication, policy and accounting.
 *
 * @param id a short stable identifier ({@code [a-z0-9][a-z0-9_-]*})
 * @param privacy the tenant's default privacy level; a request may only make it stricter
 * @param trustZone the placements that may see the tenant's raw data
 */
public record Tenant(String id, PrivacyLevel privacy, Set<Placement> trustZone) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
  /** The default trust zone: this process and the operator's own pools. */
  public static final Set<Placement> DEFAULT_TRUST_ZONE =
      Set.copyOf(EnumSet.of(Placement.LOCAL, Placement.PRIVATE));

  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(privacy, "privacy");
    trustZone = Set.copyOf(trustZone);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("tenant id '" + id + "' must match " + ID.pattern());
    }
  }

  /** A tenant with the defaults: INTERNAL privacy, trust zone LOCAL and PRIVATE. */
  public Tenant(String id) {
    this(id, PrivacyLevel.INTERNAL, DEFAULT_TRUST_ZONE);
  }

  /** Whether raw data of this tenant may be processed at {@code placement}. */
  public boolean trusts(Placement placement) {
    return trustZone.contains(placement);
  }
}
