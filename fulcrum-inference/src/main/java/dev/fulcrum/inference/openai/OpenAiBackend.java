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
import dev.fulcrum.inference.internal.UpstreamErrors;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * Speaks the OpenAI HTTP API to one upstream over pooled, keep-alive Vert.x clients: one client
 * (and pool) per event loop, so a request served on a loop talks upstream on the same loop and
 * never hops threads; calls from outside an event loop share one more client.
 */
final class OpenAiBackend implements ChatBackend, StreamingChatBackend, EmbeddingBackend {
  /** Chunks that may wait for a slow client before the upstream read is paused. */
  private static final int STREAM_HIGH_WATER = 16;
  private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

  private final Vertx vertx;
  private final OpenAiSettings settings;
  private final BackendInfo info;
  private final HttpClientOptions clientOptions;
  private final PoolOptions poolOptions;
  private final HttpClient shared;
  private final ConcurrentHashMap<Thread, HttpClient> perLoop = new ConcurrentHashMap<>();
  private final String target;
  private final String basePath;
  private final MultiMap headers;

  OpenAiBackend(Vertx vertx, OpenAiSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.info = new BackendInfo(settings.name(), "openai", settings.placement(), false, false);
    var url = settings.baseUrl();
    boolean tls = "https".equals(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    this.target = url.getHost() + ":" + port;
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.clientOptions = new HttpClientOptions()
        .setDefaultHost(url.getHost())
        .setDefaultPort(port)
        .setSsl(tls)
        .setKeepAlive(true)
        .setConnectTimeout((int) settings.connectTimeout().toMillis());
    this.poolOptions = new PoolOptions().setHttp1MaxSize(settings.maxConnections());
    this.shared = vertx.createHttpClient(clientOptions, poolOptions);
    this.headers = MultiMap.caseInsensitiveMultiMap()
        .add(HttpHeaders.CONTENT_TYPE, "application/json")
        .add(HttpHeaders.ACCEPT, "application/json, text/event-stream");
    settings.apiKey().ifPresent(key -> headers.add(HttpHeaders.AUTHORIZATION, "Bearer " + key));
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
    return post("/chat/completions", body, response -> ChatResponse.fromWire(
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
    return send("/chat/completions", body)
        .compose(response -> accepted(response)
            .map(ok -> streamOf(response, request.model())))
        .toCompletionStage();
  }

  @Override
  public CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request) {
    return post("/embeddings", Buffer.buffer(Json.bytes(request.toJson())),
        response -> embeddings(UpstreamErrors.parseObject(name(), response), request));
  }

  @Override
  public void close() {
    perLoop.values().forEach(HttpClient::close);
    shared.close();
  }

  /** The client of the calling event loop, created on first use there. */
  private HttpClient client() {
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext()) {
      return shared;
    }
    return perLoop.computeIfAbsent(Thread.currentThread(),
        thread -> vertx.createHttpClient(clientOptions, poolOptions));
  }

  private <T> CompletionStage<T> post(String path, Buffer body, Function<byte[], T> decode) {
    return send(path, body)
        .compose(response -> accepted(response)
            .compose(ok -> response.body())
            .recover(error -> Future.failedFuture(mapTransport(error))))
        .map(buffer -> decode.apply(buffer.getBytes()))
        .toCompletionStage();
  }

  private Future<HttpClientResponse> send(String path, Buffer payload) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setURI(basePath + path)
        .setHeaders(headers)
        .setIdleTimeout(settings.readTimeout().toMillis());
    return client().request(options)
        .compose(request -> request.send(payload))
        .recover(error -> Future.failedFuture(mapTransport(error)));
  }

  /** Succeeds for 2xx; otherwise reads the error body and fails with the mapped exception. */
  private Future<Void> accepted(HttpClientResponse response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Future.succeededFuture();
    }
    String retryAfter = response.getHeader("retry-after");
    return response.body()
        .otherwise(Buffer.buffer())
        .compose(body -> Future.failedFuture(
            UpstreamErrors.fromStatus(name(), status, retryAfter, body.getBytes())));
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
    return UpstreamErrors.fromTransport(name(), target, error);
  }

  private String name() {
    return settings.name();
  }

  /** Whether the stream already ended one way or another; touched on the response's context. */
  private static final class StreamState {
    boolean finished;
  }
}
