package dev.fulcrum.inference.batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose time moves only when a test calls {@link #advance}; due tasks then
 * run on the test's thread, in time order.
 */
final class FakeScheduler implements Scheduler {
  private final PriorityQueue<Task> tasks = new PriorityQueue<>(
      Comparator.comparingLong(Task::due).thenComparingLong(Task::sequence));
  private long now = 1_000_000_000L;
  private long sequence;
  private long lateness;

  /** From now on, timers fire {@code late} after the moment they were set for. */
  synchronized FakeScheduler firingLateBy(Duration late) {
    lateness = late.toNanos();
    return this;
  }

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable runnable) {
    Task task = new Task(now + Math.max(0, delay.toNanos()) + lateness, sequence++, runnable);
    tasks.add(task);
    return () -> {
      synchronized (this) {
        tasks.remove(task);
      }
    };
  }

  /** Moves time forward by {@code step}, running every task that falls due on the way. */
  void advance(Duration step) {
    long target;
    synchronized (this) {
      target = now + step.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.due() > target) {
          now = target;
          return;
        }
        tasks.poll();
        now = Math.max(now, next.due());
      }
      next.runnable().run();
    }
  }

  void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }

  /** Tasks waiting to run. */
  synchronized List<Duration> pending() {
    List<Duration> due = new ArrayList<>();
    tasks.forEach(task -> due.add(Duration.ofNanos(task.due() - now)));
    return due;
  }

  private record Task(long due, long sequence, Runnable runnable) {}
}
