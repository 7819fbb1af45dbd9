package dev.fulcrum.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.pipeline.Served;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;

/** Reading and answering one HTTP exchange; shared by the services of this package. */
final class Exchange {
  static final String REQUEST_ID_KEY = "fulcrum.requestId";
  static final String TENANT_KEY = "fulcrum.tenant";
  /** Marks an exchange on a {@code /v2} path, whose errors take the v2 shape. */
  static final String V2_KEY = "fulcrum.v2";
  private static final String JSON = "application/json";

  private Exchange() {}

  static String requestId(RoutingContext ctx) {
    return ctx.get(REQUEST_ID_KEY);
  }

  /**
   * @param options the request's uninterpreted fields; OpenAI's {@code user} makes canary splits
   *     sticky per end user
   */
  static RequestContext context(RoutingContext ctx, ObjectNode options) {
    Tenant tenant = ctx.get(TENANT_KEY);
    return new RequestContext(requestId(ctx), tenant, options.path("user").asText(""),
        HintHeaders.parse(ctx.request().headers()));
  }

  /** The request body as one JSON object; throws an InvalidRequestException otherwise. */
  static ObjectNode body(RoutingContext ctx) {
    return Json.parseObject(bodyBytes(ctx));
  }

  /** The raw request body (empty when there is none). */
  static byte[] bodyBytes(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    String type = ctx.request().getHeader("content-type");
    if (body == null && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      // vert.x-web consumes multipart bodies as form fields; the API speaks JSON only
      throw new InvalidRequestException("request body must be JSON (content-type: "
          + "application/json), not " + type.split(";", 2)[0].strip());
    }
    return body == null ? new byte[0] : body.getBytes();
  }

  static void json(RoutingContext ctx, int status, byte[] body) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status)
        .putHeader("content-type", JSON)
        .end(Buffer.buffer(body));
  }

  static void json(RoutingContext ctx, ObjectNode body) {
    json(ctx, 200, Json.bytes(body));
  }

  /** Answers errors of this exchange in the v2 shape, {@code {"error": message}}. */
  static void useV2Errors(RoutingContext ctx) {
    ctx.put(V2_KEY, Boolean.TRUE);
  }

  /** Answers with the error for {@code error}: OpenAI-shaped, or v2-shaped on {@code /v2}. */
  static void fail(RoutingContext ctx, Throwable error) {
    send(ctx, ErrorMapper.map(error, requestId(ctx)));
  }

  /** Answers with {@code mapped}. */
  static void send(RoutingContext ctx, ApiError mapped) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      // too late for a status: the stream's own error event was already sent or is impossible
      response.reset();
      return;
    }
    for (Map.Entry<String, String> header : mapped.headers().entrySet()) {
      response.putHeader(header.getKey(), header.getValue());
    }
    boolean v2 = Boolean.TRUE.equals(ctx.get(V2_KEY));
    json(ctx, mapped.status(), Json.bytes(v2 ? mapped.toV2Json() : mapped.toJson()));
  }

  /** {@code EMAIL_ADDRESS=2, PERSON=1}: counts by type, never values. */
  static String piiHeader(Map<dev.fulcrum.core.privacy.EntityType, Integer> counts) {
    StringBuilder header = new StringBuilder();
    new java.util.TreeMap<>(counts).forEach((type, count) -> {
      if (header.length() > 0) {
        header.append(", ");
      }
      header.append(type.name()).append('=').append(count);
    });
    return header.toString();
  }

  /** Headers that say where a request went. */
  static void placementHeaders(RoutingContext ctx, Served<?> served) {
    HttpServerResponse response = ctx.response();
    var backend = served.servedBy().backend();
    response.putHeader(FulcrumHeaders.BACKEND, backend.name());
    response.putHeader(FulcrumHeaders.PLACEMENT, backend.placement().name());
    response.putHeader(FulcrumHeaders.MODEL_VERSION, served.decision().version());
    response.putHeader(FulcrumHeaders.ATTEMPTS, Integer.toString(served.attempts()));
    if (backend.simulated()) {
      response.putHeader(FulcrumHeaders.SIMULATED, "true");
    }
    if (!served.entities().isEmpty()) {
      response.putHeader(FulcrumHeaders.PII, piiHeader(served.entities()));
    }
    if (served.sanitized()) {
      response.putHeader(FulcrumHeaders.SANITIZED, "true");
    }
    if (served.decision().degraded()) {
      response.putHeader(FulcrumHeaders.DEGRADED, "true");
    }
    served.split().ifPresent(choice -> response.putHeader(FulcrumHeaders.SPLIT,
        choice.toString()));
    if (HintHeaders.explain(ctx.request().headers())) {
      response.putHeader(FulcrumHeaders.DECISION, DecisionJson.of(served.decision()));
    }
  }
}
