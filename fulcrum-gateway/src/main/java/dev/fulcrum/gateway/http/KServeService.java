package dev.fulcrum.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.NotFoundException;
import dev.fulcrum.core.error.PermissionDeniedException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.tensor.MalformedTensorException;
import dev.fulcrum.core.tensor.ModelMetadata;
import dev.fulcrum.core.tensor.TensorJson;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.pipeline.RequestPipeline;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * The Open Inference Protocol v2 (KServe v2, Triton) over HTTP/JSON, for the models of
 * {@code fulcrum.yaml}: {@code POST /v2/models/{name}/infer}, {@code GET /v2/models/{name}}
 * (metadata) and {@code GET /v2/models/{name}/ready}. Keys and tokens work as on {@code /v1}.
 * An inference goes through the pipeline like any request (limits, privacy, routing, fallback,
 * audit, metrics); metadata and readiness ask the backend a tensor request from this caller
 * would be routed to now, and are not recorded. Answers name the model by the caller's name.
 */
final class KServeService {
  /** Set by clients of the binary tensor extension, which Fulcrum does not read. */
  private static final String BINARY_HEADER = "inference-header-content-length";

  private final RequestPipeline pipeline;

  KServeService(RequestPipeline pipeline) {
    this.pipeline = pipeline;
  }

  void register(Router router, GatewayRoutes.Guards guards) {
    guards.post(router, "/v2/models/:model/infer", Scope.INFER).handler(this::infer);
    guards.get(router, "/v2/models/:model", Scope.MODELS).handler(this::metadata);
    guards.get(router, "/v2/models/:model/ready", Scope.MODELS).handler(this::ready);
  }

  private void infer(RoutingContext ctx) {
    if (ctx.request().getHeader(BINARY_HEADER) != null) {
      throw new InvalidRequestException("the binary tensor extension is not supported; send "
          + "tensor data as JSON (tritonclient: binary_data=False)");
    }
    String alias = ctx.pathParam("model");
    ObjectNode body = Exchange.body(ctx);
    TensorRequest request;
    try {
      request = TensorJson.readRequest(body, alias);
    } catch (MalformedTensorException e) {
      throw new InvalidRequestException(e.getMessage(), e.field());
    }
    pipeline.infer(context(ctx), request).whenComplete((served, error) -> {
      if (error != null) {
        Exchange.fail(ctx, error);
        return;
      }
      ObjectNode answer = TensorJson.writeResponse(served.value());
      answer.put("model_name", alias);
      answer.put("model_version", served.decision().versionId());
      if (body.path("id").isTextual()) {
        answer.put("id", body.path("id").asText());
      }
      Exchange.placementHeaders(ctx, served);
      Exchange.json(ctx, answer);
    });
  }

  private void metadata(RoutingContext ctx) {
    String alias = ctx.pathParam("model");
    pipeline.metadata(context(ctx), alias).whenComplete((served, error) -> {
      if (error != null) {
        Exchange.fail(ctx, error);
        return;
      }
      ModelMetadata upstream = served.value();
      Exchange.placementHeaders(ctx, served);
      Exchange.json(ctx, TensorJson.writeMetadata(new ModelMetadata(alias,
          List.of(served.decision().versionId()), upstream.platform(), upstream.inputs(),
          upstream.outputs())));
    });
  }

  /**
   * 200 when a backend that would serve this caller answers the model's metadata; 503 when
   * none can now (down, switched off, or the model not loaded there). A model that does not
   * exist, serves no tensors or may not serve this caller is an error, as for an inference.
   */
  private void ready(RoutingContext ctx) {
    String alias = ctx.pathParam("model");
    pipeline.metadata(context(ctx), alias).whenComplete((served, error) -> {
      Throwable cause = error instanceof CompletionException && error.getCause() != null
          ? error.getCause() : error;
      if (error != null && !meansNotNow(cause)) {
        Exchange.fail(ctx, cause);
        return;
      }
      ObjectNode answer = Json.object();
      answer.put("name", alias);
      answer.put("ready", error == null);
      Exchange.json(ctx, error == null ? 200 : 503, Json.bytes(answer));
    });
  }

  /** Failures that mean "not now" rather than "never for this caller", or a bug. */
  private static boolean meansNotNow(Throwable cause) {
    return cause instanceof FulcrumException && !(cause instanceof NotFoundException
        || cause instanceof InvalidRequestException
        || cause instanceof PermissionDeniedException);
  }

  private static RequestContext context(RoutingContext ctx) {
    return Exchange.context(ctx, Json.object());
  }
}
