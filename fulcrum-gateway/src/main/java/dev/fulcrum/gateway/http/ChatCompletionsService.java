package dev.fulcrum.gateway.http;

import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.dataplane.pipeline.RequestPipeline;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /v1/chat/completions}, plain and streamed. */
final class ChatCompletionsService {
  private final RequestPipeline pipeline;

  ChatCompletionsService(RequestPipeline pipeline) {
    this.pipeline = pipeline;
  }

  void register(Router router, GatewayRoutes.Guards guards) {
    guards.post(router, "/v1/chat/completions", Scope.CHAT).handler(this::complete);
  }

  private void complete(RoutingContext ctx) {
    ChatRequest request = ChatRequest.parse(Exchange.bodyBytes(ctx));
    var context = Exchange.context(ctx, request.options());
    if (request.stream()) {
      pipeline.stream(context, request).whenComplete((served, error) -> {
        if (error != null) {
          Exchange.fail(ctx, error);
          return;
        }
        Exchange.placementHeaders(ctx, served);
        SseWriter writer = new SseWriter(ctx, request.includeUsage());
        writer.begin();
        served.value().subscribe(writer);
      });
    } else {
      pipeline.chat(context, request).whenComplete((served, error) -> {
        if (error != null) {
          Exchange.fail(ctx, error);
          return;
        }
        Exchange.placementHeaders(ctx, served);
        Exchange.json(ctx, 200, served.value().toBytes());
      });
    }
  }
}
