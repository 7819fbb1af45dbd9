package dev.fulcrum.dataplane.health;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The health of every backend, by name. Thread-safe; the set of backends is fixed. */
public final class HealthRegistry {
  private final Map<String, BackendHealth> byName;

  private HealthRegistry(Map<String, BackendHealth> byName) {
    this.byName = byName;
  }

  /**
   * @param settings how each named backend's health is judged
   * @param clock the time source; tests pass a clock they move
   */
  public static HealthRegistry of(Map<String, HealthSettings> settings, Clock clock) {
    Map<String, BackendHealth> byName = new LinkedHashMap<>();
    settings.forEach((name, s) -> byName.put(name, new BackendHealth(name, s, clock)));
    return new HealthRegistry(java.util.Collections.unmodifiableMap(byName));
  }

  public Optional<BackendHealth> get(String backend) {
    return Optional.ofNullable(byName.get(backend));
  }

  /** The router's view of {@code backend}; unknown backends look healthy. */
  public HealthSnapshot snapshot(String backend) {
    BackendHealth health = byName.get(backend);
    return health == null ? HealthSnapshot.unknown(backend) : health.snapshot();
  }

  public Collection<BackendHealth> all() {
    return byName.values();
  }
}
