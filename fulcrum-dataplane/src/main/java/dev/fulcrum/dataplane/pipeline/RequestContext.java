package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.tenant.Tenant;
import java.util.Objects;

/**
 * Who is asking, for this one request.
 *
 * @param requestId the id echoed in {@code x-fulcrum-request-id} and in every log and audit line
 * @param tenant the authenticated tenant
 */
public record RequestContext(String requestId, Tenant tenant) {
  public RequestContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(tenant, "tenant");
  }
}
