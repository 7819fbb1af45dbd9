package dev.fulcrum.core.routing;

import java.util.List;
import java.util.Objects;

/**
 * A model callers can name, how its traffic splits across versions (a canary is a second
 * version with a small weight), the versions that shadow it, and how its routes are ordered.
 *
 * @param alias the name callers put in {@code model}
 * @param versions serving versions; at least one has a positive weight
 * @param shadows versions that receive mirrored traffic; usually empty
 * @param policy route order and degraded-mode model
 */
public record ModelRoutes(String alias, List<VersionRoutes> versions, List<Shadow> shadows,
    RoutingPolicy policy) {
  public ModelRoutes {
    Objects.requireNonNull(alias, "alias");
    versions = List.copyOf(versions);
    shadows = List.copyOf(shadows);
    Objects.requireNonNull(policy, "policy");
    if (versions.stream().mapToInt(VersionRoutes::weight).sum() <= 0) {
      throw new IllegalArgumentException("model '" + alias + "' needs a version with a positive "
          + "weight");
    }
  }

  /** A model with the default policy (operator order, no degraded mode). */
  public ModelRoutes(String alias, List<VersionRoutes> versions, List<Shadow> shadows) {
    this(alias, versions, shadows, RoutingPolicy.DEFAULT);
  }

  /** A model with one version taking all traffic. */
  public static ModelRoutes single(String alias, String version, List<Route> routes) {
    return new ModelRoutes(alias, List.of(new VersionRoutes(version, 1, routes)), List.of());
  }

  public ModelRoutes withPolicy(RoutingPolicy newPolicy) {
    return new ModelRoutes(alias, versions, shadows, newPolicy);
  }

  /**
   * The version that serves a caller, chosen by weight from a stable hash of the caller, so the
   * same tenant or user keeps the same version while the split is unchanged.
   *
   * @param stickyHash a well-mixed 64-bit hash of the caller's identity
   */
  public VersionRoutes pick(long stickyHash) {
    if (versions.size() == 1) {
      return versions.getFirst();
    }
    long total = versions.stream().mapToLong(VersionRoutes::weight).sum();
    long bucket = Math.floorMod(stickyHash, total);
    for (VersionRoutes version : versions) {
      bucket -= version.weight();
      if (bucket < 0) {
        return version;
      }
    }
    throw new AssertionError("weights sum to " + total);
  }
}
