package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.PermissionDeniedException;
import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.dataplane.privacy.PrivacyScanException;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.Dropped;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns a rejected decision into the failure the caller sees. Anything that might work later
 * wins: a down backend (503) before a failed privacy scan (503, {@code privacy_scan_failed})
 * before a spent budget (429) before a privacy refusal (403) before a constraint or capability
 * the request cannot meet (400). Every reason is in the message.
 */
final class Rejections {
  private Rejections() {}

  static FulcrumException of(Decision.Rejected rejected, Duration retryAfter) {
    Set<Dropped.Cause> causes = EnumSet.noneOf(Dropped.Cause.class);
    rejected.dropped().forEach(d -> causes.add(d.cause()));
    String message = rejected.explain();
    if (causes.contains(Dropped.Cause.UNAVAILABLE)) {
      return new ServiceUnavailableException(message, retryAfter);
    }
    if (causes.contains(Dropped.Cause.UNSCANNED)) {
      return new ServiceUnavailableException(message, null, PrivacyScanException.CODE);
    }
    if (causes.contains(Dropped.Cause.BUDGET)) {
      return new RateLimitedException(message, null);
    }
    if (causes.contains(Dropped.Cause.FORBIDDEN)) {
      return new PermissionDeniedException(message);
    }
    String param = causes.contains(Dropped.Cause.CONSTRAINT) ? null : "model";
    return new InvalidRequestException(message, param);
  }
}
