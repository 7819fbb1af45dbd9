package dev.fulcrum.dataplane.routing;

import java.util.Objects;

/**
 * A candidate the router did not keep, and why, in words an operator can act on.
 *
 * @param backend the backend's name
 * @param cause the kind of reason, which decides the status when nothing is left
 * @param reason e.g. "CLOUD not allowed for PRIVATE request with PERSON, EMAIL_ADDRESS"
 */
public record Dropped(String backend, Cause cause, String reason) {

  /** Why a candidate was dropped, by what the caller can do about it. */
  public enum Cause {
    /** The backend cannot do this at all: the request must change (400). */
    UNSUPPORTED,
    /** The backend is down, switched off or missing: try later (503). */
    UNAVAILABLE,
    /** Privacy policy forbids this placement for this request (403). */
    FORBIDDEN,
    /**
     * The privacy scan failed (an error, or past its time budget), so nothing may leave the
     * trust zone: try later or send less text (503).
     */
    UNSCANNED,
    /** The caller's latency target or cost cap rules it out (400). */
    CONSTRAINT,
    /** The tenant's budget is spent and this route costs money (429). */
    BUDGET
  }

  public Dropped {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return backend + ": " + reason;
  }
}
