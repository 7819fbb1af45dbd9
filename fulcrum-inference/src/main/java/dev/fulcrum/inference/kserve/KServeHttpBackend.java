package dev.fulcrum.inference.kserve;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.UpstreamRejectedException;
import dev.fulcrum.core.tensor.ModelMetadata;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;
import dev.fulcrum.inference.internal.HttpUpstream;
import dev.fulcrum.inference.internal.UpstreamErrors;
import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Speaks the v2 HTTP/JSON protocol to one server. Model metadata is fetched once per model and
 * kept; a failed fetch is forgotten so the next call tries again, and a model whose inference
 * the server rejects (4xx) is looked up afresh next time, in case it was reloaded differently.
 */
final class KServeHttpBackend implements KServeBackend {
  private final KServeSettings settings;
  private final BackendInfo info;
  private final HttpUpstream http;
  private final ConcurrentHashMap<String, CompletableFuture<ModelMetadata>> metadata =
      new ConcurrentHashMap<>();

  KServeHttpBackend(Vertx vertx, KServeSettings settings) {
    this.settings = settings;
    this.info = new BackendInfo(settings.name(), "kserve", settings.placement(), false, true);
    this.http = new HttpUpstream(vertx, new HttpUpstream.Endpoint(settings.name(),
        settings.baseUrl(), settings.apiKey(), settings.connectTimeout(),
        settings.readTimeout(), settings.maxConnections()), "application/json");
  }

  @Override
  public BackendInfo info() {
    return info;
  }

  @Override
  public CompletionStage<Boolean> ready() {
    return http.status("/v2/health/ready").thenApply(status -> status == 200);
  }

  @Override
  public CompletionStage<Boolean> ready(String model) {
    return http.status(modelPath(model) + "/ready").thenApply(status -> status == 200);
  }

  @Override
  public CompletionStage<ModelMetadata> doMetadata(String model) {
    CompletableFuture<ModelMetadata> cached = metadata.computeIfAbsent(model, name ->
        http.getJson(modelPath(name), body -> V2Json.metadata(name(),
            UpstreamErrors.parseObject(name(), body))).toCompletableFuture());
    // chained, so a caller that sees the failure finds it already forgotten
    return cached.whenComplete((value, error) -> {
      if (error != null) {
        metadata.remove(model, cached);
      }
    });
  }

  @Override
  public CompletionStage<TensorResponse> doInfer(TensorRequest request) {
    return doMetadata(request.model()).thenCompose(model -> {
      model.validate(request);
      return send(request);
    });
  }

  @Override
  public CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request) {
    return doMetadata(request.model()).thenCompose(model -> {
      TextModel text = TextModel.of(model, settings);
      checkDimensions(request, text);
      TensorRequest tensors = text.request(request.inputs());
      model.validate(tensors);
      return send(tensors).thenApply(response -> new EmbeddingResponse(request.model(),
          text.vectors(response, request.inputs().size(), name()), estimatedUsage(request)));
    });
  }

  @Override
  public void close() {
    http.close();
  }

  private CompletionStage<TensorResponse> send(TensorRequest request) {
    return http.postJson(modelPath(request.model()) + "/infer", V2Json.request(request),
            body -> V2Json.response(name(), request.model(),
                UpstreamErrors.parseObject(name(), body)))
        .whenComplete((response, error) -> {
          Throwable cause = error instanceof CompletionException && error.getCause() != null
              ? error.getCause() : error;
          if (cause instanceof UpstreamRejectedException) {
            metadata.remove(request.model());
          }
        });
  }

  private void checkDimensions(EmbeddingRequest request, TextModel text) {
    var asked = request.options().get("dimensions");
    text.dimensions().ifPresent(d -> {
      if (asked != null && asked.asLong() != d) {
        throw new InvalidRequestException("model '" + request.model() + "' on backend '"
            + name() + "' returns " + d + " dimensions; omit 'dimensions' or set it to " + d,
            "dimensions");
      }
    });
  }

  /** v2 servers report no token counts; estimate 4 characters per token like the simulator. */
  private static Usage estimatedUsage(EmbeddingRequest request) {
    long chars = 0;
    for (String input : request.inputs()) {
      chars += input.length();
    }
    return new Usage((chars + 3) / 4, 0);
  }

  private static String modelPath(String model) {
    return "/v2/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String name() {
    return settings.name();
  }
}
