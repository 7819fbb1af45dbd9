package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.dataplane.routing.Constraints;
import java.util.Objects;

/**
 * What the caller asked for beyond the request body ({@code x-fulcrum-*} headers).
 *
 * @param privacy a privacy level the caller wants; it can only make the tenant's stricter
 * @param constraints latency target and cost cap
 * @param feature the product feature this request serves, for cost per feature; may be empty
 */
public record RequestHints(PrivacyLevel privacy, Constraints constraints, String feature) {
  public static final RequestHints NONE =
      new RequestHints(PrivacyLevel.PUBLIC, Constraints.NONE, "");

  public RequestHints {
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(constraints, "constraints");
    Objects.requireNonNull(feature, "feature");
  }
}
