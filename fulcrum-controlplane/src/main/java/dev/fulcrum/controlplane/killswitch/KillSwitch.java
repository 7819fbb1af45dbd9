package dev.fulcrum.controlplane.killswitch;

import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns versions, models and backends off and on. State lives in the control-plane store, so
 * it survives restarts and is shared by replicas. Thread-safe.
 */
public interface KillSwitch {

  /** The kill switch over {@code registry}'s store and clock. */
  static KillSwitch create(ModelRegistry registry) {
    return JdbcKillSwitch.open(registry);
  }

  /**
   * Turns {@code target} off.
   *
   * @return false when it already was off (nothing is recorded)
   * @throws dev.fulcrum.controlplane.registry.UnknownModelException for an unknown model
   * @throws dev.fulcrum.controlplane.registry.UnknownVersionException for an unknown version
   */
  boolean disable(SwitchTarget target, Change change);

  /**
   * Turns {@code target} back on; a version returns to the state it was disabled from.
   *
   * @return false when it was not off
   */
  boolean enable(SwitchTarget target, Change change);

  /** Everything that is off now, oldest first. */
  List<ActiveSwitch> active();

  /** Every flip, oldest first. */
  List<SwitchChange> history();

  /** Calls {@code listener} after every committed flip, on the flipping thread. */
  void onChange(Consumer<? super SwitchChange> listener);
}
