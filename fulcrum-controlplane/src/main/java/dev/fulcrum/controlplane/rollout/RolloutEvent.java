package dev.fulcrum.controlplane.rollout;

import dev.fulcrum.controlplane.registry.Change;
import java.time.Instant;

/**
 * Something that happened to a rollout, delivered to {@link RolloutService#onEvent} listeners
 * after commit and kept in {@link RolloutService#history}.
 */
public sealed interface RolloutEvent {
  long rolloutId();

  String model();

  Change change();

  Instant at();

  /** The rollout was planned (state PENDING). */
  record Created(long rolloutId, String model, String candidate, double canaryPercent,
      double shadowRate, Change change, Instant at) implements RolloutEvent {}

  /** A move along {@link RolloutState#TRANSITIONS}. */
  record Transition(long rolloutId, String model, RolloutState from, RolloutState to,
      Change change, Instant at) implements RolloutEvent {}

  /** The canary percent or shadow rate changed. */
  record SplitChanged(long rolloutId, String model, double canaryPercent, double shadowRate,
      Change change, Instant at) implements RolloutEvent {}

  /**
   * The policy reached a Promote or Rollback verdict; {@code verdict} holds the numbers.
   *
   * @param applied whether the service acted on it (false when the policy leaves that to a
   *     person)
   */
  record Decision(long rolloutId, String model, Verdict verdict, boolean applied, Change change,
      Instant at) implements RolloutEvent {}
}
