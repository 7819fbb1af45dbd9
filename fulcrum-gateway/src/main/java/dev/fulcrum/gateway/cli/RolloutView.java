package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the CLI prints a rollout from the admin API's JSON. */
final class RolloutView {
  private RolloutView() {}

  /** {@code 3 RUNNING (chat-small 1 → 2, canary 10%, shadow 0.2)}. */
  static String oneLine(JsonNode r) {
    return r.path("id").asText() + " " + r.path("state").asText() + " (" + r.path("model")
        .asText() + " " + r.path("baseline").asText() + " → " + r.path("candidate").asText()
        + ", " + split(r) + ")";
  }

  static String split(JsonNode r) {
    return "canary " + number(r.path("canary_percent").asDouble()) + "%, shadow "
        + number(r.path("shadow_rate").asDouble());
  }

  /** Everything about one rollout, for {@code rollout status ID}. */
  static void detail(JsonNode r, PrintWriter out) {
    out.println("rollout " + r.path("id").asText() + ": " + r.path("model").asText() + " "
        + r.path("baseline").asText() + " → " + r.path("candidate").asText() + ", "
        + r.path("state").asText());
    out.println("split:   " + split(r));
    out.println("policy:  " + policy(r.path("policy")));
    JsonNode window = r.path("window");
    if (window.isObject()) {
      out.println("window:  last " + window.path("span").asText());
      Table table = new Table("", "VERSION", "REQUESTS", "ERRORS", "ERROR_RATE", "P95_MS");
      stats(table, "baseline", r.path("baseline").asText(), window.path("baseline"));
      stats(table, "candidate", r.path("candidate").asText(), window.path("candidate"));
      indent(out, table.render());
      JsonNode shadow = window.path("shadow");
      if (shadow.path("pairs").asLong() > 0) {
        out.println("  shadow pairs " + shadow.path("pairs").asLong() + ", agreed "
            + shadow.path("agreed").asLong() + ", shadow errors "
            + shadow.path("shadow_errors").asLong());
      }
    }
    if (!r.path("guards").isEmpty()) {
      out.println("guards:");
      Table table = new Table("GUARD", "STATUS", "VALUE", "LIMIT", "SAMPLES");
      r.path("guards").forEach(g -> table.row(g.path("guard").asText(), g.path("status")
          .asText(), decimal(g.path("value")), decimal(g.path("limit")),
          g.path("samples").asLong()));
      indent(out, table.render());
    }
    JsonNode decision = r.path("last_decision");
    if (decision.isObject()) {
      out.println("last decision: " + decision(decision));
    }
  }

  /** {@code ROLLBACK (applied) at …: error_rate 1.000 violates 0.050 over 5 requests}. */
  static String decision(JsonNode d) {
    return d.path("verdict").asText() + (d.path("applied").asBoolean() ? " (applied)"
        : " (not applied: the policy leaves it to a person)") + " at " + d.path("at").asText()
        + ": " + d.path("verdict_reason").asText();
  }

  /** One progress line for {@code --watch}. */
  static String progress(JsonNode r) {
    StringBuilder line = new StringBuilder(r.path("state").asText());
    JsonNode window = r.path("window");
    if (window.isObject()) {
      line.append("  candidate ").append(brief(window.path("candidate")))
          .append("  |  baseline ").append(brief(window.path("baseline")));
    }
    List<String> guards = new ArrayList<>();
    r.path("guards").forEach(g -> guards.add(g.path("guard").asText() + " "
        + g.path("status").asText()));
    if (!guards.isEmpty()) {
      line.append("  |  ").append(String.join(", ", guards));
    }
    return line.toString();
  }

  private static String brief(JsonNode stats) {
    return stats.path("requests").asLong() + " req, " + stats.path("errors").asLong() + " err"
        + (stats.path("p95_ms").isNumber() ? ", p95 " + Math.round(stats.path("p95_ms")
        .asDouble()) + " ms" : "");
  }

  static String policy(JsonNode p) {
    List<String> guards = new ArrayList<>();
    JsonNode g = p.path("guards");
    if (g.has("error_rate")) {
      guards.add("error_rate ≤ " + number(g.path("error_rate").asDouble()));
    }
    if (g.has("p95_latency_ms")) {
      guards.add("p95 ≤ " + g.path("p95_latency_ms").asLong() + " ms");
    }
    if (g.has("shadow_agreement")) {
      guards.add("shadow agreement ≥ " + number(g.path("shadow_agreement").path("min")
          .asDouble()) + " at similarity " + number(g.path("shadow_agreement")
          .path("similarity").asDouble()));
    }
    return String.join(", ", guards) + "; window " + p.path("window").asText() + "; promote "
        + "when healthy on " + p.path("min_samples").asLong() + "+ samples for "
        + p.path("healthy_for").asText() + "; roll back on " + p.path("min_samples_to_breach")
        .asLong() + "+ samples; " + (p.path("auto_promote").asBoolean() ? "auto" : "manual")
        + " promote, " + (p.path("auto_rollback").asBoolean() ? "auto" : "manual")
        + " rollback";
  }

  private static void stats(Table table, String role, String version, JsonNode s) {
    table.row(role, version, s.path("requests").asLong(), s.path("errors").asLong(),
        decimal(s.path("error_rate")), s.path("p95_ms").isNumber()
            ? Long.toString(Math.round(s.path("p95_ms").asDouble())) : "");
  }

  private static void indent(PrintWriter out, String text) {
    text.lines().forEach(line -> out.println("  " + line));
  }

  /** Rates to three decimals; milliseconds and other large numbers whole. */
  private static String decimal(JsonNode value) {
    if (!value.isNumber()) {
      return "";
    }
    double v = value.asDouble();
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.3f", v);
  }

  static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%s", value);
  }
}
