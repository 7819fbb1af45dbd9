package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.tenant.Tenant;
import java.util.Objects;

/**
 * Who is asking, for this one request.
 *
 * @param requestId the id echoed in {@code x-fulcrum-request-id} and in every log and audit line
 * @param tenant the authenticated tenant
 * @param user the caller's end user when known (OpenAI's {@code user} field), else empty
 */
public record RequestContext(String requestId, Tenant tenant, String user) {
  public RequestContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(user, "user");
  }

  public RequestContext(String requestId, Tenant tenant) {
    this(requestId, tenant, "");
  }

  /** Whose traffic stays on one version during a canary: the tenant, or the tenant's user. */
  public String stickyKey() {
    return user.isEmpty() ? tenant.id() : tenant.id() + "/" + user;
  }
}
