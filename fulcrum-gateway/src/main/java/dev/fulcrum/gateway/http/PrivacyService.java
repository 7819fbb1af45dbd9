package dev.fulcrum.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.privacy.guard.PrivacyGuard;
import dev.fulcrum.dataplane.privacy.sanitize.Sanitized;
import dev.fulcrum.dataplane.privacy.sanitize.Vault;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/privacy/analyze} {@code {text}} → {@code {entities:[{type,start,end,score}]}}
 * and {@code POST /v1/privacy/sanitize} {@code {text}} → the text as it would leave the trust
 * zone under the configured policy, with what was replaced. Offsets are UTF-16 indexes into the
 * given text. Runs on a worker thread: a large text never stalls an event loop.
 */
final class PrivacyService {
  static final int MAX_TEXT = 1 << 20;

  private final PrivacyGuard guard;

  PrivacyService(PrivacyGuard guard) {
    this.guard = guard;
  }

  void register(Router router, GatewayRoutes.Guards guards) {
    guards.post(router, "/v1/privacy/analyze", Scope.PRIVACY).blockingHandler(this::analyze,
        false);
    guards.post(router, "/v1/privacy/sanitize", Scope.PRIVACY).blockingHandler(this::sanitize,
        false);
  }

  private void analyze(RoutingContext ctx) {
    String text = text(Exchange.body(ctx));
    ObjectNode answer = Json.object();
    answer.set("entities", entities(guard.analyze(text)));
    Exchange.json(ctx, answer);
  }

  private void sanitize(RoutingContext ctx) {
    String text = text(Exchange.body(ctx));
    Tenant tenant = ctx.get(Exchange.TENANT_KEY);
    List<Entity> found = guard.analyze(text);
    Sanitized sanitized = guard.sanitizer(tenant).sanitize(text, found, Vault.create());
    ObjectNode answer = Json.object();
    answer.put("text", sanitized.text());
    ArrayNode replaced = answer.putArray("replacements");
    for (Sanitized.Replacement r : sanitized.replacements()) {
      replaced.addObject().put("type", r.type().name()).put("action", r.action().name())
          .put("start", r.start()).put("end", r.end());
    }
    ObjectNode counts = answer.putObject("counts");
    for (Map.Entry<?, Integer> count : sanitized.counts().entrySet()) {
      counts.put(count.getKey().toString(), count.getValue());
    }
    Exchange.json(ctx, answer);
  }

  private static ArrayNode entities(List<Entity> found) {
    ArrayNode array = Json.object().arrayNode(found.size());
    for (Entity e : found) {
      array.addObject().put("type", e.type().name()).put("start", e.start()).put("end", e.end())
          .put("score", Math.round(e.score() * 1000) / 1000.0);
    }
    return array;
  }

  private static String text(ObjectNode body) {
    JsonNode text = body.get("text");
    if (text == null || !text.isTextual()) {
      throw new InvalidRequestException("'text' is required and must be a string", "text");
    }
    if (text.asText().length() > MAX_TEXT) {
      throw new InvalidRequestException("'text' is longer than " + MAX_TEXT + " characters; "
          + "split it", "text");
    }
    return text.asText();
  }
}
