package dev.fulcrum.gateway.metrics;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Times audit appends for {@code fulcrum_audit_append_duration_seconds}: the audit recorder
 * wraps each {@code AuditLog.append} in {@link #time}, or measures itself and calls {@link
 * #record}. Thread-safe; both methods are cheap enough for the writer thread's callbacks and
 * never throw on their own account.
 */
public interface AuditTimer {
  /** A timer that records nothing (metrics off, or tests). */
  AuditTimer NONE = new AuditTimer() {
    @Override
    public void record(long nanos, boolean durable) {}

    @Override
    public <T> CompletionStage<T> time(Supplier<? extends CompletionStage<T>> append) {
      return append.get();
    }
  };

  /**
   * Records one append.
   *
   * @param nanos from handing the event to the log until it was durable, or failed
   * @param durable whether the append succeeded ({@code outcome="durable"}) or failed
   *     ({@code outcome="failed"})
   */
  void record(long nanos, boolean durable);

  /**
   * Calls {@code append}, times the stage it returns until it completes, and returns that same
   * stage. If {@code append} throws, the failure is recorded and rethrown.
   */
  <T> CompletionStage<T> time(Supplier<? extends CompletionStage<T>> append);
}
