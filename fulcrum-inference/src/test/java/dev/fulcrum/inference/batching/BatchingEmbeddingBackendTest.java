package dev.fulcrum.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import dev.fulcrum.core.embedding.EncodingFormat;
import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class BatchingEmbeddingBackendTest {
  private final FakeScheduler clock = new FakeScheduler();
  private final FakeEmbedder upstream = new FakeEmbedder();

  private BatchingEmbeddingBackend batching(BatchSettings settings) {
    return Batching.embeddings(upstream, settings, clock);
  }

  private static BatchSettings settings() {
    return BatchSettings.defaults().withMaxBatchSize(8).withMaxWait(Duration.ofMillis(5));
  }

  @Test
  void stacksTheInputsOfConcurrentRequestsIntoOneUpstreamCall() {
    var backend = batching(settings());

    var one = backend.embed(EmbeddingRequest.of("m", List.of("a")));
    var two = backend.embed(EmbeddingRequest.of("m", List.of("bb", "ccc")));
    var three = backend.embed(EmbeddingRequest.of("m", List.of("dddd")));
    clock.advanceMillis(5);
    upstream.answer(0);

    assertThat(upstream.calls()).hasSize(1);
    assertThat(upstream.calls().getFirst().inputs()).containsExactly("a", "bb", "ccc", "dddd");
    assertThat(value(one).vectors()).containsExactly(new float[] {1, 'a'});
    assertThat(value(two).vectors()).containsExactly(new float[] {2, 'b'},
        new float[] {3, 'c'});
    assertThat(value(three).vectors()).containsExactly(new float[] {4, 'd'});
    assertThat(value(two).model()).isEqualTo("upstream-m");
  }

  @Test
  void sharesTheBatchsTokenUsageByTextLengthWithoutLosingAToken() {
    upstream.tokensPerCall = 101;
    var backend = batching(settings());
    var small = backend.embed(EmbeddingRequest.of("m", List.of("a")));
    var large = backend.embed(EmbeddingRequest.of("m", List.of("bbbbbbbbb")));
    clock.advanceMillis(5);
    upstream.answer(0);

    long a = value(small).usage().promptTokens();
    long b = value(large).usage().promptTokens();
    assertThat(a + b).isEqualTo(101);
    assertThat(a).isEqualTo(10);
  }

  @Test
  void keepsDifferentModelsAndOptionsApartButBatchesAcrossUsers() {
    var backend = batching(settings());
    backend.embed(EmbeddingRequest.of("m", List.of("a")));
    backend.embed(EmbeddingRequest.of("other", List.of("b")));
    backend.embed(request("m", "c", Json.object().put("dimensions", 8)));
    backend.embed(request("m", "d", Json.object().put("user", "alice")));
    backend.embed(request("m", "e", Json.object().put("user", "bob")));
    clock.advanceMillis(5);

    assertThat(upstream.calls()).extracting(EmbeddingRequest::inputs)
        .containsExactlyInAnyOrder(List.of("a", "d", "e"), List.of("b"), List.of("c"));
    assertThat(upstream.calls()).allSatisfy(call ->
        assertThat(call.options().has("user")).isFalse());
    assertThat(backend.stats()).containsOnlyKeys("m", "other", "m {\"dimensions\":8}");
  }

  @Test
  void anUpstreamFailureFailsEveryRequestInTheBatch() {
    var backend = batching(settings());
    var one = backend.embed(EmbeddingRequest.of("m", List.of("a")));
    var two = backend.embed(EmbeddingRequest.of("m", List.of("b")));
    clock.advanceMillis(5);

    upstream.fail(0, new UpstreamUnavailableException("fake", 503, "HTTP 503", null));

    assertThat(failure(one)).isInstanceOf(UpstreamUnavailableException.class)
        .hasMessage("HTTP 503");
    assertThat(failure(two)).isInstanceOf(UpstreamUnavailableException.class);
  }

  @Test
  void aWrongNumberOfVectorsIsTheUpstreamsFault() {
    var backend = batching(settings());
    var one = backend.embed(EmbeddingRequest.of("m", List.of("a", "b")));
    clock.advanceMillis(5);

    upstream.answer(0, new EmbeddingResponse("m", List.of(new float[] {1}), new Usage(1, 0)));

    assertThat(failure(one)).isInstanceOf(UpstreamUnavailableException.class)
        .hasMessageContaining("returned 1 embeddings for 2 inputs");
  }

  @Test
  void aPerRequestDeadlineOverridesTheConfiguredSla() {
    var backend = batching(settings().withMaxWait(Duration.ofSeconds(1))
        .withSla(Duration.ofMillis(500)));
    backend.embed(EmbeddingRequest.of("m", List.of("relaxed")));
    clock.advanceMillis(100);
    assertThat(upstream.calls()).isEmpty();

    backend.embed(EmbeddingRequest.of("m", List.of("urgent")),
        Deadline.in(Duration.ofMillis(20)));
    clock.advanceMillis(20);

    assertThat(upstream.calls()).hasSize(1);
    assertThat(upstream.calls().getFirst().inputs()).containsExactly("relaxed", "urgent");
  }

  @Test
  void aBudgetGivenThroughTheCoreInterfaceIsTheDeadline() {
    dev.fulcrum.core.backend.EmbeddingBackend seenByThePipeline =
        batching(settings().withMaxWait(Duration.ofSeconds(1)));
    seenByThePipeline.embed(EmbeddingRequest.of("m", List.of("a")), Duration.ofMillis(20));

    clock.advanceMillis(19);
    assertThat(upstream.calls()).isEmpty();
    clock.advanceMillis(1);
    assertThat(upstream.calls()).hasSize(1);
  }

  @Test
  void theConfiguredSlaAppliesWhenNoDeadlineIsGiven() {
    var backend = batching(settings().withMaxWait(Duration.ofSeconds(1))
        .withSla(Duration.ofMillis(40)));
    backend.embed(EmbeddingRequest.of("m", List.of("a")));

    clock.advanceMillis(39);
    assertThat(upstream.calls()).isEmpty();
    clock.advanceMillis(1);
    assertThat(upstream.calls()).hasSize(1);
  }

  @Test
  void refusesWithARetriableErrorWhenTheQueueIsFull() {
    var backend = batching(settings().withMaxBatchSize(2).withMaxQueue(2));
    backend.embed(EmbeddingRequest.of("m", List.of("a", "b")));
    backend.embed(EmbeddingRequest.of("m", List.of("c", "d")));

    var refused = backend.embed(EmbeddingRequest.of("m", List.of("e")));

    assertThat(failure(refused)).isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("'fake' is overloaded");
  }

  @Test
  void splitsARequestLargerThanABatchOverSeveralAndReassemblesIt() {
    var backend = batching(settings().withMaxBatchSize(2).withMaxInFlight(2));
    var big = backend.embed(EmbeddingRequest.of("m", List.of("a", "bb", "ccc")));
    clock.advanceMillis(5);
    upstream.answer(1);
    upstream.answer(0);

    assertThat(upstream.calls()).extracting(EmbeddingRequest::inputs)
        .containsExactly(List.of("a", "bb"), List.of("ccc"));
    assertThat(value(big).vectors()).extracting(v -> v[0]).containsExactly(1f, 2f, 3f);
  }

  @Test
  void cancellingARequestWithdrawsItsQueuedInputsAndSparesTheOthers() {
    var backend = batching(settings());
    var kept = backend.embed(EmbeddingRequest.of("m", List.of("a")), Deadline.in(
        Duration.ofSeconds(1)));
    var dropped = backend.embed(EmbeddingRequest.of("m", List.of("b", "c")), Deadline.in(
        Duration.ofSeconds(1)));

    dropped.toCompletableFuture().cancel(false);
    assertThat(backend.stats().get("m").queuedItems()).isEqualTo(1);
    clock.advanceMillis(5);
    upstream.answer(0);

    assertThat(upstream.calls().getFirst().inputs()).containsExactly("a");
    assertThat(value(kept).vectors()).hasSize(1);
  }

  @Test
  void isTheBackendItWrapsAndClosesIt() {
    var backend = batching(settings());
    assertThat(backend.info()).isSameAs(upstream.info());
    backend.close();
    assertThat(upstream.closed).isTrue();
  }

  private static EmbeddingRequest request(String model, String input,
      com.fasterxml.jackson.databind.node.ObjectNode options) {
    return new EmbeddingRequest(model, List.of(input), EncodingFormat.FLOAT, options);
  }

  private static <T> T value(CompletionStage<T> stage) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    assertThat(future).isDone();
    return future.join();
  }

  private static Throwable failure(CompletionStage<?> stage) {
    CompletableFuture<?> future = stage.toCompletableFuture();
    assertThat(future).isCompletedExceptionally();
    try {
      future.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("not failed");
  }
}
