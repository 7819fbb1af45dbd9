package dev.fulcrum.inference.simulated;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.StreamingChatBackend;
import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.json.Json;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Fabricates answers with realistic timing. Every answer says it is simulated, and carries
 * {@code system_fingerprint: "fulcrum-simulated"}.
 */
final class SimulatedBackend implements ChatBackend, StreamingChatBackend, EmbeddingBackend {
  static final String FINGERPRINT = "fulcrum-simulated";

  private final Vertx vertx;
  private final SimulatedSettings settings;
  private final BackendInfo info;
  private final Sampler sampler;
  private final Device device;

  SimulatedBackend(Vertx vertx, SimulatedSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.info = new BackendInfo(settings.name(), "simulated", settings.placement(), true, true);
    this.sampler = new Sampler(settings);
    this.device = new Device(settings.concurrency(), (millis, task) ->
        vertx.setTimer(millis, id -> task.run()));
  }

  @Override
  public BackendInfo info() {
    return info;
  }

  @Override
  public CompletionStage<ChatResponse> doChat(ChatRequest request) {
    SimulatedAnswer answer = SimulatedAnswer.of(settings.name(), request);
    Duration duration = sampler.firstToken()
        .plus(sampler.perToken().multipliedBy(answer.tokens().size()));
    return after(duration, () -> {
      failIfUnlucky();
      return response(request, answer);
    });
  }

  @Override
  public CompletionStage<Flow.Publisher<ChatChunk>> doStream(ChatRequest request) {
    SimulatedAnswer answer = SimulatedAnswer.of(settings.name(), request);
    return after(sampler.firstToken(), () -> {
      failIfUnlucky();
      return new SimulatedStream(vertx, chunkTemplate(request), answer, sampler.perToken(),
          request.includeUsage()).start();
    });
  }

  @Override
  public CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request) {
    return after(settings.batchCost().of(request.inputs().size()), () -> {
      failIfUnlucky();
      List<float[]> vectors = new ArrayList<>(request.inputs().size());
      long chars = 0;
      for (String input : request.inputs()) {
        vectors.add(vectorOf(input));
        chars += input.length();
      }
      return new EmbeddingResponse(request.model(), vectors, new Usage((chars + 3) / 4, 0));
    });
  }

  private void failIfUnlucky() {
    if (sampler.fails()) {
      throw new UpstreamUnavailableException(settings.name(), 503, "backend '" + settings.name()
          + "' answered HTTP 503: simulated failure (error-rate "
          + settings.errorRate() + ")", null);
    }
  }

  private ChatResponse response(ChatRequest request, SimulatedAnswer answer) {
    ObjectNode json = Json.object();
    json.put("id", newId());
    json.put("object", "chat.completion");
    json.put("created", nowSeconds());
    json.put("model", request.model());
    json.put("system_fingerprint", FINGERPRINT);
    var choices = json.putArray("choices");
    for (int i = 0; i < request.choices(); i++) {
      ObjectNode choice = choices.addObject();
      choice.put("index", i);
      ObjectNode message = choice.putObject("message");
      message.put("role", "assistant");
      message.put("content", answer.text());
      message.putNull("refusal");
      choice.putNull("logprobs");
      choice.put("finish_reason", answer.finishReason());
    }
    long completion = (long) answer.tokens().size() * request.choices();
    json.set("usage", new Usage(answer.promptTokens(), completion).toJson());
    return ChatResponse.fromJson(json, request.model());
  }

  private ObjectNode chunkTemplate(ChatRequest request) {
    ObjectNode json = Json.object();
    json.put("id", newId());
    json.put("object", "chat.completion.chunk");
    json.put("created", nowSeconds());
    json.put("model", request.model());
    json.put("system_fingerprint", FINGERPRINT);
    return json;
  }

  /** A unit vector that depends only on the text, so equal inputs embed equally. */
  private float[] vectorOf(String text) {
    SplittableRandom random = new SplittableRandom(text.hashCode() * 0x9E3779B97F4A7C15L);
    float[] vector = new float[settings.dimensions()];
    double norm = 0;
    for (int i = 0; i < vector.length; i++) {
      vector[i] = (float) random.nextGaussian();
      norm += vector[i] * vector[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < vector.length; i++) {
      vector[i] *= scale;
    }
    return vector;
  }

  /** The simulated device, for tests. */
  Device device() {
    return device;
  }

  /**
   * Runs {@code work} once the device has a free slot and {@code delay} has passed on it (Vert.x
   * timers), or at once when a slot is free and the delay is under 1 ms.
   */
  private <T> CompletionStage<T> after(Duration delay, Supplier<T> work) {
    CompletableFuture<T> future = new CompletableFuture<>();
    device.run(delay, () -> {
      try {
        future.complete(work.get());
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
    });
    return future;
  }

  private static String newId() {
    return "chatcmpl-sim-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  private static long nowSeconds() {
    // a wire timestamp only; simulated timing itself runs on Vert.x timers
    return System.currentTimeMillis() / 1000;
  }
}
