package dev.fulcrum.dataplane.routing;

import java.util.Objects;

/**
 * A candidate the router did not keep, and why, in words an operator can act on.
 *
 * @param backend the backend's name
 * @param cause the kind of reason, which decides the status when nothing is left
 * @param reason e.g. "does not serve embeddings"
 */
public record Dropped(String backend, Cause cause, String reason) {

  /** Why a candidate was dropped, by what the caller can do about it. */
  public enum Cause {
    /** The backend cannot do this at all: the request must change (400). */
    UNSUPPORTED,
    /** The backend is down, disabled or missing: try later (503). */
    UNAVAILABLE
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
