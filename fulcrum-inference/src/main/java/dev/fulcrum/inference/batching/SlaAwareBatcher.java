package dev.fulcrum.inference.batching;

import dev.fulcrum.core.error.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;

/**
 * The {@link AdaptiveBatcher}: one FIFO queue, a bounded number of batches in flight, a timer
 * for the next flush, and a {@link ServiceTimeModel} fed by every successful batch.
 *
 * <p>Design notes.
 * <ul>
 *   <li>All state sits behind one lock, held only to look at or change the queue — never while
 *       the batch function runs or a caller's stage completes.
 *   <li>Every event (submission, cancellation, timer, batch completion) calls {@link #drain()},
 *       which decides under the lock which batches may leave and runs them outside it. A
 *       work-in-progress counter serializes drains without recursion: a batch that completes
 *       synchronously, or a caller that resubmits from its callback, only asks the running
 *       drain loop to go round once more.
 *   <li>At most one timer is armed: for the moment the head batch becomes due. It is re-armed
 *       when that moment moves (a new item brings an earlier deadline, or makes the batch
 *       bigger and so slower) and disarmed while every slot is busy — the next completion
 *       triggers the next decision then. How late it fires is fed back to the model, so
 *       deadline planning allows for a busy machine.
 *   <li>Members complete before their batch's slot is released, so callers that resubmit at
 *       once are already queued when the next batch is cut.
 * </ul>
 */
final class SlaAwareBatcher<I, O> implements AdaptiveBatcher<I, O> {
  private final String name;
  private final BatchSettings settings;
  private final Scheduler scheduler;
  private final ToIntFunction<? super I> sizer;
  private final BatchFunction<I, O> function;
  private final ServiceTimeModel model;
  private final long maxWaitNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicInteger wip = new AtomicInteger();
  // guarded by lock
  private final ArrayDeque<Member<I, O>> queue = new ArrayDeque<>();
  private int queuedItems;
  private int inFlight;
  private long batches;
  private long items;
  private boolean closed;
  private Scheduler.Cancellable timer;
  private long timerAt;
  private long timerGeneration;

  SlaAwareBatcher(String name, BatchSettings settings, Scheduler scheduler,
      ToIntFunction<? super I> sizer, BatchFunction<I, O> function) {
    this.name = Objects.requireNonNull(name, "name");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.sizer = Objects.requireNonNull(sizer, "sizer");
    this.function = Objects.requireNonNull(function, "function");
    this.model = new ServiceTimeModel(settings.expectedCost(), settings.maxBatchSize());
    this.maxWaitNanos = settings.maxWait().toNanos();
  }

  @Override
  public CompletionStage<O> submit(I item, Deadline deadline) {
    return enqueue(List.of(item), deadline).getFirst();
  }

  @Override
  public CompletionStage<List<O>> submitAll(List<? extends I> submitted, Deadline deadline) {
    List<CompletableFuture<O>> futures = enqueue(submitted, deadline);
    CompletableFuture<List<O>> all = new CompletableFuture<>();
    AtomicInteger remaining = new AtomicInteger(futures.size());
    for (CompletableFuture<O> future : futures) {
      future.whenComplete((value, error) -> {
        if (error != null) {
          if (all.completeExceptionally(unwrap(error))) {
            futures.forEach(other -> other.cancel(false));
          }
        } else if (remaining.decrementAndGet() == 0) {
          all.complete(futures.stream().map(CompletableFuture::join).toList());
        }
      });
    }
    all.whenComplete((value, error) -> {
      if (all.isCancelled()) {
        futures.forEach(future -> future.cancel(false));
      }
    });
    if (futures.isEmpty()) {
      all.complete(List.of());
    }
    return all;
  }

  @Override
  public BatcherStats stats() {
    lock.lock();
    try {
      return new BatcherStats(queuedItems, inFlight, batches, items, model.estimate());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    List<Member<I, O>> dropped;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      disarm();
      dropped = new ArrayList<>(queue);
      queue.clear();
      queuedItems = 0;
    } finally {
      lock.unlock();
    }
    ServiceUnavailableException failure = closedFailure();
    dropped.forEach(member -> member.future.completeExceptionally(failure));
  }

  private List<CompletableFuture<O>> enqueue(List<? extends I> submitted, Deadline deadline) {
    Objects.requireNonNull(deadline, "deadline");
    long now = scheduler.nanoTime();
    long deadlineAt = deadline.at(now);
    List<Member<I, O>> members = new ArrayList<>(submitted.size());
    RuntimeException refusal = null;
    long total = 0;
    for (I item : submitted) {
      int size;
      try {
        size = sizer.applyAsInt(item);
      } catch (RuntimeException e) {
        refusal = e;
        size = 1;
      }
      if (size < 1) {
        refusal = new IllegalArgumentException("an item must count as at least 1, got " + size);
      }
      total += size;
      members.add(new Member<>(item, size, now, deadlineAt));
    }
    if (refusal == null) {
      refusal = admit(members, total);
    }
    List<CompletableFuture<O>> futures = new ArrayList<>(members.size());
    for (Member<I, O> member : members) {
      futures.add(member.future);
      if (refusal != null) {
        member.future.completeExceptionally(refusal);
      } else {
        member.future.whenComplete((value, error) -> {
          if (member.future.isCancelled()) {
            withdraw(member);
          }
        });
      }
    }
    if (refusal == null && !members.isEmpty()) {
      drain();
    }
    return futures;
  }

