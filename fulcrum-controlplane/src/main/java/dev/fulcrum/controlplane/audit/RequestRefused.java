package dev.fulcrum.controlplane.audit;

import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.tenant.Tenant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request the gateway answered with an error instead of a model response: refused by policy,
 * quota, budget or kill switch, or failed upstream.
 *
 * @param tenant who sent it
 * @param requestId the {@code x-fulcrum-request-id} returned to the caller
 * @param modelAlias the model the caller asked for, as sent
 * @param reasons why it was refused (the router's reasons when routing refused it)
 * @param entityCounts PII entities found before refusing, by type (counts only)
 * @param requestDigest SHA-256 of the request content as received
 * @param status the HTTP status returned
 * @param errorType the error {@code type} returned, e.g. {@code rate_limit_exceeded}
 */
public record RequestRefused(Tenant tenant, String requestId, String modelAlias,
    List<String> reasons, Map<EntityType, Integer> entityCounts, Sha256 requestDigest,
    int status, String errorType) implements AuditEvent {
  static final String TYPE = "request.refused";

  public RequestRefused {
    Objects.requireNonNull(tenant, "tenant");
    Texts.requireNonBlank(requestId, "requestId", 128);
    Texts.require(modelAlias, "modelAlias", 200);
    reasons = Texts.requireAll(reasons, "reasons", 64, 500);
    entityCounts = EntityCounts.copy(entityCounts);
    Objects.requireNonNull(requestDigest, "requestDigest");
    Texts.requireStatus(status);
    Texts.requireNonBlank(errorType, "errorType", 100);
  }
}
