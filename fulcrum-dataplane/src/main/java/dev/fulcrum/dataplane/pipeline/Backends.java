package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Capability;
import dev.fulcrum.dataplane.routing.BackendView;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The running backends by name. Immutable; closing it closes every backend. */
public final class Backends implements BackendView, AutoCloseable {
  private final Map<String, Backend> byName;
  private final Map<String, Set<Capability>> capabilities;

  private Backends(Map<String, Backend> byName) {
    this.byName = byName;
    Map<String, Set<Capability>> caps = new LinkedHashMap<>();
    byName.forEach((name, backend) -> caps.put(name, Capability.of(backend)));
    this.capabilities = Map.copyOf(caps);
  }

  public static Backends of(List<Backend> backends) {
    Map<String, Backend> map = new LinkedHashMap<>();
    for (Backend backend : backends) {
      if (map.putIfAbsent(backend.info().name(), backend) != null) {
        throw new IllegalArgumentException("two backends are named '" + backend.info().name()
            + "'");
      }
    }
    return new Backends(java.util.Collections.unmodifiableMap(map));
  }

  /** The backend named {@code name}; the router only ever names existing ones. */
  Backend get(String name) {
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
  public void close() {
    byName.values().forEach(Backend::close);
  }
}