  /** Queues all members, or returns why none can be. */
  private RuntimeException admit(List<Member<I, O>> members, long total) {
    lock.lock();
    try {
      if (closed) {
        return closedFailure();
      }
      if (total > settings.maxQueue()) {
        return new ServiceUnavailableException("'" + name + "' cannot batch " + total
            + " items at once; its queue holds at most " + settings.maxQueue()
            + " (batching.max-queue); send fewer inputs per request", null);
      }
      if (queuedItems + total > settings.maxQueue()) {
        Duration retryAfter = drainTime();
        return new ServiceUnavailableException("'" + name + "' is overloaded: " + queuedItems
            + " items are already waiting to be batched (batching.max-queue = "
            + settings.maxQueue() + "); try again in " + retryAfter.toSeconds() + "s",
            retryAfter);
      }
      queue.addAll(members);
      queuedItems += (int) total;
      return null;
    } finally {
      lock.unlock();
    }
  }

  private void withdraw(Member<I, O> member) {
    boolean removed;
    lock.lock();
    try {
      removed = !member.dispatched && queue.remove(member);
      if (removed) {
        queuedItems -= member.size;
      }
    } finally {
      lock.unlock();
    }
    if (removed) {
      drain();
    }
  }

  /** Decides and runs whatever may leave now; see the design notes. */
  private void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      List<List<Member<I, O>>> ready;
      lock.lock();
      try {
        ready = takeReady(scheduler.nanoTime());
      } finally {
        lock.unlock();
      }
      ready.forEach(this::execute);
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  /** Cuts every batch that may leave at {@code now}; arms the timer for the next. */
  private List<List<Member<I, O>>> takeReady(long now) {
    List<List<Member<I, O>>> ready = new ArrayList<>(1);
    while (!closed && inFlight < settings.maxInFlight() && !queue.isEmpty()) {
      int count = 0;
      int size = 0;
      long earliestDeadline = Long.MAX_VALUE;
      boolean full = false;
      for (Member<I, O> member : queue) {
        if (count > 0 && size + member.size > settings.maxBatchSize()) {
          full = true;
          break;
        }
        count++;
        size += member.size;
        earliestDeadline = Math.min(earliestDeadline, member.deadlineAt);
        if (size >= settings.maxBatchSize()) {
          full = true;
          break;
        }
      }
      if (!full) {
        long due = Math.min(saturatedAdd(queue.getFirst().enqueuedAt, maxWaitNanos),
            earliestDeadline - model.upperBoundNanos(size));
        if (due > now) {
          arm(due, now);
          return ready;
        }
      }
      List<Member<I, O>> batch = take(count);
      if (!batch.isEmpty()) {
        inFlight++;
        ready.add(batch);
      }
    }
    disarm();
    return ready;
  }

  private List<Member<I, O>> take(int count) {
    List<Member<I, O>> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Member<I, O> member = queue.removeFirst();
      queuedItems -= member.size;
      member.dispatched = true;
      if (!member.future.isDone()) {
        batch.add(member);
      }
    }
    return batch;
  }

  private void execute(List<Member<I, O>> batch) {
    List<I> inputs = batch.stream().map(member -> member.item).toList();
    int size = batch.stream().mapToInt(member -> member.size).sum();
    long start = scheduler.nanoTime();
    CompletionStage<List<O>> stage;
    try {
      stage = Objects.requireNonNull(function.run(inputs), "the batch function returned null");
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete((results, error) -> finish(batch, size, start, results, error));
  }

  private void finish(List<Member<I, O>> batch, int size, long start, List<O> results,
      Throwable error) {
    long elapsed = scheduler.nanoTime() - start;
    Throwable failure = error != null ? unwrap(error)
        : results == null || results.size() != batch.size()
            ? new IllegalStateException("the batch function of '" + name + "' returned "
                + (results == null ? "null" : results.size() + " results") + " for "
                + batch.size() + " items")
            : null;
    if (failure == null) {
      model.observe(size, elapsed);
    }
    lock.lock(); // counted before any caller hears back, so stats() then includes this batch
    try {
      inFlight--;
      batches++;
      items += size;
    } finally {
      lock.unlock();
    }
    if (failure == null) {
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).future.complete(results.get(i));
      }
    } else {
      batch.forEach(member -> member.future.completeExceptionally(failure));
    }
    drain();
  }

  private void arm(long due, long now) {
    if (timer != null && timerAt == due) {
      return;
    }
    disarm();
    long generation = timerGeneration;
    timerAt = due;
    timer = scheduler.schedule(Duration.ofNanos(due - now), () -> onTimer(generation));
  }

  private void disarm() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    timerGeneration++;
  }

  private void onTimer(long generation) {
    lock.lock();
    try {
      if (generation == timerGeneration) {
        timer = null;
        model.observeLateness(scheduler.nanoTime() - timerAt);
      }
    } finally {
      lock.unlock();
    }
    drain();
  }

  /** A guess at how long the queue takes to drain, whole seconds, at least one. */
  private Duration drainTime() {
    long batchesAhead = (queuedItems + settings.maxBatchSize() - 1) / settings.maxBatchSize();
    long nanos = batchesAhead * model.upperBoundNanos(settings.maxBatchSize())
        / settings.maxInFlight();
    return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }

  private ServiceUnavailableException closedFailure() {
    return new ServiceUnavailableException("'" + name + "' is shutting down and accepts no "
        + "more requests", null);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
  }

  /** One submitted item and its caller's stage. */
  private static final class Member<I, O> {
    final I item;
    final int size;
    final long enqueuedAt;
    final long deadlineAt;
    final CompletableFuture<O> future = new CompletableFuture<>();
    boolean dispatched; // guarded by the batcher's lock

    Member(I item, int size, long enqueuedAt, long deadlineAt) {
      this.item = item;
      this.size = size;
      this.enqueuedAt = enqueuedAt;
      this.deadlineAt = deadlineAt;
    }
  }
}
