package dev.fulcrum.inference.batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A batch function that records each batch and answers {@code "r:" + item} — when the test says
 * so ({@link #complete}), or by itself after a simulated service time on a fake scheduler.
 */
final class RecordingFunction implements BatchFunction<String, String> {
  private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
  private final List<CompletableFuture<List<String>>> running =
      Collections.synchronizedList(new ArrayList<>());
  private FakeScheduler clock;
  private Function<Integer, Duration> cost;

  /** Batches complete by themselves after {@code cost(size)} on {@code clock}. */
  RecordingFunction completingAfter(FakeScheduler scheduler, Function<Integer, Duration> curve) {
    this.clock = scheduler;
    this.cost = curve;
    return this;
  }

  @Override
  public CompletionStage<List<String>> run(List<String> items) {
    batches.add(List.copyOf(items));
    CompletableFuture<List<String>> future = new CompletableFuture<>();
    running.add(future);
    if (clock != null) {
      clock.schedule(cost.apply(items.size()), () -> future.complete(answers(items)));
    }
    return future;
  }

  List<List<String>> batches() {
    return List.copyOf(batches);
  }

  /** Answers batch {@code index} successfully. */
  void complete(int index) {
    running.get(index).complete(answers(batches.get(index)));
  }

  void fail(int index, Throwable failure) {
    running.get(index).completeExceptionally(failure);
  }

  void answer(int index, List<String> results) {
    running.get(index).complete(results);
  }

  private static List<String> answers(List<String> items) {
    return items.stream().map(item -> "r:" + item).toList();
  }
}
