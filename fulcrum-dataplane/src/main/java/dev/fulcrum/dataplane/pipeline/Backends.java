package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Capability;
import dev.fulcrum.dataplane.health.HealthRegistry;
import dev.fulcrum.dataplane.health.HealthSettings;
import dev.fulcrum.dataplane.health.HealthSnapshot;
import dev.fulcrum.dataplane.routing.BackendView;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The running backends by name, with their health. The set is fixed; closing it closes every
 * backend.
 */
public final class Backends implements BackendView, AutoCloseable {
  private final Map<String, Backend> byName;
  private final Map<String, Set<Capability>> capabilities;
  private final HealthRegistry health;

  private Backends(Map<String, Backend> byName, HealthRegistry health) {
    this.byName = byName;
    this.health = health;
    Map<String, Set<Capability>> caps = new LinkedHashMap<>();
    byName.forEach((name, backend) -> caps.put(name, Capability.of(backend)));
    this.capabilities = Map.copyOf(caps);
  }

  /** Backends with default health settings on the system clock. */
  public static Backends of(List<Backend> backends) {
    return of(backends, Map.of(), Clock.systemUTC());
  }

  /**
   * @param settings health settings by backend name; missing names get the defaults
   * @param clock the time source for breakers and latency; tests pass one they move
   */
  public static Backends of(List<Backend> backends, Map<String, HealthSettings> settings,
      Clock clock) {
    Map<String, Backend> map = new LinkedHashMap<>();
    for (Backend backend : backends) {
      if (map.putIfAbsent(backend.info().name(), backend) != null) {
        throw new IllegalArgumentException("two backends are named '" + backend.info().name()
            + "'");
      }
    }
    Map<String, HealthSettings> all = new LinkedHashMap<>();
    map.keySet().forEach(name -> all.put(name, settings.getOrDefault(name,
        HealthSettings.DEFAULTS)));
    return new Backends(java.util.Collections.unmodifiableMap(map),
        HealthRegistry.of(all, clock));
  }

  /** The backend named {@code name}; the router only ever names existing ones. */
  public Backend backend(String name) {
    Backend backend = byName.get(name);
    if (backend == null) {
      throw new IllegalStateException("no backend named " + name);
    }
    return backend;
  }

  public Collection<Backend> all() {
    return byName.values();
  }

  @Override
  public Optional<BackendInfo> info(String name) {
    Backend backend = byName.get(name);
    return backend == null ? Optional.empty() : Optional.of(backend.info());
  }

  @Override
  public Set<Capability> capabilities(String name) {
    return capabilities.getOrDefault(name, Set.of());
  }

  @Override
  public HealthSnapshot health(String name) {
    return health.snapshot(name);
  }

  /** The live health records, for the pipeline and for metrics. */
  public HealthRegistry healthRegistry() {
    return health;
  }

  @Override
  public void close() {
    byName.values().forEach(Backend::close);
  }
}
