package dev.fulcrum.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.gateway.http.FulcrumHeaders;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rollouts that end themselves, in a real gateway: traffic through {@code /v1/chat/completions}
 * fills the rollout's window, the gateway's scheduler (every 5 s) judges it against the policy,
 * and the admin API and the next requests show the decision.
 */
class AutomaticRolloutIT {
  static AdminFixture fixture;
  static AdminHttp admin;

  @BeforeAll
  static void start() {
    fixture = AdminFixture.start();
    admin = fixture.admin;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** A model with prod 1 on {@code sim} and candidate 2 on {@code backend}, rolled out 50%. */
  static Rollout launch(String prefix, String backend, String policy) {
    String model = fixture.modelWithProd(prefix);
    fixture.register(model, "2", backend);
    var answer = admin.post("/admin/v1/rollouts", """
        {"model": "%s", "candidate": "2", "canary_percent": 50, "by": "alice",
         "reason": "try version 2", "policy": %s}""".formatted(model, policy));
    assertThat(answer.status()).as(answer.json().toString()).isEqualTo(201);
    return new Rollout(model, answer.json().path("id").asLong());
  }

  record Rollout(String model, long id) {
    JsonNode get() {
      return admin.get("/admin/v1/rollouts/" + id).json();
    }

    /** Polls until {@code done} holds; fails after 30 s (two ticks are 10 s). */
    JsonNode await(Predicate<JsonNode> done) throws InterruptedException {
      long deadline = System.nanoTime() + 30_000_000_000L;
      JsonNode rollout = get();
      while (!done.test(rollout) && System.nanoTime() < deadline) {
        Thread.sleep(200);
        rollout = get();
      }
      return rollout;
    }
  }

  /** One request from each of {@code users} callers: "status version" → count. */
  static Map<String, Integer> traffic(String model, int users) {
    Map<String, Integer> outcomes = new HashMap<>();
    for (int u = 0; u < users; u++) {
      var response = admin.chat(model, "user-" + u);
      outcomes.merge(response.statusCode() + " " + response.headers()
          .firstValue(FulcrumHeaders.MODEL_VERSION).orElse("-"), 1, Integer::sum);
    }
    return outcomes;
  }

  /**
   * Polls until the routing state this gateway publishes sends {@code model} to {@code version}
   * only: a decision is committed first and published to the data plane right after.
   */
  static void awaitRoutedTo(String model, String version) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (JsonNode routed : admin.get("/admin/v1/state").json().path("models")) {
        if (routed.path("model").asText().equals(model) && routed.path("versions").size() == 1
            && routed.path("versions").path(0).path("version").asText().equals(version)) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(model + " is not routed to version " + version + " only within 5 s");
  }

  static boolean ended(JsonNode rollout) {
    return !rollout.path("state").asText().equals("RUNNING");
  }

  @Test
  void aBreachedGuardRollsTheCandidateBackAndTrafficReturnsToProd() throws Exception {
    Rollout rollout = launch("auto-rollback", "broken", """
        {"guards": {"error_rate": 0.2}, "window": "2m", "min_samples": 20,
         "min_samples_to_breach": 3, "healthy_for": "1m"}""");

    Map<String, Integer> during = traffic(rollout.model(), 40);
    JsonNode after = rollout.await(AutomaticRolloutIT::ended);

    assertThat(during).containsKey("200 " + rollout.model() + "@1").containsKey("502 -");
    assertThat(after.path("state").asText()).isEqualTo("ROLLED_BACK");
    JsonNode decision = after.path("last_decision");
    assertThat(decision.path("verdict").asText()).isEqualTo("ROLLBACK");
    assertThat(decision.path("applied").asBoolean()).isTrue();
    assertThat(decision.path("by").asText()).isEqualTo("rollout-policy");
    assertThat(decision.path("verdict_reason").asText()).contains("error_rate");
    assertThat(decision.path("window").path("candidate").path("errors").asLong())
        .isGreaterThanOrEqualTo(3);
    awaitRoutedTo(rollout.model(), "1");
    assertThat(traffic(rollout.model(), 40)).containsOnlyKeys("200 " + rollout.model() + "@1");
    assertThat(admin.get(AdminFixture.path(rollout.model(), "2")).json().path("state").asText())
        .isEqualTo("ROLLED_BACK");
  }

  @Test
  void aHealthyCandidateIsPromotedOnceHealthyForLongEnough() throws Exception {
    Rollout rollout = launch("auto-promote", "sim-b", """
        {"guards": {"error_rate": 0.1, "p95_latency_ms": 5000}, "window": "2m",
         "min_samples": 5, "healthy_for": "1s"}""");

    Map<String, Integer> during = traffic(rollout.model(), 40);
    JsonNode watched = rollout.get();
    JsonNode after = rollout.await(AutomaticRolloutIT::ended);

    assertThat(during).containsOnlyKeys("200 " + rollout.model() + "@1",
        "200 " + rollout.model() + "@2");
    assertThat(watched.path("window").path("candidate").path("requests").asLong())
        .isGreaterThanOrEqualTo(5);
    assertThat(watched.path("guards")).allSatisfy(g ->
        assertThat(g.path("status").asText()).isEqualTo("HEALTHY"));
    assertThat(after.path("state").asText()).isEqualTo("PROMOTED");
    assertThat(after.path("last_decision").path("verdict_reason").asText())
        .startsWith("healthy for");
    assertThat(admin.get("/admin/v1/models/" + rollout.model()).json().path("aliases")
        .path("prod").asText()).isEqualTo("2");
    awaitRoutedTo(rollout.model(), "2");
    assertThat(traffic(rollout.model(), 20)).containsOnlyKeys("200 " + rollout.model() + "@2");
  }

  @Test
  void withoutAutoPromoteTheVerdictIsRecordedForAPersonToAct() throws Exception {
    Rollout rollout = launch("manual-promote", "sim-b", """
        {"guards": {"error_rate": 0.1}, "window": "2m", "min_samples": 5, "healthy_for": "0s",
         "auto_promote": false}""");
    traffic(rollout.model(), 40);

    JsonNode after = rollout.await(r -> r.path("last_decision").isObject());

    assertThat(after.path("state").asText()).isEqualTo("RUNNING");
    assertThat(after.path("last_decision").path("verdict").asText()).isEqualTo("PROMOTE");
    assertThat(after.path("last_decision").path("applied").asBoolean()).isFalse();
    var promoted = admin.post("/admin/v1/rollouts/" + rollout.id() + "/promote",
        AdminHttp.change("the policy says healthy; agreed"));
    assertThat(promoted.json().path("state").asText()).isEqualTo("PROMOTED");
  }
}
