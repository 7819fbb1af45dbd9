package dev.fulcrum.gateway.metrics;

import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.gateway.metrics.MetricNames.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The only label values request metrics use: the configured models and backends (each backend
 * with its placement), and the configured tenants when tenant labels are on. Immutable.
 */
final class LabelSpace {
  final Dimension models;
  final Dimension backends;
  /** One value, unused, when tenant labels are off. */
  final Dimension tenants;
  final boolean tenantLabels;
  private final List<String> placements;

  private LabelSpace(Dimension models, Dimension backends, List<String> placements,
      Dimension tenants, boolean tenantLabels) {
    this.models = models;
    this.backends = backends;
    this.placements = List.copyOf(placements);
    this.tenants = tenants;
    this.tenantLabels = tenantLabels;
  }

  /**
   * @param models the configured model aliases
   * @param backends each configured backend's placement, by name
   * @param tenants the configured tenant ids; used only when {@code tenantLabels}
   */
  static LabelSpace of(Collection<String> models, Map<String, Placement> backends,
      Collection<String> tenants, boolean tenantLabels) {
    Map<String, Placement> ordered = new LinkedHashMap<>(backends);
    ordered.remove(Values.UNKNOWN);
    Dimension backendDimension = Dimension.of(ordered.keySet(), Values.UNKNOWN);
    List<String> placements = new ArrayList<>();
    for (String name : backendDimension.values()) {
      Placement placement = ordered.get(name);
      placements.add(placement == null ? Values.UNKNOWN : placement.name());
    }
    return new LabelSpace(Dimension.of(models, Values.UNKNOWN), backendDimension, placements,
        tenantLabels ? Dimension.of(tenants, Values.UNKNOWN) : Dimension.single(""),
        tenantLabels);
  }

  /** The placement label of the backend at {@code backend}. */
  String placement(int backend) {
    return placements.get(backend);
  }

  /** The tenant's position, or 0 without a lookup when tenant labels are off. */
  int tenant(String id) {
    return tenantLabels ? tenants.indexOf(id) : 0;
  }
}
