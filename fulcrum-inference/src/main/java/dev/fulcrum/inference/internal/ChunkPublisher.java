package dev.fulcrum.inference.internal;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-subscriber {@link Flow.Publisher} fed by a push source (an HTTP response, a timer)
 * that can be paused.
 *
 * <p>The source calls {@link #emit}, {@link #complete} and {@link #fail}; the publisher queues
 * what the subscriber has not asked for yet and pauses the source once {@code highWater} items
 * wait, resuming it when the queue has drained. Signals to the subscriber are serialized by a
 * drain loop, so it is safe to call from any thread, including re-entrantly from
 * {@code onNext}. Cancelling clears the queue and cancels the source exactly once.
 *
 * @param <T> the item type
 */
public final class ChunkPublisher<T> implements Flow.Publisher<T> {

  /** The push side: what the publisher may ask of whoever produces items. */
  public interface Source {
    void pause();

    void resume();

    /** Abort production for good (e.g. reset the upstream connection). */
    void cancel();
  }

  private final Source source;
  private final int highWater;
  private final Queue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile Flow.Subscriber<? super T> subscriber;
  private volatile boolean done;
  private volatile Throwable error;
  private volatile boolean terminated;
  private volatile boolean paused;

  /**
   * @param source the producer to pause, resume and cancel
   * @param highWater how many undelivered items may wait before the source is paused
   */
  public ChunkPublisher(Source source, int highWater) {
    this.source = Objects.requireNonNull(source, "source");
    if (highWater < 1) {
      throw new IllegalArgumentException("highWater must be at least 1");
    }
    this.highWater = highWater;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> s) {
    Objects.requireNonNull(s, "subscriber");
    if (!subscribed.compareAndSet(false, true)) {
      s.onSubscribe(new NoopSubscription());
      s.onError(new IllegalStateException("this stream accepts a single subscriber"));
      return;
    }
    subscriber = s;
    s.onSubscribe(new Subscription());
    drain();
  }

  /** Called by the source for each item it produces. */
  public void emit(T item) {
    if (cancelled.get() || done) {
      return;
    }
    queue.offer(item);
    queued.incrementAndGet();
    drain();
  }

  /** Called by the source when it has produced everything. */
  public void complete() {
    done = true;
    drain();
  }

  /** Called by the source when production failed; queued items are still delivered first. */
  public void fail(Throwable failure) {
    error = Objects.requireNonNull(failure, "failure");
    done = true;
    drain();
  }

  /** Whether the subscriber cancelled. */
  public boolean isCancelled() {
    return cancelled.get();
  }

  private void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      Flow.Subscriber<? super T> s = subscriber;
      if (s != null && !terminated) {
        deliver(s);
      }
      if (!terminated && !cancelled.get()) {
        flowControl();
      }
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void deliver(Flow.Subscriber<? super T> s) {
    while (demand.get() > 0 && !cancelled.get()) {
      T item = queue.poll();
      if (item == null) {
        break;
      }
      queued.decrementAndGet();
      demand.decrementAndGet();
      s.onNext(item);
    }
    if (cancelled.get()) {
      return;
    }
    if (queue.isEmpty() && done) {
      terminated = true;
      Throwable failure = error;
      if (failure != null) {
        s.onError(failure);
      } else {
        s.onComplete();
      }
    }
  }

  /** Pauses and resumes the source; only ever runs inside the serialized drain loop. */
  private void flowControl() {
    int waiting = queued.get();
    if (!paused && waiting >= highWater) {
      paused = true;
      source.pause();
    } else if (paused && waiting < Math.max(1, highWater / 2)) {
      paused = false;
      source.resume();
    }
  }

  private final class Subscription implements Flow.Subscription {
    @Override
    public void request(long n) {
      if (n <= 0) {
        // reactive-streams rule 3.9
        fail(new IllegalArgumentException("request(n) needs n > 0, got " + n));
        return;
      }
      demand.getAndAccumulate(n, (current, add) -> {
        long sum = current + add;
        return sum < 0 ? Long.MAX_VALUE : sum;
      });
      drain();
    }

    @Override
    public void cancel() {
      if (cancelled.compareAndSet(false, true)) {
        queue.clear();
        source.cancel();
      }
    }
  }

  private static final class NoopSubscription implements Flow.Subscription {
    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }
}
