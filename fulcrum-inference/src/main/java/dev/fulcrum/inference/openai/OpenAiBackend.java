package dev.fulcrum.inference.openai;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.inference.internal.ChunkPublisher;
import dev.fulcrum.inference.internal.HttpUpstream;
import dev.fulcrum.inference.internal.UpstreamErrors;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Speaks the OpenAI HTTP API to one upstream through {@link HttpUpstream} (pooled, one client per
 * event loop). A request the caller sent is forwarded as its own bytes while nothing in it was
 * rewritten; answers and stream chunks likewise come back as the upstream's bytes when they
 * already meet the spec.
 */
final class OpenAiBackend implements ChatBackend, StreamingChatBackend, EmbeddingBackend {
  /** Chunks that may wait for a slow client before the upstream read is paused. */
  private static final int STREAM_HIGH_WATER = 16;
  private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

  private final OpenAiSettings settings;
  private final BackendInfo info;
  private final HttpUpstream http;

  OpenAiBackend(Vertx vertx, OpenAiSettings settings) {
    this.settings = settings;
    this.info = new BackendInfo(settings.name(), "openai", settings.placement(), false, false);
    this.http = new HttpUpstream(vertx, new HttpUpstream.Endpoint(settings.name(),
        settings.baseUrl(), settings.apiKey(), settings.connectTimeout(), settings.readTimeout(),
        settings.maxConnections()), "application/json, text/event-stream");
  }

  @Override
  public BackendInfo info() {
    return info;
  }

  @Override
  public CompletionStage<ChatResponse> doChat(ChatRequest request) {
    Buffer body;
    if (request.stream()) {
      ObjectNode json = request.toJson();
      json.remove("stream");
      json.remove("stream_options");
      body = Buffer.buffer(Json.bytes(json));
    } else {
      body = Buffer.buffer(request.wireBytes());
    }
    return http.postJson("/chat/completions", body, response -> ChatResponse.fromWire(
        UpstreamErrors.parseObject(name(), response), response, request.model()));
  }

  @Override
  public CompletionStage<Flow.Publisher<ChatChunk>> doStream(ChatRequest request) {
    Buffer body;
    if (request.stream()) {
      body = Buffer.buffer(request.wireBytes());
    } else {
      ObjectNode json = request.toJson();
      json.put("stream", true);
      body = Buffer.buffer(Json.bytes(json));
    }
    return http.post("/chat/completions", body, response -> http.accepted(response)
            .map(ok -> streamOf(response, request.model())))
        .toCompletionStage();
  }

  @Override
  public CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request) {
    return http.postJson("/embeddings", request.toJson(),
        response -> embeddings(UpstreamErrors.parseObject(name(), response), request));
  }

  @Override
  public void close() {
    http.close();
  }

  private Flow.Publisher<ChatChunk> streamOf(HttpClientResponse response, String model) {
    var publisher = new ChunkPublisher<ChatChunk>(new ChunkPublisher.Source() {
      @Override
      public void pause() {
        response.pause();
      }

      @Override
      public void resume() {
        response.resume();
      }

      @Override
      public void cancel() {
        response.request().reset();
      }
    }, STREAM_HIGH_WATER);
    var state = new StreamState();
    SseDecoder decoder = new SseDecoder((data, length) ->
        onEvent(data, length, model, publisher, state));
    response.handler(buffer -> decoder.feed(buffer.getBytes()));
    response.exceptionHandler(error -> {
      if (!state.finished && !publisher.isCancelled()) {
        state.finished = true;
        publisher.fail(mapTransport(error));
      }
    });
    response.endHandler(end -> {
      decoder.finish();
      if (!state.finished) {
        state.finished = true;
        publisher.fail(new UpstreamUnavailableException(name(), "the stream from backend '"
            + name() + "' ended before its [DONE] marker (truncated)", null));
      }
    });
    return publisher;
  }

  private void onEvent(byte[] data, int length, String model,
      ChunkPublisher<ChatChunk> publisher, StreamState state) {
    if (state.finished) {
      return;
    }
    if (isDone(data, length)) {
      state.finished = true;
      publisher.complete();
      return;
    }
    byte[] bytes = Arrays.copyOf(data, length);
    ObjectNode chunk;
    try {
      chunk = UpstreamErrors.parseObject(name(), bytes);
    } catch (FulcrumException e) {
      state.finished = true;
      publisher.fail(e);
      return;
    }
    if (chunk.hasNonNull("error")) {
      state.finished = true;
      publisher.fail(UpstreamErrors.fromStatus(name(), 502, null, bytes));
      return;
    }
    publisher.emit(ChatChunk.fromWire(chunk, bytes, model));
  }

  /** Whether the event is the {@code [DONE]} marker (surrounding whitespace allowed). */
  private static boolean isDone(byte[] data, int length) {
    int start = 0;
    int end = length;
    while (start < end && data[start] <= ' ') {
      start++;
    }
    while (end > start && data[end - 1] <= ' ') {
      end--;
    }
    return Arrays.equals(data, start, end, DONE, 0, DONE.length);
  }

  private EmbeddingResponse embeddings(ObjectNode json, EmbeddingRequest request) {
    JsonNode data = json.path("data");
    if (!data.isArray() || data.size() != request.inputs().size()) {
      throw new UpstreamUnavailableException(name(), "backend '" + name() + "' returned "
          + data.size() + " embeddings for " + request.inputs().size() + " inputs", null);
    }
    float[][] vectors = new float[data.size()][];
    for (JsonNode item : data) {
      int index = item.path("index").asInt(-1);
      JsonNode values = item.path("embedding");
      if (index < 0 || index >= vectors.length || !values.isArray()) {
        throw new UpstreamUnavailableException(name(), "backend '" + name()
            + "' returned a malformed embedding item", null);
      }
      float[] vector = new float[values.size()];
      for (int i = 0; i < vector.length; i++) {
        vector[i] = (float) values.get(i).asDouble();
      }
      vectors[index] = vector;
    }
    long prompt = json.path("usage").path("prompt_tokens").asLong(0);
    return new EmbeddingResponse(json.path("model").asText(request.model()),
        List.of(vectors), new Usage(prompt, 0));
  }

  private FulcrumException mapTransport(Throwable error) {
    return http.mapTransport(error);
  }

  private String name() {
    return settings.name();
  }

  /** Whether the stream already ended one way or another; touched on the response's context. */
  private static final class StreamState {
    boolean finished;
  }
}
