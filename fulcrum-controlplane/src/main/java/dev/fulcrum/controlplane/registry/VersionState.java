package dev.fulcrum.controlplane.registry;

/**
 * Where a model version is in its life. The allowed moves are {@link #TRANSITIONS}:
 *
 * <pre>
 * from         to
 * REGISTERED   CANARY, ACTIVE, RETIRED, DISABLED
 * CANARY       ACTIVE, ROLLED_BACK, DISABLED
 * ACTIVE       RETIRED, DISABLED
 * ROLLED_BACK  CANARY, RETIRED, DISABLED
 * RETIRED      ACTIVE, DISABLED          (re-promoting an old version undoes a bad promotion)
 * DISABLED     REGISTERED, CANARY, ACTIVE, ROLLED_BACK, RETIRED
 *              (re-enabling returns exactly to the state the kill switch interrupted)
 * </pre>
 */
public enum VersionState {
  /** Known and immutable, serving nothing yet. */
  REGISTERED,
  /** Under evaluation by a rollout: a weighted share of traffic and/or a shadow copy. */
  CANARY,
  /** Serving production traffic (the {@code prod} alias points here). */
  ACTIVE,
  /** Replaced or withdrawn; kept for history, lineage, and as a fallback target. */
  RETIRED,
  /** A rollout found it worse than the stable version (or an operator stopped it). */
  ROLLED_BACK,
  /** Switched off by a kill switch; never routed to until re-enabled. */
  DISABLED;

  /** The version lifecycle. */
  public static final TransitionTable<VersionState> TRANSITIONS =
      TransitionTable.builder("model version", VersionState.class)
          .allow(REGISTERED, CANARY, ACTIVE, RETIRED, DISABLED)
          .allow(CANARY, ACTIVE, ROLLED_BACK, DISABLED)
          .allow(ACTIVE, RETIRED, DISABLED)
          .allow(ROLLED_BACK, CANARY, RETIRED, DISABLED)
          .allow(RETIRED, ACTIVE, DISABLED)
          .allow(DISABLED, REGISTERED, CANARY, ACTIVE, ROLLED_BACK, RETIRED)
          .build();
}
