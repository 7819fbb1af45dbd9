package dev.fulcrum.gateway.admin;

import static dev.fulcrum.gateway.admin.ModelsAdminIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.gateway.admin.AdminHttp.Answer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code /admin/v1/rollouts} over real HTTP, with real traffic through the gateway. */
class RolloutsAdminIT {
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

  /** A model with prod 1 and a registered candidate 2; returns the model. */
  static String modelWithCandidate(String prefix) {
    String model = fixture.modelWithProd(prefix);
    fixture.register(model, "2", "sim");
    return model;
  }

  static Answer launch(String model, double canaryPercent, String extra) {
    return admin.post("/admin/v1/rollouts", """
        {"model": "%s", "candidate": "2", "canary_percent": %s, %s
         "by": "alice", "reason": "try version 2"}
        """.formatted(model, canaryPercent, extra));
  }

  static long id(Answer answer) {
    assertThat(answer.status()).as(answer.json().toString()).isIn(200, 201);
    return answer.json().path("id").asLong();
  }

  /** Which version served each of {@code users} distinct callers. */
  static Map<String, Integer> versionsFor(String model, int users) {
    Map<String, Integer> counts = new HashMap<>();
    for (int u = 0; u < users; u++) {
      counts.merge(fixture.servedVersion(model, "user-" + u), 1, Integer::sum);
    }
    return counts;
  }

  @Nested
  class Canary {
    @Test
    void theCandidateServesItsShareOfCallers() {
      String model = modelWithCandidate("canary");

      var started = launch(model, 30, "");
      Map<String, Integer> counts = versionsFor(model, 60);

      assertThat(started.status()).isEqualTo(201);
      assertThat(started.json().path("state").asText()).isEqualTo("RUNNING");
      assertThat(started.json().path("baseline").asText()).isEqualTo("1");
      assertThat(counts).containsOnlyKeys(model + "@1", model + "@2");
      assertThat(counts.get(model + "@2")).isBetween(6, 30);
      var shown = admin.get("/admin/v1/models/" + model).json();
      assertThat(shown.path("aliases").path("canary").asText()).isEqualTo("2");
      assertThat(shown.path("rollout").path("id").asLong()).isEqualTo(id(started));
    }

    @Test
    void aCallerStaysOnOneVersionWhileTheSplitHolds() {
      String model = modelWithCandidate("sticky");
      launch(model, 50, "");

      String first = fixture.servedVersion(model, "the-same-user");

      for (int i = 0; i < 5; i++) {
        assertThat(fixture.servedVersion(model, "the-same-user")).isEqualTo(first);
      }
    }

    @Test
    void statusShowsStateSplitPolicyWindowAndGuards() {
      String model = modelWithCandidate("status");
      long id = id(launch(model, 10, """
          "shadow_rate": 0.2, "policy": {"guards": {"error_rate": 0.1, "p95_latency_ms": 500},
           "window": "30s", "buckets": 6, "min_samples": 5, "healthy_for": "10s",
           "auto_promote": false},"""));

      JsonNode rollout = admin.get("/admin/v1/rollouts/" + id).json();

      assertThat(rollout.path("state").asText()).isEqualTo("RUNNING");
      assertThat(rollout.path("canary_percent").asDouble()).isEqualTo(10);
      assertThat(rollout.path("shadow_rate").asDouble()).isEqualTo(0.2);
      JsonNode policy = rollout.path("policy");
      assertThat(policy.path("guards").path("error_rate").asDouble()).isEqualTo(0.1);
      assertThat(policy.path("guards").path("p95_latency_ms").asLong()).isEqualTo(500);
      assertThat(policy.path("window").asText()).isEqualTo("30s");
      assertThat(policy.path("min_samples_to_breach").asLong()).isEqualTo(5);
      assertThat(policy.path("auto_promote").asBoolean()).isFalse();
      assertThat(policy.path("auto_rollback").asBoolean()).isTrue();
      assertThat(rollout.path("window").path("span").asText()).isNotBlank();
      assertThat(rollout.path("window").path("candidate").has("requests")).isTrue();
      assertThat(rollout.path("guards")).extracting(g -> g.path("guard").asText())
          .containsExactly("error_rate", "p95_latency_ms");
      assertThat(rollout.path("last_decision").isNull()).isTrue();
    }

    @Test
    void aNewSplitTakesEffectOnTheNextRequest() {
      String model = modelWithCandidate("split");
      long id = id(launch(model, 1, ""));

      var split = admin.post("/admin/v1/rollouts/" + id + "/split",
          "{\"canary_percent\": 100, \"by\": \"alice\", \"reason\": \"all in\"}");

      assertThat(split.json().path("canary_percent").asDouble()).isEqualTo(100);
      assertThat(versionsFor(model, 10)).containsOnlyKeys(model + "@2");
    }

    @Test
    void listsRolloutsNewestFirstFilteredByModelAndState() {
      String model = modelWithCandidate("list");
      long first = id(launch(model, 10, ""));
      admin.post("/admin/v1/rollouts/" + first + "/abort", AdminHttp.change("restart"));
      long second = id(launch(model, 20, ""));

      JsonNode all = admin.get("/admin/v1/rollouts?model=" + model).json().path("data");
      JsonNode running = admin.get("/admin/v1/rollouts?state=running").json().path("data");

      assertThat(all).extracting(r -> r.path("id").asLong()).containsExactly(second, first);
      assertThat(running).extracting(r -> r.path("id").asLong()).contains(second)
          .doesNotContain(first);
    }
  }

