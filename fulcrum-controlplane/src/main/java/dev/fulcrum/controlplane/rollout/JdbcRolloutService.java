package dev.fulcrum.controlplane.rollout;

import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.registry.ModelVersion;
import dev.fulcrum.controlplane.registry.RegistryConflictException;
import dev.fulcrum.controlplane.registry.RegistryException;
import dev.fulcrum.controlplane.registry.VersionState;
import dev.fulcrum.controlplane.registry.internal.Listeners;
import dev.fulcrum.controlplane.registry.internal.RegistryStore;
import dev.fulcrum.controlplane.registry.internal.Tx;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RolloutService} on the control-plane store.
 *
 * <p>Design notes. Durable state (rollouts, their history, shadow pairs) is in the store; what
 * this replica observed lives in {@link LiveRollout}s keyed by model, rebuilt from the store's
 * running rollouts after every local change and on every {@link #evaluate()} tick (so a rollout
 * started on another replica is watched here within one tick). Every change runs in one {@link
 * Tx}: the rollout row moves with a conditional update, the registry's version and aliases move
 * through {@link RegistryStore}, and events are delivered after commit.
 */
final class JdbcRolloutService implements RolloutService {
  private static final Logger log = LoggerFactory.getLogger(JdbcRolloutService.class);

  private final RegistryStore registry;
  private final ShadowPairStore pairs;
  private final Listeners<RolloutEvent> listeners = new Listeners<>();
  private final Map<String, LiveRollout> live = new ConcurrentHashMap<>();

  private JdbcRolloutService(RegistryStore registry, ShadowPairStore pairs) {
    this.registry = registry;
    this.pairs = pairs;
  }

  static RolloutService open(ModelRegistry modelRegistry, ShadowRetention retention) {
    RegistryStore store = RegistryStore.of(modelRegistry);
    RolloutSchema.migrate(store.db());
    JdbcRolloutService service = new JdbcRolloutService(store,
        new ShadowPairStore(store.db(), retention));
    service.syncLive();
    return service;
  }

  @Override
  public Rollout create(RolloutPlan plan, Change change) {
    return registry.write(tx -> {
      registry.require(tx.connection(), plan.model(), plan.candidate());
      String prod = prodOf(tx, plan.model(), plan.candidate());
      long id = RolloutRows.insert(tx, plan, prod);
      event(tx, id, new RolloutEvent.Created(id, plan.model(), plan.candidate(),
          plan.canaryPercent(), plan.shadowRate(), change, tx.now()));
      return RolloutRows.require(tx.connection(), id);
    });
  }

  @Override
  public Rollout start(long id, Change change) {
    return changeLive(tx -> {
      Rollout rollout = RolloutRows.require(tx.connection(), id);
      RolloutState.TRANSITIONS.check(describe(rollout), rollout.state(), RolloutState.RUNNING);
      String prod = prodOf(tx, rollout.model(), rollout.candidate());
      for (Rollout other : RolloutRows.byModel(tx.connection(), rollout.model())) {
        if (other.state() == RolloutState.RUNNING) {
          throw new RegistryConflictException(other.describe() + " is running; end it before "
              + "starting another rollout of " + rollout.model());
        }
      }
      registry.transition(tx, rollout.model(), rollout.candidate(), VersionState.CANARY, change);
      registry.assignAlias(tx, rollout.model(), ModelRegistry.CANARY, rollout.candidate(),
          change);
      return move(tx, rollout, RolloutState.RUNNING, prod, change);
    });
  }

  @Override
  public Rollout launch(RolloutPlan plan, Change change) {
    return start(create(plan, change).id(), change);
  }

