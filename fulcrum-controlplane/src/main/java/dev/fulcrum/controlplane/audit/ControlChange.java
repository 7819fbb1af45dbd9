package dev.fulcrum.controlplane.audit;

/**
 * A change to control-plane state: a model registered, a rollout advanced, a kill switch
 * flipped, a tenant's keys shredded.
 *
 * @param actor who made it (admin key name, CLI user, {@code system} for automatic actions)
 * @param action what was done, e.g. {@code rollout.advance}
 * @param subject what it was done to, e.g. {@code model chat-large}
 * @param before a short summary of the state before (no secrets), may be empty
 * @param after a short summary of the state after (no secrets), may be empty
 * @param reason why, as given by the actor or the automatic rule
 */
public record ControlChange(String actor, String action, String subject, String before,
    String after, String reason) implements AuditEvent {
  static final String TYPE = "control.change";

  public ControlChange {
    Texts.requireNonBlank(actor, "actor", 200);
    Texts.requireNonBlank(action, "action", 100);
    Texts.requireNonBlank(subject, "subject", 200);
    Texts.require(before, "before", 2000);
    Texts.require(after, "after", 2000);
    Texts.require(reason, "reason", 2000);
  }
}
