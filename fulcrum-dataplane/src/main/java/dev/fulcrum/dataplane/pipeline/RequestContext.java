package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.split.SplitChoice;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, for this one request, and what they asked for beyond the body.
 *
 * @param requestId the id echoed in {@code x-fulcrum-request-id} and in every log and audit line
 * @param tenant the authenticated tenant
 * @param user the caller's end user when known (OpenAI's {@code user} field), else empty
 * @param hints the {@code x-fulcrum-*} request hints
 * @param split the model a split alias chose for this request, once the pipeline has chosen
 */
public record RequestContext(String requestId, Tenant tenant, String user, RequestHints hints,
    Optional<SplitChoice> split) {
  public RequestContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(hints, "hints");
    Objects.requireNonNull(split, "split");
  }

  public RequestContext(String requestId, Tenant tenant, String user, RequestHints hints) {
    this(requestId, tenant, user, hints, Optional.empty());
  }

  public RequestContext(String requestId, Tenant tenant) {
    this(requestId, tenant, "", RequestHints.NONE);
  }

  /** The same request, after a split alias chose its model. */
  public RequestContext withSplit(SplitChoice choice) {
    return new RequestContext(requestId, tenant, user, hints, Optional.of(choice));
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
