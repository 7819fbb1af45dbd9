package dev.fulcrum.inference.simulated;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The simulated accelerator: runs at most {@code slots} jobs at once and queues the rest in
 * arrival order. A job occupies a slot for its cost, then frees it and does its work (delivers
 * its result), so a caller that submits again from that work finds the slot already free.
 * Thread-safe; work runs on the timer's thread (a Vert.x event loop) or, for jobs cheaper than
 * a millisecond, at once on the caller's.
 */
final class Device {

  /** Runs a task after a delay; Vert.x's {@code setTimer} in production. */
  @FunctionalInterface
  interface Timer {
    void after(long millis, Runnable task);
  }

  private final int slots;
  private final Timer timer;
  private final ArrayDeque<Job> waiting = new ArrayDeque<>();
  private int busy;

  Device(int slots, Timer timer) {
    this.slots = slots;
    this.timer = timer;
  }

  /** Runs {@code work} once a slot is free and {@code cost} has passed on it. */
  void run(Duration cost, Runnable work) {
    Job job = new Job(cost.toMillis(), work);
    synchronized (this) {
      if (busy >= slots) {
        waiting.add(job);
        return;
      }
      busy++;
    }
    start(job);
  }

  synchronized int busy() {
    return busy;
  }

  synchronized int waiting() {
    return waiting.size();
  }

  /** Starts {@code job} and, while jobs cost nothing, the ones after it, without recursion. */
  private void start(Job job) {
    Job current = job;
    while (current != null) {
      if (current.millis >= 1) {
        Job timed = current;
        timer.after(timed.millis, () -> {
          Job next = release();
          timed.work.run();
          if (next != null) {
            start(next);
          }
        });
        return;
      }
      Job next = release();
      current.work.run();
      current = next;
    }
  }

  /** Frees a slot, or hands it straight to the next waiting job. */
  private synchronized Job release() {
    Job next = waiting.poll();
    if (next == null) {
      busy--;
    }
    return next;
  }

  private record Job(long millis, Runnable work) {}
}
