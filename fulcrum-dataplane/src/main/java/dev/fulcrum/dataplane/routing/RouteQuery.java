package dev.fulcrum.dataplane.routing;

import java.util.Objects;

/**
 * The facts about one request that placement depends on.
 *
 * @param alias the model the caller named
 * @param operation what is asked of the backend
 * @param stickyKey who is asking (tenant, and user when known), so canary splits are sticky
 */
public record RouteQuery(String alias, Operation operation, String stickyKey) {
  public RouteQuery {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(stickyKey, "stickyKey");
  }

  /** A well-mixed 64-bit hash of the sticky key (FNV-1a, then a SplitMix64 finalizer). */
  long stickyHash() {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < stickyKey.length(); i++) {
      hash ^= stickyKey.charAt(i);
      hash *= 0x100000001b3L;
    }
    hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
    hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
    return hash ^ (hash >>> 31);
  }
}
