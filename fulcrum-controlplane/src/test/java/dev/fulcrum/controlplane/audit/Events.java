package dev.fulcrum.controlplane.audit;

import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.tenant.Tenant;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Sample events for tests. */
final class Events {
  private Events() {}

  static RequestServed served(String tenant, String requestId, String modelVersion) {
    return new RequestServed(new Tenant(tenant), requestId, modelVersion, Placement.LOCAL,
        "local", List.of("chosen: lowest cost among LOCAL", "dropped nebius: PII and private"),
        Map.of(EntityType.EMAIL_ADDRESS, 2, EntityType.PERSON, 1),
        Sha256.ofUtf8("prompt of " + requestId), Sha256.ofUtf8("answer of " + requestId),
        new BigDecimal("0.00420"), 200);
  }

  static RequestRefused refused(String tenant, String requestId) {
    return new RequestRefused(new Tenant(tenant), requestId, "chat-large",
        List.of("dropped nebius: PII and private", "no LOCAL or PRIVATE backend is healthy"),
        Map.of(EntityType.US_SSN, 1), Sha256.ofUtf8("prompt of " + requestId), 503,
        "service_unavailable");
  }

  static ControlChange change(String what) {
    return new ControlChange("admin:ops", "rollout.advance", "model chat-large",
        "canary 5%", "canary 25%", what);
  }

  /** Served events for tenant acme, request ids r1, r2, … */
  static RequestServed numbered(int i) {
    return served(i % 2 == 0 ? "acme" : "globex", "r" + i, i <= 10 ? "chat@1" : "chat@2");
  }
}
