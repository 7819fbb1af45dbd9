package dev.fulcrum.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.gateway.http.FulcrumHeaders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollouts that end themselves: real traffic through the gateway fills the rollout's window (see
 * {@link ObservedGateway} for how outcomes are reported), the policy judges it on {@code
 * evaluate()}, and the admin API and the next requests show the decision.
 */
class AutomaticRolloutIT {
  @TempDir
  Path dir;

  static long launch(AdminHttp admin, String policy) {
    var answer = admin.post("/admin/v1/rollouts", """
        {"model": "chat", "candidate": "2", "canary_percent": 50, "by": "alice",
         "reason": "try version 2", "policy": %s}""".formatted(policy));
    assertThat(answer.status()).as(answer.json().toString()).isEqualTo(201);
    return answer.json().path("id").asLong();
  }

  /** One request from each of {@code users} callers: "status version" → count. */
  static Map<String, Integer> traffic(AdminHttp admin, int users) {
    Map<String, Integer> outcomes = new HashMap<>();
    for (int u = 0; u < users; u++) {
      var response = admin.chat("chat", "user-" + u);
      outcomes.merge(response.statusCode() + " " + response.headers()
          .firstValue(FulcrumHeaders.MODEL_VERSION).orElse("-"), 1, Integer::sum);
    }
    return outcomes;
  }

  @Test
  void aBreachedGuardRollsTheCandidateBackAndTrafficReturnsToProd() {
    try (var gateway = new ObservedGateway(dir.resolve("store.db"), "chat",
        Map.of("2", 1.0))) {
      AdminHttp admin = new AdminHttp(gateway.port(), ObservedGateway.TENANT_KEY);
      long id = launch(admin, """
          {"guards": {"error_rate": 0.2}, "window": "1m", "min_samples": 20,
           "min_samples_to_breach": 3, "healthy_for": "1m"}""");
      Map<String, Integer> during = traffic(admin, 40);
      JsonNode watched = admin.get("/admin/v1/rollouts/" + id).json();

      var verdicts = gateway.rollouts.evaluate();

      assertThat(during).containsKey("200 chat@1").containsKey("502 -");
      assertThat(watched.path("window").path("candidate").path("errors").asLong())
          .isGreaterThanOrEqualTo(3);
      assertThat(watched.path("guards").get(0).path("status").asText()).isEqualTo("BREACHED");
      assertThat(verdicts.get(id).getClass().getSimpleName()).isEqualTo("Rollback");
      JsonNode after = admin.get("/admin/v1/rollouts/" + id).json();
      assertThat(after.path("state").asText()).isEqualTo("ROLLED_BACK");
      JsonNode decision = after.path("last_decision");
      assertThat(decision.path("verdict").asText()).isEqualTo("ROLLBACK");
      assertThat(decision.path("applied").asBoolean()).isTrue();
      assertThat(decision.path("by").asText()).isEqualTo("rollout-policy");
      assertThat(decision.path("verdict_reason").asText()).contains("error_rate");
      assertThat(decision.path("window").path("candidate").path("errors").asLong())
          .isGreaterThanOrEqualTo(3);
      assertThat(traffic(admin, 40)).containsOnlyKeys("200 chat@1");
      assertThat(admin.get("/admin/v1/models/chat/versions/2").json().path("state").asText())
          .isEqualTo("ROLLED_BACK");
    }
  }

  @Test
  void aHealthyCandidateIsPromotedOnceHealthyForLongEnough() {
    try (var gateway = new ObservedGateway(dir.resolve("store.db"), "chat",
        Map.of("2", 0.0))) {
      AdminHttp admin = new AdminHttp(gateway.port(), ObservedGateway.TENANT_KEY);
      long id = launch(admin, """
          {"guards": {"error_rate": 0.1, "p95_latency_ms": 5000}, "window": "10m",
           "min_samples": 5, "healthy_for": "30s"}""");
      assertThat(traffic(admin, 40)).containsOnlyKeys("200 chat@1", "200 chat@2");

      gateway.rollouts.evaluate();
      JsonNode holding = admin.get("/admin/v1/rollouts/" + id).json();
      gateway.clock.advance(Duration.ofSeconds(31));
      gateway.rollouts.evaluate();

      assertThat(holding.path("state").asText()).isEqualTo("RUNNING");
      assertThat(holding.path("guards")).allSatisfy(g ->
          assertThat(g.path("status").asText()).isEqualTo("HEALTHY"));
      JsonNode after = admin.get("/admin/v1/rollouts/" + id).json();
      assertThat(after.path("state").asText()).isEqualTo("PROMOTED");
      assertThat(after.path("last_decision").path("verdict_reason").asText())
          .startsWith("healthy for 31s");
      assertThat(admin.get("/admin/v1/models/chat").json().path("aliases").path("prod")
          .asText()).isEqualTo("2");
      assertThat(traffic(admin, 20)).containsOnlyKeys("200 chat@2");
    }
  }

  @Test
  void withoutAutoPromoteTheVerdictIsRecordedForAPersonToAct() {
    try (var gateway = new ObservedGateway(dir.resolve("store.db"), "chat",
        Map.of("2", 0.0))) {
      AdminHttp admin = new AdminHttp(gateway.port(), ObservedGateway.TENANT_KEY);
      long id = launch(admin, """
          {"guards": {"error_rate": 0.1}, "min_samples": 5, "healthy_for": "0s",
           "auto_promote": false}""");
      traffic(admin, 40);

      gateway.rollouts.evaluate();

      JsonNode after = admin.get("/admin/v1/rollouts/" + id).json();
      assertThat(after.path("state").asText()).isEqualTo("RUNNING");
      assertThat(after.path("last_decision").path("verdict").asText()).isEqualTo("PROMOTE");
      assertThat(after.path("last_decision").path("applied").asBoolean()).isFalse();
      var promoted = admin.post("/admin/v1/rollouts/" + id + "/promote",
          AdminHttp.change("the policy says healthy; agreed"));
      assertThat(promoted.json().path("state").asText()).isEqualTo("PROMOTED");
    }
  }
}