  @Nested
  class Ending {
    @Test
    void promotingMakesTheCandidateProdForEveryone() {
      String model = modelWithCandidate("promote");
      long id = id(launch(model, 10, ""));

      var promoted = admin.post("/admin/v1/rollouts/" + id + "/promote",
          AdminHttp.change("looks good"));

      assertThat(promoted.json().path("state").asText()).isEqualTo("PROMOTED");
      assertThat(versionsFor(model, 10)).containsOnlyKeys(model + "@2");
      var shown = admin.get("/admin/v1/models/" + model).json();
      assertThat(shown.path("aliases").path("prod").asText()).isEqualTo("2");
      assertThat(shown.path("aliases").has("canary")).isFalse();
    }

    @Test
    void rollingBackReturnsEveryoneToProd() {
      String model = modelWithCandidate("rollback");
      long id = id(launch(model, 50, ""));

      var rolledBack = admin.post("/admin/v1/rollouts/" + id + "/rollback",
          AdminHttp.change("answers too long"));

      assertThat(rolledBack.json().path("state").asText()).isEqualTo("ROLLED_BACK");
      assertThat(versionsFor(model, 20)).containsOnlyKeys(model + "@1");
      assertThat(admin.get(AdminFixture.path(model, "2")).json().path("state").asText())
          .isEqualTo("ROLLED_BACK");
    }

    @Test
    void aPendingRolloutCanBeStartedOrAborted() {
      String model = modelWithCandidate("pending");
      long id = id(launch(model, 10, "\"start\": false,"));
      assertThat(admin.get("/admin/v1/rollouts/" + id).json().path("state").asText())
          .isEqualTo("PENDING");

      var started = admin.post("/admin/v1/rollouts/" + id + "/start", AdminHttp.change("go"));
      var aborted = admin.post("/admin/v1/rollouts/" + id + "/abort", AdminHttp.change("stop"));

      assertThat(started.json().path("state").asText()).isEqualTo("RUNNING");
      assertThat(aborted.json().path("state").asText()).isEqualTo("ABORTED");
      assertThat(versionsFor(model, 10)).containsOnlyKeys(model + "@1");
    }

    @Test
    void historyRecordsEveryEventWithWhoAndWhy() {
      String model = modelWithCandidate("events");
      long id = id(launch(model, 10, ""));
      admin.post("/admin/v1/rollouts/" + id + "/split",
          "{\"shadow_rate\": 0.5, \"by\": \"bob\", \"reason\": \"compare more\"}");
      admin.post("/admin/v1/rollouts/" + id + "/rollback", AdminHttp.change("enough"));

      JsonNode events = admin.get("/admin/v1/rollouts/" + id + "/history").json().path("data");

      assertThat(events).extracting(e -> e.path("type").asText())
          .containsExactly("created", "transition", "split_changed", "transition");
      assertThat(events.get(0).path("by").asText()).isEqualTo("alice");
      assertThat(events.get(2).path("reason").asText()).isEqualTo("compare more");
      assertThat(events.get(3).path("to").asText()).isEqualTo("ROLLED_BACK");
    }
  }

  @Nested
  class Refusals {
    @Test
    void aSecondRolloutOfTheSameModelIs409() {
      String model = modelWithCandidate("second");
      fixture.register(model, "3", "sim");
      id(launch(model, 10, ""));

      var second = admin.post("/admin/v1/rollouts", """
          {"model": "%s", "candidate": "3", "canary_percent": 10, "by": "a", "reason": "b"}
          """.formatted(model));

      assertError(second, 409, "conflict");
      assertThat(second.errorMessage()).contains("is running");
    }

    @Test
    void endingAFinishedRolloutIs409NamingWhatIsAllowed() {
      String model = modelWithCandidate("final");
      long id = id(launch(model, 10, ""));
      admin.post("/admin/v1/rollouts/" + id + "/rollback", AdminHttp.change("no"));

      var promote = admin.post("/admin/v1/rollouts/" + id + "/promote", AdminHttp.change("yes"));

      assertError(promote, 409, "illegal_transition");
      assertThat(promote.errorMessage()).contains("ROLLED_BACK to PROMOTED")
          .contains("ROLLED_BACK is final");
    }

    @Test
    void badInputIs400NamingTheField() {
      String model = modelWithCandidate("bad");

      assertParam(launch(model, 150, ""), "canary_percent");
      assertParam(launch(model, 0, ""), "canary_percent");
      assertParam(launch(model, 10, "\"policy\": {\"window\": \"soon\"},"), "policy.window");
      assertParam(launch(model, 10, "\"policy\": {\"guards\": {\"latency\": 5}},"),
          "policy.guards.latency");
      assertParam(admin.post("/admin/v1/rollouts", "{\"model\": \"" + model + "\"}"), "by");
      assertParam(admin.get("/admin/v1/rollouts/abc"), "id");
    }

    @Test
    void unknownRolloutsModelsAndCandidatesAre404() {
      assertError(admin.get("/admin/v1/rollouts/999999"), 404, "rollout_not_found");
      assertError(admin.get("/admin/v1/rollouts?model=nope"), 404, "model_not_found");
      assertError(admin.post("/admin/v1/rollouts", """
          {"model": "chat", "candidate": "42", "canary_percent": 5, "by": "a", "reason": "b"}
          """), 404, "version_not_found");
    }

    void assertParam(Answer answer, String param) {
      assertError(answer, 400, "invalid_field");
      assertThat(answer.json().path("error").path("param").asText()).isEqualTo(param);
    }
  }
}
