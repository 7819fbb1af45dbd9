package dev.fulcrum.gateway.limits;

import dev.fulcrum.controlplane.store.StoreException;
import dev.fulcrum.controlplane.telemetry.PrivacyBudget;
import dev.fulcrum.controlplane.telemetry.PrivacyBudgetExhaustedException;
import dev.fulcrum.controlplane.telemetry.TelemetryRelease;
import dev.fulcrum.controlplane.usage.Dimension;
import dev.fulcrum.controlplane.usage.UsageCounts;
import dev.fulcrum.controlplane.usage.UsageLedger;
import dev.fulcrum.controlplane.usage.UsageQuery;
import dev.fulcrum.controlplane.usage.UsageRow;
import dev.fulcrum.controlplane.usage.UsageTelemetry;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /admin/v1/usage} (usage and cost summed by tenant, feature, model and day) and
 * {@code POST /admin/v1/telemetry/release} (a feature's day as DP aggregates). Both flush the
 * ledger first, so they include every request answered before they were asked, and run their
 * store work off the event loop. Mounted after the admin API, whose key check they rely on.
 */
final class UsageApi implements Consumer<Router> {
  static final String USAGE = "/admin/v1/usage";
  static final String RELEASE = "/admin/v1/telemetry/release";
  private static final Logger log = LoggerFactory.getLogger(UsageApi.class);
  private static final String SHAPE = "{\"feature\": \"NAME\", \"day\": \"YYYY-MM-DD\"}";
  private static final Set<String> PARAMETERS =
      Set.of("tenant", "feature", "model", "from", "to", "group_by");

  private final UsageLedger ledger;
  private final Optional<UsageTelemetry> telemetry;
  private final Clock clock;
  private final boolean adminEnabled;

  UsageApi(UsageLedger ledger, Optional<UsageTelemetry> telemetry, Clock clock,
      boolean adminEnabled) {
    this.ledger = ledger;
    this.telemetry = telemetry;
    this.clock = clock;
    this.adminEnabled = adminEnabled;
  }

  @Override
  public void accept(Router router) {
    if (!adminEnabled) {
      return; // no admin keys: nothing checks who asks, so nothing is served
    }
    router.get(USAGE).handler(this::usage);
    router.post(RELEASE).handler(this::release);
  }

  private void usage(RoutingContext ctx) {
    UsageQuery query;
    try {
      query = query(ctx);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      error(ctx, 400, "invalid_request_error", "invalid_request", e.getMessage());
      return;
    }
    blocking(ctx, () -> {
      awaitFlush();
      return ledger.query(query);
    }, rows -> json(ctx, 200, usage(query, rows)));
  }

  private UsageQuery query(RoutingContext ctx) {
    for (String name : ctx.queryParams().names()) {
      if (!PARAMETERS.contains(name)) {
        throw new IllegalArgumentException("unknown query parameter '" + name + "'; known: "
            + "tenant, feature, model, from, to, group_by");
      }
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate from = date(ctx, "from", today.withDayOfMonth(1));
    UsageQuery query = UsageQuery.between(from, date(ctx, "to", today));
    for (Dimension filter : List.of(Dimension.TENANT, Dimension.FEATURE, Dimension.MODEL)) {
      String value = ctx.queryParams().get(filter.column());
      if (value != null) {
        query = query.where(filter, value);
      }
    }
    String groupBy = Optional.ofNullable(ctx.queryParams().get("group_by")).orElse("tenant");
    for (String name : groupBy.split(",")) {
      if (!name.isBlank()) {
        query = query.groupBy(Dimension.of(name));
      }
    }
    return query;
  }

  private static LocalDate date(RoutingContext ctx, String name, LocalDate fallback) {
    String value = ctx.queryParams().get(name);
    try {
      return value == null ? fallback : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date such as 2025-03-01, got '"
          + value + "'");
    }
  }

  private static JsonObject usage(UsageQuery query, List<UsageRow> rows) {
    JsonObject filters = new JsonObject();
    query.filters().forEach((dimension, value) -> filters.put(dimension.column(), value));
    JsonArray out = new JsonArray();
    UsageCounts total = UsageCounts.ZERO;
    for (UsageRow row : rows) {
      JsonObject json = new JsonObject();
      query.groupBy().forEach(d -> json.put(d.column(), row.group().get(d)));
      out.add(counts(json, row.counts()));
      total = total.plus(row.counts());
    }
    return new JsonObject()
        .put("object", "usage")
        .put("from", query.from().toString())
        .put("to", query.to().toString())
        .put("filters", filters)
        .put("group_by", new JsonArray(query.groupBy().stream().map(Dimension::column).toList()))
        .put("rows", out)
        .put("total", counts(new JsonObject(), total));
  }

  private static JsonObject counts(JsonObject json, UsageCounts counts) {
    return json.put("requests", counts.requests())
        .put("prompt_tokens", counts.promptTokens())
        .put("completion_tokens", counts.completionTokens())
        .put("total_tokens", counts.totalTokens())
        .put("cost_usd", counts.costUsd());
  }

  private void release(RoutingContext ctx) {
    if (telemetry.isEmpty()) {
      error(ctx, 403, "permission_error", "telemetry_disabled", "telemetry is off; set "
          + "telemetry.enabled: true and list the tenants who opted in under telemetry.tenants");
      return;
    }
    String feature;
    LocalDate day;
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null || !(body.getValue("feature") instanceof String f)
          || !(body.getValue("day") instanceof String d)) {
        throw new IllegalArgumentException("send " + SHAPE);
      }
      feature = f;
      day = LocalDate.parse(d);
      if (day.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
        throw new IllegalArgumentException("day " + day + " is in the future");
      }
    } catch (DecodeException e) {
      error(ctx, 400, "invalid_request_error", "invalid_request", "the body must be JSON: "
          + SHAPE); // the parser's message would quote the body
      return;
    } catch (DateTimeParseException e) {
      error(ctx, 400, "invalid_request_error", "invalid_request",
          "day must be a date such as 2025-03-01");
      return;
    } catch (IllegalArgumentException e) {
      error(ctx, 400, "invalid_request_error", "invalid_request", e.getMessage());
      return;
    }
    UsageTelemetry releases = telemetry.get();
    blocking(ctx, () -> {
      TelemetryRelease release = releases.release(feature, day);
      return released(release, releases.telemetry().budget(day));
    }, json -> json(ctx, 200, json));
  }

  private static JsonObject released(TelemetryRelease release, PrivacyBudget budget) {
    return new JsonObject()
        .put("object", "telemetry.release")
        .put("feature", release.feature())
        .put("day", release.day().toString())
        .put("requests", release.requests())
        .put("tokens", release.tokens())
        .put("mechanism", release.mechanism())
        .put("epsilon", release.epsilon())
        .put("delta", release.delta())
        .put("noise_scale", new JsonObject().put("requests", release.requestsNoiseScale())
            .put("tokens", release.tokensNoiseScale()))
        .put("budget", new JsonObject()
            .put("epsilon", budget.epsilonBudget())
            .put("delta", budget.deltaBudget())
            .put("epsilon_spent", budget.epsilonSpent())
            .put("delta_spent", budget.deltaSpent())
            .put("epsilon_remaining", budget.epsilonRemaining()));
  }

  private void awaitFlush() throws Exception {
    try {
      ledger.flush().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Runs store work on a worker thread and answers from its result or failure. */
  private static <T> void blocking(RoutingContext ctx, Callable<T> work, Consumer<T> answer) {
    ctx.vertx().executeBlocking(work, false).onComplete(done -> {
      if (done.succeeded()) {
        answer.accept(done.result());
        return;
      }
      switch (done.cause()) {
        case PrivacyBudgetExhaustedException e ->
            error(ctx, 409, "invalid_request_error", "privacy_budget_exhausted", e.getMessage());
        case IllegalArgumentException e ->
            error(ctx, 400, "invalid_request_error", "invalid_request", e.getMessage());
        case StoreException e -> {
          log.warn("usage: the store failed ({})", e.getMessage());
          error(ctx, 503, "server_error", "store_unavailable", "the usage store is unavailable; "
              + "try again shortly");
        }
        default -> {
          log.error("usage: unexpected failure", done.cause());
          error(ctx, 500, "server_error", "internal_error", "internal error in Fulcrum");
        }
      }
    });
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(body.encode());
  }

  private static void error(RoutingContext ctx, int status, String type, String code,
      String message) {
    json(ctx, status, new JsonObject().put("error", new JsonObject().put("message", message)
        .put("type", type).putNull("param").put("code", code)));
  }
}
