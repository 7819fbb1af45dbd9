package dev.fulcrum.inference.batching;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where a batcher reads the time and sets its timers. Injected so that tests move time by hand;
 * production code uses {@link #system()}.
 *
 * <p>Tasks may run on any thread; they must not block, since batch functions are started from
 * them.
 */
public interface Scheduler {

  /** A monotonic clock in nanoseconds, like {@link System#nanoTime()}. */
  long nanoTime();

  /** Runs {@code task} once, {@code delay} from now. */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that may still be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Calls the task off if it has not started; harmless otherwise. */
    void cancel();
  }

  /** The JVM clock and one shared daemon timer thread ({@code fulcrum-batcher}). */
  static Scheduler system() {
    return ExecutorScheduler.SYSTEM;
  }

  /** The JVM clock and timers on {@code executor}, which the caller owns and shuts down. */
  static Scheduler of(ScheduledExecutorService executor) {
    return new ExecutorScheduler(executor);
  }
}
