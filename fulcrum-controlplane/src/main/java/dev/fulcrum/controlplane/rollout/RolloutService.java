package dev.fulcrum.controlplane.rollout;

import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plans, runs and ends rollouts, and watches running ones. Thread-safe; state is in the
 * control-plane store, shared by replicas. At most one rollout per model runs at a time.
 *
 * <p>Effects on the registry, in the same transaction as the rollout's own change: starting
 * moves the candidate to CANARY and points {@code canary} at it; promoting makes it ACTIVE and
 * {@code prod} (the old version RETIRED); rolling back or aborting a running rollout moves it to
 * ROLLED_BACK; both remove {@code canary}.
 *
 * <p>Windows are per replica: each replica judges the traffic it saw, and whichever decides
 * first wins (the loser's transition is refused by the transition table).
 */
public interface RolloutService {
  /** The actor recorded for automatic decisions. */
  String POLICY_ACTOR = "rollout-policy";

  /** The rollout service over {@code registry}'s store and clock, with default retention. */
  static RolloutService create(ModelRegistry registry) {
    return create(registry, ShadowRetention.defaults());
  }

  static RolloutService create(ModelRegistry registry, ShadowRetention retention) {
    return JdbcRolloutService.open(registry, retention);
  }

  /**
   * Stores a PENDING rollout from the model's current {@code prod} version to the candidate.
   *
   * @throws dev.fulcrum.controlplane.registry.UnknownVersionException for an unknown candidate
   * @throws dev.fulcrum.controlplane.registry.RegistryConflictException when the model has no
   *     {@code prod} version or the candidate is it
   */
  Rollout create(RolloutPlan plan, Change change);

  /**
   * PENDING → RUNNING: the candidate starts taking its share.
   *
   * @throws dev.fulcrum.controlplane.registry.RegistryConflictException when another rollout of
   *     the model is running
   * @throws dev.fulcrum.controlplane.registry.IllegalTransitionException when the rollout or
   *     the candidate version cannot move (e.g. the candidate was retired or disabled)
   */
  Rollout start(long id, Change change);

  /** {@link #create} then {@link #start}. */
  Rollout launch(RolloutPlan plan, Change change);

  /** Changes the canary percent and shadow rate of a PENDING or RUNNING rollout. */
  Rollout setSplit(long id, double canaryPercent, double shadowRate, Change change);

  /** RUNNING → PROMOTED: the candidate becomes {@code prod}. */
  Rollout promote(long id, Change change);

  /** RUNNING → ROLLED_BACK: the candidate leaves traffic. */
  Rollout rollback(long id, Change change);

  /** PENDING or RUNNING → ABORTED. */
  Rollout abort(long id, Change change);

  /** @throws UnknownRolloutException when no rollout has that id */
  Rollout get(long id);

  /** Every rollout of {@code model}, newest first. */
  List<Rollout> list(String model);

  /** Every running rollout, by model. */
  Map<String, Rollout> running();

  /** Everything that happened to the rollout, oldest first. */
  List<RolloutEvent> history(long id);

  /**
   * Records one answered request of {@code model@version}; ignored unless a rollout of the
   * model is running and the version is its baseline or candidate. Cheap; called on the
   * request path.
   */
  void observe(String model, String version, Duration latency, boolean success);

  /**
   * Records one shadow pair: into the window (agreement, and the shadow's latency and outcome
   * as candidate requests) and into bounded storage. Called off the request path.
   */
  void observeShadow(String model, ShadowPair pair);

  /** The window of a running rollout now, as its guards see it. */
  Optional<WindowSnapshot> window(long id);

  /** The newest stored shadow pairs of a rollout, newest first. */
  List<ShadowPair> shadowPairs(long id, int limit);

  /**
   * One tick: judges every running rollout, acts on Promote and Rollback verdicts the policy
   * allows (recording each decision with its numbers), and prunes shadow pairs. Driven by
   * {@link RolloutScheduler}; tests call it after moving their clock.
   *
   * @return each running rollout's verdict, by rollout id
   */
  Map<Long, Verdict> evaluate();

  /** Calls {@code listener} after every committed event, on the changing thread. */
  void onEvent(Consumer<? super RolloutEvent> listener);
}
