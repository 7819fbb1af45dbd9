package dev.fulcrum.gateway.http;

import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.dataplane.pipeline.RequestPipeline;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /v1/embeddings}: string or array input, float or base64 output. */
final class EmbeddingsService {
  private final RequestPipeline pipeline;

  EmbeddingsService(RequestPipeline pipeline) {
    this.pipeline = pipeline;
  }

  void register(Router router, GatewayRoutes.Guards guards) {
    guards.post(router, "/v1/embeddings", Scope.EMBEDDINGS).handler(this::embed);
  }

  private void embed(RoutingContext ctx) {
    EmbeddingRequest request = EmbeddingRequest.fromJson(Exchange.body(ctx));
    pipeline.embed(Exchange.context(ctx, request.options()), request).whenComplete((served, error) -> {
      if (error != null) {
        Exchange.fail(ctx, error);
        return;
      }
      Exchange.placementHeaders(ctx, served);
      Exchange.json(ctx, 200, Json.bytes(served.value().toJson(request.format())));
    });
  }
}