  @Override
  public Rollout setSplit(long id, double canaryPercent, double shadowRate, Change change) {
    RolloutPlan.checkSplit(canaryPercent, shadowRate);
    return changeLive(tx -> {
      Rollout rollout = RolloutRows.require(tx.connection(), id);
      if (!rollout.state().live() && rollout.state() != RolloutState.PENDING) {
        throw new RegistryConflictException(rollout.describe() + " is " + rollout.state()
            + "; only PENDING or RUNNING rollouts change their split");
      }
      RolloutRows.split(tx, id, canaryPercent, shadowRate);
      event(tx, id, new RolloutEvent.SplitChanged(id, rollout.model(), canaryPercent,
          shadowRate, change, tx.now()));
      return RolloutRows.require(tx.connection(), id);
    });
  }

  @Override
  public Rollout promote(long id, Change change) {
    return finish(id, RolloutState.PROMOTED, change, null);
  }

  @Override
  public Rollout rollback(long id, Change change) {
    return finish(id, RolloutState.ROLLED_BACK, change, null);
  }

  @Override
  public Rollout abort(long id, Change change) {
    return finish(id, RolloutState.ABORTED, change, null);
  }

  @Override
  public Rollout get(long id) {
    return registry.read(c -> RolloutRows.require(c, id));
  }

  @Override
  public List<Rollout> list(String model) {
    return registry.read(c -> RolloutRows.byModel(c, model));
  }

  @Override
  public Map<String, Rollout> running() {
    Map<String, Rollout> byModel = new LinkedHashMap<>();
    registry.read(RolloutRows::running).forEach(r -> byModel.put(r.model(), r));
    return byModel;
  }

  @Override
  public List<RolloutEvent> history(long id) {
    return registry.read(c -> RolloutRows.history(c, RolloutRows.require(c, id)));
  }

  @Override
  public void observe(String model, String version, Duration latency, boolean success) {
    LiveRollout rollout = live.get(model);
    if (rollout != null) {
      rollout.observe(version, registry.clock().instant(), latency, success);
    }
  }

  @Override
  public void observeShadow(String model, ShadowPair pair) {
    LiveRollout rollout = live.get(model);
    Instant now = registry.clock().instant();
    if (rollout != null && rollout.observeShadow(pair, now)) {
      pairs.add(rollout.rollout().id(), pair, now);
    }
  }

  @Override
  public Optional<WindowSnapshot> window(long id) {
    Instant now = registry.clock().instant();
    return live.values().stream().filter(l -> l.rollout().id() == id).findFirst()
        .map(l -> l.window(now));
  }

  @Override
  public List<ShadowPair> shadowPairs(long id, int limit) {
    return pairs.newest(id, limit);
  }

  @Override
  public Map<Long, Verdict> evaluate() {
    syncLive();
    Instant now = registry.clock().instant();
    Map<Long, Verdict> verdicts = new LinkedHashMap<>();
    for (LiveRollout rollout : List.copyOf(live.values())) {
      Verdict verdict = rollout.evaluate(now);
      verdicts.put(rollout.rollout().id(), verdict);
      act(rollout, verdict);
    }
    pairs.prune(verdicts.keySet().stream().toList(), now);
    return verdicts;
  }

  @Override
  public void onEvent(Consumer<? super RolloutEvent> listener) {
    listeners.add(listener);
  }

  private void act(LiveRollout live, Verdict verdict) {
    RolloutPolicy policy = live.rollout().policy();
    RolloutState target = switch (verdict) {
      case Verdict.Promote p -> policy.autoPromote() ? RolloutState.PROMOTED : null;
      case Verdict.Rollback r -> policy.autoRollback() ? RolloutState.ROLLED_BACK : null;
      case Verdict.Hold h -> null;
    };
    if (verdict instanceof Verdict.Hold) {
      return;
    }
    try {
      if (target != null) {
        finish(live.rollout().id(), target, policyChange(verdict), verdict);
      } else if (live.firstUnapplied(RolloutCodec.kind(verdict))) {
        record(live.rollout(), verdict);
      }
    } catch (RegistryException e) {
      log.info("{}: {} verdict not applied: {}", live.rollout().describe(),
          RolloutCodec.kind(verdict), e.getMessage());
    }
  }

