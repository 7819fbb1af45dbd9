package dev.fulcrum.dataplane.routing;

import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.core.tenant.Tenant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the privacy scan learned about a request, as far as placement cares.
 *
 * @param level the effective privacy level (the tenant's, or stricter when the caller asked)
 * @param trustZone placements that may see the raw data
 * @param entities the kinds of personal data found (never the values)
 * @param scanFailed the scan errored or ran out of time: treat the request as sensitive
 */
public record PrivacyFacts(PrivacyLevel level, Set<Placement> trustZone, Set<EntityType> entities,
    boolean scanFailed) {
  public PrivacyFacts {
    Objects.requireNonNull(level, "level");
    trustZone = Set.copyOf(trustZone);
    entities = entities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(entities));
  }

  /** Facts for a request nothing was found in, under the tenant's policy. */
  public static PrivacyFacts clean(Tenant tenant) {
    return new PrivacyFacts(tenant.privacy(), tenant.trustZone(), Set.of(), false);
  }

  /** "PERSON, EMAIL_ADDRESS" for reasons; types in enum order. */
  String entityList() {
    return EnumSet.copyOf(entities).stream().map(Enum::name).collect(Collectors.joining(", "));
  }
}
