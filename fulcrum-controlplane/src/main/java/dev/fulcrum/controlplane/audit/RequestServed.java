package dev.fulcrum.controlplane.audit;

import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.tenant.Tenant;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request the gateway answered.
 *
 * @param tenant who sent it
 * @param requestId the {@code x-fulcrum-request-id} returned to the caller
 * @param modelVersion the resolved model version, e.g. {@code chat-large@3}
 * @param placement where it ran
 * @param backend the backend's configured name
 * @param reasons the router's reasons (for the choice and for every dropped candidate)
 * @param entityCounts PII entities found, by type (counts only)
 * @param requestDigest SHA-256 of the request content as received
 * @param responseDigest SHA-256 of the response content as returned
 * @param costUsd what the request cost, in US dollars (stored without trailing zeros)
 * @param status the HTTP status returned
 */
public record RequestServed(Tenant tenant, String requestId, String modelVersion,
    Placement placement, String backend, List<String> reasons,
    Map<EntityType, Integer> entityCounts, Sha256 requestDigest, Sha256 responseDigest,
    BigDecimal costUsd, int status) implements AuditEvent {
  static final String TYPE = "request.served";

  public RequestServed {
    Objects.requireNonNull(tenant, "tenant");
    Texts.requireNonBlank(requestId, "requestId", 128);
    Texts.requireNonBlank(modelVersion, "modelVersion", 200);
    Objects.requireNonNull(placement, "placement");
    Texts.requireNonBlank(backend, "backend", 100);
    reasons = Texts.requireAll(reasons, "reasons", 64, 500);
    entityCounts = EntityCounts.copy(entityCounts);
    Objects.requireNonNull(requestDigest, "requestDigest");
    Objects.requireNonNull(responseDigest, "responseDigest");
    costUsd = Money.normalize(costUsd);
    Texts.requireStatus(status);
  }
}
