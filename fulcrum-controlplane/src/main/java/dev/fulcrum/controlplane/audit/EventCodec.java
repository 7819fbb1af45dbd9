package dev.fulcrum.controlplane.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.tenant.Tenant;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Each event type's fields, to and from the canonical JSON object under {@code "event"}. */
final class EventCodec {
  private EventCodec() {}

  static Map<String, Object> fields(AuditEvent event) {
    Map<String, Object> f = new TreeMap<>();
    switch (event) {
      case RequestServed e -> {
        f.put("tenant", e.tenant().id());
        f.put("requestId", e.requestId());
        f.put("modelVersion", e.modelVersion());
        f.put("placement", e.placement().name());
        f.put("backend", e.backend());
        f.put("reasons", e.reasons());
        f.put("entities", named(e.entityCounts()));
        f.put("requestDigest", e.requestDigest().hex());
        f.put("responseDigest", e.responseDigest().hex());
        f.put("costUsd", Money.format(e.costUsd()));
        f.put("status", e.status());
      }
      case RequestRefused e -> {
        f.put("tenant", e.tenant().id());
        f.put("requestId", e.requestId());
        f.put("modelAlias", e.modelAlias());
        f.put("reasons", e.reasons());
        f.put("entities", named(e.entityCounts()));
        f.put("requestDigest", e.requestDigest().hex());
        f.put("status", e.status());
        f.put("errorType", e.errorType());
      }
      case ControlChange e -> {
        f.put("actor", e.actor());
        f.put("action", e.action());
        f.put("subject", e.subject());
        f.put("before", e.before());
        f.put("after", e.after());
        f.put("reason", e.reason());
      }
    }
    return f;
  }

  /**
   * @throws IllegalArgumentException when the object is not a valid event of {@code type}
   */
  static AuditEvent read(String type, JsonNode node) {
    JsonFields f = new JsonFields(node, "event");
    AuditEvent event = switch (type) {
      case RequestServed.TYPE -> new RequestServed(new Tenant(f.text("tenant")),
          f.text("requestId"), f.text("modelVersion"), Placement.valueOf(f.text("placement")),
          f.text("backend"), f.texts("reasons"), counted(f.integers("entities")),
          new Sha256(f.text("requestDigest")), new Sha256(f.text("responseDigest")),
          new BigDecimal(f.text("costUsd")), (int) f.integer("status"));
      case RequestRefused.TYPE -> new RequestRefused(new Tenant(f.text("tenant")),
          f.text("requestId"), f.text("modelAlias"), f.texts("reasons"),
          counted(f.integers("entities")), new Sha256(f.text("requestDigest")),
          (int) f.integer("status"), f.text("errorType"));
      case ControlChange.TYPE -> new ControlChange(f.text("actor"), f.text("action"),
          f.text("subject"), f.text("before"), f.text("after"), f.text("reason"));
      default -> throw new IllegalArgumentException("unknown event type");
    };
    f.done();
    return event;
  }

  private static Map<String, Object> named(Map<EntityType, Integer> counts) {
    Map<String, Object> named = new TreeMap<>();
    counts.forEach((type, count) -> named.put(type.name(), count));
    return named;
  }

  private static Map<EntityType, Integer> counted(Map<String, Long> named) {
    Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
    named.forEach((name, count) -> counts.put(EntityType.valueOf(name), Math.toIntExact(count)));
    return counts;
  }
}
