package dev.fulcrum.gateway.drift;

import dev.fulcrum.controlplane.drift.DriftReport;
import dev.fulcrum.controlplane.drift.FeatureResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * {@code GET /admin/v1/drift} (every model) and {@code GET /admin/v1/drift/{model}} (checks now):
 * each model's reference progress and its latest report, as JSON with a plain-text table in
 * {@code text}. Mounted after the admin API, whose admin-key check covers it.
 */
public final class DriftAdmin implements Consumer<Router> {
  private final DriftService drift;

  public DriftAdmin(DriftService drift) {
    this.drift = drift;
  }

  @Override
  public void accept(Router router) {
    router.get("/admin/v1/drift").blockingHandler(this::all);
    router.get("/admin/v1/drift/:model").blockingHandler(this::one);
  }

  private void all(RoutingContext ctx) {
    JsonArray models = new JsonArray();
    drift.status().forEach(status -> models.add(json(status)));
    reply(ctx, 200, new JsonObject().put("models", models).put("dropped_samples",
        drift.dropped()));
  }

  private void one(RoutingContext ctx) {
    String model = ctx.pathParam("model");
    drift.checkNow(model).ifPresentOrElse(status -> reply(ctx, 200, json(status)),
        () -> reply(ctx, 404, new JsonObject().put("error", new JsonObject()
            .put("message", "no traffic has been seen for model '" + model + "' yet")
            .put("type", "invalid_request_error").putNull("param").putNull("code"))));
  }

  private static JsonObject json(DriftStatus status) {
    JsonObject json = new JsonObject()
        .put("model", status.model())
        .put("state", status.monitoring() ? "monitoring" : "collecting_reference")
        .put("reference_samples", status.referenceSamples())
        .put("reference_size", status.referenceSize());
    status.last().ifPresent(report -> json.put("report", report(report)));
    return json;
  }

  private static JsonObject report(DriftReport report) {
    JsonArray results = new JsonArray();
    for (FeatureResult r : report.results()) {
      results.add(new JsonObject().put("feature", r.feature()).put("test", r.test().name())
          .put("statistic", finite(r.statistic())).put("threshold", finite(r.threshold()))
          .put("p_value", finite(r.pValue())).put("samples", r.currentSamples())
          .put("drifted", r.drifted()));
    }
    return new JsonObject().put("at", report.at().toString())
        .put("reference_samples", report.referenceSamples())
        .put("current_samples", report.currentSamples())
        .put("drifted", report.drifted()).put("results", results)
        .put("text", report.render());
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(body.encode());
  }
}
