package dev.fulcrum.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdaptiveBatcherTest {
  private static final Deadline LATER = Deadline.in(Duration.ofSeconds(10));

  private final FakeScheduler clock = new FakeScheduler();
  private final RecordingFunction upstream = new RecordingFunction();

  private AdaptiveBatcher<String, String> batcher(BatchSettings settings) {
    return Batching.batcher("test", settings, clock, upstream);
  }

  private static BatchSettings settings(int maxBatch, long maxWaitMillis) {
    return BatchSettings.defaults().withMaxBatchSize(maxBatch)
        .withMaxWait(Duration.ofMillis(maxWaitMillis));
  }

  @Test
  void sendsAFullBatchAtOnce() {
    var batcher = batcher(settings(3, 1000));

    var answers = List.of(batcher.submit("a", LATER), batcher.submit("b", LATER),
        batcher.submit("c", LATER), batcher.submit("d", LATER));

    assertThat(upstream.batches()).containsExactly(List.of("a", "b", "c"));
    upstream.complete(0);
    assertThat(value(answers.get(0))).isEqualTo("r:a");
    assertThat(value(answers.get(2))).isEqualTo("r:c");
    assertThat(answers.get(3).toCompletableFuture()).isNotDone();
  }

  @Test
  void sendsAPartialBatchWhenTheOldestItemHasWaitedMaxWait() {
    var batcher = batcher(settings(8, 10));
    batcher.submit("a", LATER);
    clock.advanceMillis(4);
    batcher.submit("b", LATER);

    clock.advanceMillis(5);
    assertThat(upstream.batches()).isEmpty();
    clock.advanceMillis(1);
    assertThat(upstream.batches()).containsExactly(List.of("a", "b"));
  }

  @Test
  void leavesEarlyEnoughForTheEarliestDeadlineGivenThePredictedServiceTime() {
    var seeded = settings(8, 1000).withExpectedCost(cost(20, 1));
    var batcher = batcher(seeded);

    batcher.submit("a", Deadline.in(Duration.ofMillis(50)));

    // 50 ms deadline - (20 ms + 1 × 1 ms) predicted = leave at 29 ms
    clock.advanceMillis(28);
    assertThat(upstream.batches()).isEmpty();
    clock.advanceMillis(1);
    assertThat(upstream.batches()).containsExactly(List.of("a"));
  }

  @Test
  void aBiggerBatchLeavesEarlierBecauseItWillTakeLonger() {
    var batcher = batcher(settings(8, 1000).withExpectedCost(cost(0, 10)));
    Deadline in100 = Deadline.in(Duration.ofMillis(100));
    batcher.submit("a", in100);
    assertThat(clock.pending()).containsExactly(Duration.ofMillis(90));

    for (String item : List.of("b", "c", "d", "e")) {
      batcher.submit(item, in100);
    }

    // five items take 50 ms, so the batch leaves at 100 - 50 = 50 ms
    assertThat(clock.pending()).containsExactly(Duration.ofMillis(50));
    clock.advanceMillis(50);
    assertThat(upstream.batches()).containsExactly(List.of("a", "b", "c", "d", "e"));
  }

  @Test
  void anUrgentLatecomerPullsTheBatchForward() {
    var batcher = batcher(settings(8, 1000).withExpectedCost(cost(10, 0)));
    batcher.submit("relaxed", Deadline.in(Duration.ofMillis(500)));
    clock.advanceMillis(10);

    batcher.submit("urgent", Deadline.in(Duration.ofMillis(30)));

    clock.advanceMillis(19);
    assertThat(upstream.batches()).isEmpty();
    clock.advanceMillis(1);
    assertThat(upstream.batches()).containsExactly(List.of("relaxed", "urgent"));
  }

  @Test
  void anAlreadyExpiredDeadlineLeavesAtOnce() {
    var batcher = batcher(settings(8, 1000));
    batcher.submit("late", Deadline.in(Duration.ofMillis(-5)));
    assertThat(upstream.batches()).containsExactly(List.of("late"));
  }

  @Test
  void runsNoMoreThanMaxInFlightBatchesAndQueuesTheRest() {
    var batcher = batcher(settings(2, 5).withMaxInFlight(1));
    batcher.submit("a", LATER);
    batcher.submit("b", LATER);
    for (String item : List.of("c", "d", "e")) {
      batcher.submit(item, LATER);
    }

    clock.advanceMillis(1000);
    assertThat(upstream.batches()).hasSize(1);
    assertThat(batcher.stats().queuedItems()).isEqualTo(3);
    assertThat(batcher.stats().inFlightBatches()).isEqualTo(1);

    upstream.complete(0);
    assertThat(upstream.batches()).containsExactly(List.of("a", "b"), List.of("c", "d"));
    upstream.complete(1);
    assertThat(upstream.batches().getLast()).containsExactly("e");
  }

  @Test
  void itemsThatQueueWhileTheDeviceIsBusyLeaveTogetherWhenItFrees() {
    var batcher = batcher(settings(64, 5).withMaxInFlight(1));
    batcher.submit("first", LATER);
    clock.advanceMillis(5);
    for (int i = 0; i < 10; i++) {
      batcher.submit("x" + i, LATER);
    }
    clock.advanceMillis(20);

    upstream.complete(0);

    assertThat(upstream.batches()).hasSize(2);
    assertThat(upstream.batches().get(1)).hasSize(10);
  }

  @Test
  void callersThatResubmitFromTheirCallbackJoinTheNextBatch() {
    var batcher = batcher(settings(3, 1000).withMaxInFlight(1));
    for (String item : List.of("a", "b", "c")) {
      batcher.submit(item, LATER).thenRun(() -> batcher.submit(item + "'", LATER));
    }

    upstream.complete(0);

    assertThat(upstream.batches()).containsExactly(List.of("a", "b", "c"),
        List.of("a'", "b'", "c'"));
  }

  @Test
  void refusesWhenTheQueueIsFullWithARetriableErrorAndARetryAfter() {
    var batcher = batcher(settings(2, 5).withMaxInFlight(1).withMaxQueue(4));
    batcher.submit("a", LATER);
    batcher.submit("b", LATER);
    for (int i = 0; i < 4; i++) {
      batcher.submit("q" + i, LATER);
    }

    Throwable refusal = failure(batcher.submit("one too many", LATER));

    assertThat(refusal).isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("'test' is overloaded").hasMessageContaining("max-queue = 4");
    assertThat(((ServiceUnavailableException) refusal).retryAfter()).isPresent();
    assertThat(((ServiceUnavailableException) refusal).retriable()).isTrue();
    assertThat(batcher.stats().queuedItems()).isEqualTo(4);
  }

  @Test
  void submitAllQueuesEverythingOrNothing() {
    var batcher = batcher(settings(2, 5).withMaxInFlight(1).withMaxQueue(4));
    batcher.submitAll(List.of("a", "b"), LATER);
    batcher.submitAll(List.of("c", "d"), LATER);

    Throwable refusal = failure(batcher.submitAll(List.of("e", "f", "g"), LATER));

    assertThat(refusal).isInstanceOf(ServiceUnavailableException.class);
    assertThat(batcher.stats().queuedItems()).isEqualTo(2);
  }

  @Test
  void submitAllAnswersInOrderAcrossSeveralBatches() {
    var batcher = batcher(settings(2, 5).withMaxInFlight(3));

    var all = batcher.submitAll(List.of("a", "b", "c", "d", "e"), LATER);
    clock.advanceMillis(5);

    assertThat(upstream.batches()).containsExactly(List.of("a", "b"), List.of("c", "d"),
        List.of("e"));
    upstream.complete(2);
    upstream.complete(0);
    assertThat(all.toCompletableFuture()).isNotDone();
    upstream.complete(1);
    assertThat(value(all)).containsExactly("r:a", "r:b", "r:c", "r:d", "r:e");
  }

  @Test
  void aFailedBatchFailsEveryMemberWithItsFailure() {
    var batcher = batcher(settings(2, 5));
    var a = batcher.submit("a", LATER);
    var b = batcher.submit("b", LATER);
    var boom = new UpstreamUnavailableException("up", 503, "upstream said 503", null);

    upstream.fail(0, boom);

    assertThat(failure(a)).isSameAs(boom);
    assertThat(failure(b)).isSameAs(boom);
    assertThat(batcher.stats().batches()).isEqualTo(1);
    assertThat(batcher.stats().inFlightBatches()).isZero();
  }

  @Test
  void aBatchFunctionThatThrowsFailsItsMembersAndTheBatcherCarriesOn() {
    AtomicInteger calls = new AtomicInteger();
    AdaptiveBatcher<String, String> batcher = Batching.batcher("test", settings(1, 0), clock,
        items -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("bug");
          }
          return CompletableFuture.completedFuture(List.of("ok"));
        });

    assertThat(failure(batcher.submit("a", LATER))).isInstanceOf(IllegalStateException.class);
    assertThat(value(batcher.submit("b", LATER))).isEqualTo("ok");
  }

  @Test
  void aWrongNumberOfResultsFailsTheBatch() {
    var batcher = batcher(settings(2, 5));
    var a = batcher.submit("a", LATER);
    batcher.submit("b", LATER);

    upstream.answer(0, List.of("only one"));

    assertThat(failure(a)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned 1 results for 2 items");
  }

  @Test
  void cancellingAQueuedItemTakesItOutAndSparesTheOthers() {
    var batcher = batcher(settings(4, 10));
    var a = batcher.submit("a", LATER);
    var b = batcher.submit("b", LATER);
    var c = batcher.submit("c", LATER);

    b.toCompletableFuture().cancel(false);
    assertThat(batcher.stats().queuedItems()).isEqualTo(2);
    clock.advanceMillis(10);
    upstream.complete(0);

    assertThat(upstream.batches()).containsExactly(List.of("a", "c"));
    assertThat(value(a)).isEqualTo("r:a");
    assertThat(value(c)).isEqualTo("r:c");
  }

  @Test
  void cancellingAMemberOfARunningBatchSparesTheOthers() {
    var batcher = batcher(settings(3, 10));
    var a = batcher.submit("a", LATER);
    var b = batcher.submit("b", LATER);
    var c = batcher.submit("c", LATER);

    b.toCompletableFuture().cancel(false);
    upstream.complete(0);

    assertThat(value(a)).isEqualTo("r:a");
    assertThat(value(c)).isEqualTo("r:c");
    assertThat(batcher.stats().inFlightBatches()).isZero();
  }

  @Test
  void cancellingSubmitAllCallsOffItsQueuedItems() {
    var batcher = batcher(settings(8, 10));
    batcher.submit("other", LATER);
    var all = batcher.submitAll(List.of("a", "b"), LATER);

    all.toCompletableFuture().cancel(false);
    clock.advanceMillis(10);

    assertThat(upstream.batches()).containsExactly(List.of("other"));
  }

  @Test
  void learnsTheServiceTimeCurveFromTheBatchesItRuns() {
    upstream.completingAfter(clock, n -> Duration.ofMillis(20 + n));
    var batcher = batcher(settings(16, 2).withMaxInFlight(1));

    for (int round = 0; round < 40; round++) {
      int size = 1 + round % 16;
      for (int i = 0; i < size; i++) {
        batcher.submit("x", LATER);
      }
      clock.advanceMillis(100);
    }

    ServiceTimeEstimate learned = batcher.stats().serviceTime();
    assertThat(learned.observations()).isEqualTo(40);
    assertThat(learned.base().toNanos() / 1e6).isCloseTo(20, org.assertj.core.data.Offset
        .offset(0.5));
    assertThat(learned.perItem().toNanos() / 1e6).isCloseTo(1, org.assertj.core.data.Offset
        .offset(0.05));
  }

  @Test
  void learnsHowLateItsTimersFireAndLeavesThatMuchEarlier() {
    // every timer fires 5 ms late, the upstream's answer too: a batch takes 25 ms as seen here
    clock.firingLateBy(Duration.ofMillis(5));
    upstream.completingAfter(clock, n -> Duration.ofMillis(20));
    var batcher = batcher(settings(8, 1000).withExpectedCost(cost(25, 0)));
    Deadline in100 = Deadline.in(Duration.ofMillis(100));
    for (int round = 0; round < 20; round++) {
      batcher.submit("x", in100);
      clock.advanceMillis(200);
    }
    assertThat(batcher.stats().serviceTime().timerLateness()).isEqualTo(Duration.ofMillis(5));

    batcher.submit("last", in100);

    // 100 ms - 25 ms service - 5 ms lateness: armed for 70 ms, fires (late) at 75 ms
    clock.advanceMillis(74);
    assertThat(upstream.batches()).hasSize(20);
    clock.advanceMillis(1);
    assertThat(upstream.batches()).hasSize(21);
  }

  @Test
  void aLongQueueDrainsWithoutRecursionWhenBatchesCompleteSynchronously() {
    int items = 20_000;
    var first = new CompletableFuture<List<String>>();
    AdaptiveBatcher<String, String> batcher = Batching.batcher("test",
        settings(1, 0).withMaxInFlight(1).withMaxQueue(items), clock,
        batch -> batch.getFirst().equals("first") ? first
            : CompletableFuture.completedFuture(batch));
    batcher.submit("first", LATER);
    AtomicInteger done = new AtomicInteger();
    for (int i = 0; i < items; i++) {
      batcher.submit("x", LATER).thenRun(done::incrementAndGet);
    }
    assertThat(batcher.stats().queuedItems()).isEqualTo(items);

    first.complete(List.of("r:first"));

    assertThat(done.get()).isEqualTo(items);
    assertThat(batcher.stats().batches()).isEqualTo(items + 1);
  }

  @Test
  void closingFailsQueuedItemsAndRefusesNewOnes() {
    var batcher = batcher(settings(8, 10));
    var queued = batcher.submit("a", LATER);

    batcher.close();

    assertThat(failure(queued)).isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("shutting down");
    assertThat(failure(batcher.submit("b", LATER))).isInstanceOf(
        ServiceUnavailableException.class);
    clock.advanceMillis(100);
    assertThat(upstream.batches()).isEmpty();
  }

  @Test
  void aSizerThatThrowsRefusesTheSubmissionInsteadOfThrowing() {
    AdaptiveBatcher<String, String> batcher = Batching.batcher("test", settings(4, 10), clock,
        item -> {
          throw new IllegalStateException("cannot size " + item.length());
        }, upstream);

    assertThat(failure(batcher.submit("x", LATER))).isInstanceOf(IllegalStateException.class);
    assertThat(batcher.stats().queuedItems()).isZero();
  }

  @Test
  void countsItemsByTheirSize() {
    AdaptiveBatcher<String, String> batcher = Batching.batcher("test", settings(4, 10), clock,
        String::length, upstream);
    batcher.submit("aa", LATER);
    batcher.submit("bbb", LATER);

    assertThat(upstream.batches()).containsExactly(List.of("aa"));
    assertThat(batcher.stats().queuedItems()).isEqualTo(3);
  }

  private static BatchSettings.ServiceTime cost(long baseMillis, long perItemMillis) {
    return new BatchSettings.ServiceTime(Duration.ofMillis(baseMillis),
        Duration.ofMillis(perItemMillis));
  }

  private static <T> T value(CompletionStage<T> stage) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    assertThat(future).isDone();
    return future.join();
  }

  private static Throwable failure(CompletionStage<?> stage) {
    CompletableFuture<?> future = stage.toCompletableFuture();
    assertThat(future).isCompletedExceptionally();
    List<Throwable> caught = new ArrayList<>();
    future.whenComplete((value, error) -> caught.add(error));
    Throwable error = caught.getFirst();
    return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
  }
}