  private void record(Rollout rollout, Verdict verdict) {
    registry.write(tx -> {
      event(tx, rollout.id(), new RolloutEvent.Decision(rollout.id(), rollout.model(), verdict,
          false, policyChange(verdict), tx.now()));
      return null;
    });
  }

  /** Ends a rollout; {@code verdict} is the automatic decision behind it, or null. */
  private Rollout finish(long id, RolloutState to, Change change, Verdict verdict) {
    return changeLive(tx -> {
      Rollout rollout = RolloutRows.require(tx.connection(), id);
      RolloutState.TRANSITIONS.check(describe(rollout), rollout.state(), to);
      if (verdict != null) {
        event(tx, id, new RolloutEvent.Decision(id, rollout.model(), verdict, true, change,
            tx.now()));
      }
      if (rollout.state() == RolloutState.RUNNING) {
        if (to == RolloutState.PROMOTED) {
          registry.promote(tx, rollout.model(), rollout.candidate(), change);
        } else {
          withdraw(tx, rollout, change);
        }
      }
      return move(tx, rollout, to, rollout.baseline(), change);
    });
  }

  /** Takes a running candidate out of traffic (a disabled one stays disabled). */
  private void withdraw(Tx tx, Rollout rollout, Change change) throws SQLException {
    ModelVersion candidate = registry.require(tx.connection(), rollout.model(),
        rollout.candidate());
    if (candidate.state() == VersionState.CANARY) {
      registry.transition(tx, rollout.model(), rollout.candidate(), VersionState.ROLLED_BACK,
          change);
    }
    if (rollout.candidate().equals(registry.aliases(tx.connection(), rollout.model())
        .get(ModelRegistry.CANARY))) {
      registry.removeAlias(tx, rollout.model(), ModelRegistry.CANARY, change);
    }
  }

  private Rollout move(Tx tx, Rollout rollout, RolloutState to, String baseline, Change change)
      throws SQLException {
    RolloutRows.move(tx, rollout, to, baseline);
    event(tx, rollout.id(), new RolloutEvent.Transition(rollout.id(), rollout.model(),
        rollout.state(), to, change, tx.now()));
    return RolloutRows.require(tx.connection(), rollout.id());
  }

  private String prodOf(Tx tx, String model, String candidate) throws SQLException {
    String prod = registry.aliases(tx.connection(), model).get(ModelRegistry.PROD);
    if (prod == null) {
      throw new RegistryConflictException("model " + model + " has no prod version to roll out "
          + "from; promote a first version directly");
    }
    if (prod.equals(candidate)) {
      throw new RegistryConflictException("version " + model + "@" + candidate + " already is "
          + "prod");
    }
    return prod;
  }

  private void event(Tx tx, long id, RolloutEvent event) throws SQLException {
    RolloutRows.history(tx, id, event);
    tx.afterCommit(() -> listeners.publish(event));
  }

  /** A write that may start or end a rollout: resyncs the live set after commit. */
  private <T> T changeLive(Tx.Work<T> work) {
    return registry.write(tx -> {
      tx.afterCommit(this::syncLive);
      return work.run(tx);
    });
  }

  private synchronized void syncLive() {
    List<Rollout> running = registry.read(RolloutRows::running);
    live.keySet().removeIf(model -> running.stream().noneMatch(r -> r.model().equals(model)));
    for (Rollout rollout : running) {
      LiveRollout current = live.get(rollout.model());
      if (current == null || current.rollout().id() != rollout.id()) {
        live.put(rollout.model(), new LiveRollout(rollout));
      }
    }
  }

  private static String describe(Rollout rollout) {
    return rollout.id() + " (" + rollout.model() + " " + rollout.baseline() + " → "
        + rollout.candidate() + ")";
  }

  private static Change policyChange(Verdict verdict) {
    String reason = verdict.reason();
    return Change.by(POLICY_ACTOR, reason.length() <= Change.MAX_LENGTH ? reason
        : reason.substring(0, Change.MAX_LENGTH - 1) + "…");
  }
}
