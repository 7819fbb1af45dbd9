package dev.fulcrum.controlplane.registry.internal;

import dev.fulcrum.controlplane.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control-plane write: a transaction that first bumps the {@link Revision} (taking the
 * writers' lock), carries one timestamp for every row it writes, and runs its after-commit
 * actions (event delivery) only once it has committed. Not thread-safe; lives for one call.
 */
public final class Tx {
  private static final Logger log = LoggerFactory.getLogger(Tx.class);

  /** The body of a write. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Tx tx) throws SQLException;
  }

  private final Connection connection;
  private final Instant now;
  private final List<Runnable> afterCommit = new ArrayList<>();

  private Tx(Connection connection, Instant now) {
    this.connection = connection;
    this.now = now;
  }

  /**
   * Runs {@code work} in a transaction and then its after-commit actions, in order. An action
   * that fails is logged and the others still run: the change has committed, and the caller must
   * not be told otherwise.
   *
   * @throws dev.fulcrum.controlplane.store.StoreException when the store fails
   */
  public static <T> T write(Database db, InstantSource clock, Work<T> work) {
    List<Runnable> actions = new ArrayList<>();
    T result = db.transaction(c -> {
      Revision.bump(c);
      Tx tx = new Tx(c, clock.instant());
      T value = work.run(tx);
      actions.addAll(tx.afterCommit);
      return value;
    });
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        log.warn("an after-commit action failed: {}", e.toString());
      }
    }
    return result;
  }

  public Connection connection() {
    return connection;
  }

  /** The time of this change; every row it writes carries it. */
  public Instant now() {
    return now;
  }

  /** Runs {@code action} after commit; dropped when the transaction rolls back. */
  public void afterCommit(Runnable action) {
    afterCommit.add(Objects.requireNonNull(action, "action"));
  }
}
