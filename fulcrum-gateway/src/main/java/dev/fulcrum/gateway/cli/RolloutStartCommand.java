package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fulcrum rollout start MODEL VERSION --canary 10 [--shadow 0.2] [policy options]}.
 * Guard options replace the default guards (error rate ≤ 5%, p95 ≤ 2 s) when any is given;
 * other policy options left out keep the server's defaults.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Start a canary and/or shadow rollout of VERSION against MODEL's prod.")
final class RolloutStartCommand extends AdminCommand {
  @Parameters(index = "0", paramLabel = "MODEL")
  String model;

  @Parameters(index = "1", paramLabel = "VERSION", description = "The candidate version.")
  String version;

  @Option(names = "--canary", paramLabel = "PERCENT", defaultValue = "0",
      description = "Share of callers (sticky per tenant/user) the candidate serves, 0-100.")
  double canary;

  @Option(names = "--shadow", paramLabel = "RATE", defaultValue = "0",
      description = "Fraction of requests also mirrored to the candidate, 0-1.")
  double shadow;

  @Option(names = "--error-rate", paramLabel = "MAX",
      description = "Guard: roll back when the candidate's error rate exceeds MAX (0-1).")
  Double errorRate;

  @Option(names = "--p95-ms", paramLabel = "MS",
      description = "Guard: roll back when the candidate's p95 latency exceeds MS.")
  Long p95Millis;

  @Option(names = "--agreement", paramLabel = "MIN",
      description = "Guard: roll back when fewer than MIN of shadow pairs agree (0-1).")
  Double agreement;

  @Option(names = "--similarity", paramLabel = "S", defaultValue = "0.9",
      description = "With --agreement: similarity at which a pair agrees (default: "
          + "${DEFAULT-VALUE}).")
  double similarity;

  @Option(names = "--window", paramLabel = "DURATION",
      description = "How far back guards look, e.g. 30s, 5m (default 5m).")
  String window;

  @Option(names = "--buckets", paramLabel = "N", description = "Window buckets (default 10).")
  Integer buckets;

  @Option(names = "--min-samples", paramLabel = "N",
      description = "Samples every guard needs before promotion (default 200).")
  Long minSamples;

  @Option(names = "--min-samples-to-breach", paramLabel = "N",
      description = "Samples a guard needs before it can trigger a rollback (default: the "
          + "smaller of 50 and --min-samples).")
  Long minSamplesToBreach;

  @Option(names = "--healthy-for", paramLabel = "DURATION",
      description = "How long all guards must stay healthy before promotion (default 10m).")
  String healthyFor;

  @Option(names = "--no-auto-promote", description = "Record a promote verdict; a person "
      + "promotes.")
  boolean manualPromote;

  @Option(names = "--no-auto-rollback", description = "Record a rollback verdict; a person "
      + "rolls back.")
  boolean manualRollback;

  @Option(names = "--pending", description = "Plan it without starting it: PENDING until "
      + "POST /admin/v1/rollouts/ID/start, or rollout abort ID.")
  boolean pending;

  @Option(names = "--reason", paramLabel = "WHY", description = "Why (default: canary of "
      + "MODEL VERSION).")
  String reason;

  @Mixin
  ByOption by;

  @Override
  int run(AdminClient client) {
    ObjectNode body = change(by.by, reason != null ? reason : "canary of " + model + " "
        + version).put("model", model).put("candidate", version).put("canary_percent", canary)
        .put("shadow_rate", shadow).put("start", !pending);
    body.set("policy", policy());
    JsonNode answer = client.post("/admin/v1/rollouts", body);
    if (!printedJson(answer)) {
      out().println((pending ? "planned rollout " : "started rollout ")
          + RolloutView.oneLine(answer));
      out().println("policy: " + RolloutView.policy(answer.path("policy")));
      out().println("watch it with: fulcrum rollout status " + answer.path("id").asText()
          + " --watch");
    }
    return 0;
  }

  private ObjectNode policy() {
    ObjectNode policy = Json.object();
    if (errorRate != null || p95Millis != null || agreement != null) {
      ObjectNode guards = policy.putObject("guards");
      if (errorRate != null) {
        guards.put("error_rate", errorRate);
      }
      if (p95Millis != null) {
        guards.put("p95_latency_ms", p95Millis);
      }
      if (agreement != null) {
        guards.putObject("shadow_agreement").put("min", agreement).put("similarity", similarity);
      }
    }
    if (window != null) {
      policy.put("window", window);
    }
    if (buckets != null) {
      policy.put("buckets", buckets);
    }
    if (minSamples != null) {
      policy.put("min_samples", minSamples);
    }
    if (minSamplesToBreach != null) {
      policy.put("min_samples_to_breach", minSamplesToBreach);
    }
    if (healthyFor != null) {
      policy.put("healthy_for", healthyFor);
    }
    return policy.put("auto_promote", !manualPromote).put("auto_rollback", !manualRollback);
  }
}
