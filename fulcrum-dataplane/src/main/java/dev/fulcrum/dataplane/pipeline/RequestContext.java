package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.core.tenant.Tenant;
import java.util.Objects;

/**
 * Who is asking, for this one request, and what they asked for beyond the body.
 *
 * @param requestId the id echoed in {@code x-fulcrum-request-id} and in every log and audit line
 * @param tenant the authenticated tenant
 * @param user the caller's end user when known (OpenAI's {@code user} field), else empty
 * @param hints the {@code x-fulcrum-*} request hints
 */
public record RequestContext(String requestId, Tenant tenant, String user, RequestHints hints) {
  public RequestContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(hints, "hints");
  }

  public RequestContext(String requestId, Tenant tenant) {
    this(requestId, tenant, "", RequestHints.NONE);
  }

  /** Whose traffic stays on one version during a canary: the tenant, or the tenant's user. */
  public String stickyKey() {
    return user.isEmpty() ? tenant.id() : tenant.id() + "/" + user;
  }

  /** The tenant's privacy level, or the caller's when stricter. */
  public PrivacyLevel privacy() {
    PrivacyLevel asked = hints.privacy();
    return asked.compareTo(tenant.privacy()) > 0 ? asked : tenant.privacy();
  }
}
