package dev.fulcrum.controlplane.rollout;

import dev.fulcrum.controlplane.registry.TransitionTable;

/**
 * Where a rollout is. The allowed moves are {@link #TRANSITIONS}:
 *
 * <pre>
 * from      to
 * PENDING   RUNNING, ABORTED
 * RUNNING   PROMOTED, ROLLED_BACK, ABORTED
 * PROMOTED, ROLLED_BACK, ABORTED are final
 * </pre>
 */
public enum RolloutState {
  /** Planned; affects no traffic. */
  PENDING,
  /** The candidate takes its canary share and/or shadow copy; guards are evaluated. */
  RUNNING,
  /** The candidate became {@code prod}. */
  PROMOTED,
  /** The candidate was found worse (by a guard or an operator); {@code prod} never moved. */
  ROLLED_BACK,
  /** Stopped without a verdict; {@code prod} never moved. */
  ABORTED;

  /** The rollout lifecycle. */
  public static final TransitionTable<RolloutState> TRANSITIONS =
      TransitionTable.builder("rollout", RolloutState.class)
          .allow(PENDING, RUNNING, ABORTED)
          .allow(RUNNING, PROMOTED, ROLLED_BACK, ABORTED)
          .build();

  /** Whether the candidate takes traffic in this state. */
  public boolean live() {
    return this == RUNNING;
  }
}
