package dev.fulcrum.controlplane.registry;

import java.util.Objects;

/**
 * Who asked for a change and why; stored with every transition, alias move and kill switch.
 *
 * @param actor a person, key id or automated component ({@code rollout-policy}, {@code config})
 * @param reason why, in the actor's words; shown in histories, so make it useful
 */
public record Change(String actor, String reason) {
  public static final int MAX_LENGTH = 500;

  public Change {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    if (actor.isBlank() || reason.isBlank()) {
      throw new IllegalArgumentException("a change needs an actor and a reason");
    }
    if (actor.length() > MAX_LENGTH || reason.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("actor and reason are limited to " + MAX_LENGTH
          + " characters");
    }
  }

  public static Change by(String actor, String reason) {
    return new Change(actor, reason);
  }
}
