package dev.fulcrum.inference.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.json.Json;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedBackendTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    vertx.close();
  }

  @Test
  void labelsItsAnswersAsSimulatedAndEchoesTheLastUserMessage() throws Exception {
    var backend = (ChatBackend) SimulatedBackends.create(vertx,
        SimulatedSettings.defaults("sim", Placement.CLOUD));
    var request = ChatRequest.of("m", List.of(ChatMessage.of("user", "first"),
        ChatMessage.of("assistant", "ok"), ChatMessage.of("user", "what is <PERSON_1>?")));

    var json = backend.chat(request).toCompletableFuture().get(30, TimeUnit.SECONDS).json();

    assertThat(json.path("system_fingerprint").asText()).isEqualTo("fulcrum-simulated");
    String content = json.path("choices").get(0).path("message").path("content").asText();
    assertThat(content).startsWith("[simulated").endsWith("You said: what is <PERSON_1>?");
    assertThat(backend.info().simulated()).isTrue();
  }

  @Test
  void stopsAtMaxTokensWithFinishReasonLength() throws Exception {
    var backend = (ChatBackend) SimulatedBackends.create(vertx,
        SimulatedSettings.defaults("sim", Placement.CLOUD));
    var options = Json.object().put("max_tokens", 3);
    var request = new ChatRequest("m", List.of(ChatMessage.of("user", "a b c d e f")), false,
        options);

    var json = backend.chat(request).toCompletableFuture().get(30, TimeUnit.SECONDS).json();

    var choice = json.path("choices").get(0);
    assertThat(choice.path("finish_reason").asText()).isEqualTo("length");
    assertThat(json.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
  }

  @Test
  void failsLikeAnUpstream503AtTheConfiguredErrorRate() {
    var backend = (ChatBackend) SimulatedBackends.create(vertx, new SimulatedSettings("flaky",
        Placement.CLOUD, SimulatedSettings.Latency.NONE, 0, SimulatedSettings.BatchCost.NONE,
        1.0, 1, 8));
    var request = ChatRequest.of("m", List.of(ChatMessage.of("user", "hi")));

    assertThatThrownBy(() -> backend.chat(request).toCompletableFuture().get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(UpstreamUnavailableException.class)
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void drawsLatenciesFromTheConfiguredLogNormal() {
    var settings = new SimulatedSettings("sim", Placement.CLOUD,
        new SimulatedSettings.Latency(Duration.ofMillis(100), Duration.ofMillis(400)), 0,
        SimulatedSettings.BatchCost.NONE, 0, 11, 8);
    Sampler sampler = new Sampler(settings);
    long[] draws = new long[20_000];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = sampler.firstToken().toNanos();
    }
    java.util.Arrays.sort(draws);

    assertThat(draws[draws.length / 2] / 1e6).isBetween(95.0, 105.0);
    assertThat(draws[(int) (draws.length * 0.99)] / 1e6).isBetween(370.0, 430.0);
  }

  @Test
  void chargesABatchItsBaseCostPlusAPerItemCost() {
    var cost = new SimulatedSettings.BatchCost(Duration.ofMillis(20), Duration.ofMillis(1));
    assertThat(cost.of(1)).isEqualTo(Duration.ofMillis(21));
    assertThat(cost.of(64)).isEqualTo(Duration.ofMillis(84));
  }

  @Test
  void aDeviceWithConcurrencyOneRunsOneBatchAtATimeAndQueuesTheRest() throws Exception {
    var settings = new SimulatedSettings("gpu", Placement.PRIVATE, SimulatedSettings.Latency.NONE,
        0, new SimulatedSettings.BatchCost(Duration.ofMillis(300), Duration.ZERO), 0, 1, 4)
        .withConcurrency(1);
    var backend = (SimulatedBackend) SimulatedBackends.create(vertx, settings);

    var calls = java.util.stream.IntStream.range(0, 3).mapToObj(i -> backend.embed(
        EmbeddingRequest.of("m", List.of("text " + i))).toCompletableFuture()).toList();

    assertThat(backend.device().busy()).isEqualTo(1);
    assertThat(backend.device().waiting()).isEqualTo(2);
    for (var call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS).vectors()).hasSize(1);
    }
    assertThat(backend.device().busy()).isZero();
  }

  @Test
  void runsEverythingInParallelByDefault() {
    var settings = new SimulatedSettings("cloud", Placement.CLOUD, SimulatedSettings.Latency.NONE,
        0, new SimulatedSettings.BatchCost(Duration.ofSeconds(30), Duration.ZERO), 0, 1, 4);
    var backend = (SimulatedBackend) SimulatedBackends.create(vertx, settings);

    for (int i = 0; i < 3; i++) {
      backend.embed(EmbeddingRequest.of("m", List.of("x")));
    }

    assertThat(settings.concurrency()).isEqualTo(SimulatedSettings.UNLIMITED);
    assertThat(backend.device().busy()).isEqualTo(3);
    assertThat(backend.device().waiting()).isZero();
  }

  @Test
  void refusesAConcurrencyBelowOne() {
    assertThatThrownBy(() -> SimulatedSettings.defaults("x", Placement.CLOUD).withConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency");
  }

  @Test
  void tokenizingKeepsTheTextExactly() {
    String text = " leading and  double spaces ";
    assertThat(String.join("", SimulatedAnswer.tokenize(text))).isEqualTo(text);
  }
}
