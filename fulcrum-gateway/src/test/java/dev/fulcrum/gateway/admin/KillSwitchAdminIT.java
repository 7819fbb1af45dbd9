package dev.fulcrum.gateway.admin;

import static dev.fulcrum.gateway.admin.ModelsAdminIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.gateway.admin.AdminHttp.Answer;
import dev.fulcrum.gateway.http.FulcrumHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/v1/killswitch}: a flip takes effect on the very next API request, and flipping
 * back restores traffic.
 */
class KillSwitchAdminIT {
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

  static Answer flip(String target, boolean enabled) {
    return admin.post("/admin/v1/killswitch", """
        {"target": %s, "enabled": %s, "by": "oncall", "reason": "incident 42"}
        """.formatted(target, enabled));
  }

  @Test
  void switchingOffTheProdVersionFallsBackToThePreviousProdUntilSwitchedOn() {
    String model = fixture.modelWithProd("kill-version");
    fixture.register(model, "2", "sim");
    admin.post(AdminFixture.path(model, "2") + "/promote", AdminHttp.change("v2"));
    String target = "{\"version\": {\"model\": \"" + model + "\", \"version\": \"2\"}}";

    var off = flip(target, false);
    var fallback = admin.chat(model, "u");

    assertThat(off.json().path("changed").asBoolean()).isTrue();
    assertThat(fallback.statusCode()).isEqualTo(200);
    assertThat(fallback.headers().firstValue(FulcrumHeaders.MODEL_VERSION)).hasValue(model + "@1");
    assertThat(fallback.headers().firstValue(FulcrumHeaders.DEGRADED)).hasValue("true");
    assertThat(admin.get(AdminFixture.path(model, "2")).json().path("state").asText())
        .isEqualTo("DISABLED");
    assertThat(admin.get("/admin/v1/models/" + model).json().path("status").asText())
        .isEqualTo("degraded");

    flip(target, true);

    assertThat(fixture.servedVersion(model, "u")).isEqualTo(model + "@2");
    assertThat(admin.get(AdminFixture.path(model, "2")).json().path("state").asText())
        .isEqualTo("ACTIVE");
  }

  @Test
  void switchingOffAModelAnswers503UntilSwitchedOn() {
    String model = fixture.modelWithProd("kill-model");

    flip("{\"model\": \"" + model + "\"}", false);
    var refused = AdminHttp.answer(admin.chat(model, "u"));

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.errorMessage()).contains("switched off");
    assertThat(refused.errorMessage()).doesNotContain("incident 42");

    flip("{\"model\": \"" + model + "\"}", true);

    assertThat(fixture.servedVersion(model, "u")).isEqualTo(model + "@1");
  }

  @Test
  void switchingOffABackendTakesItOutOfEveryRouteUntilSwitchedOn() {
    String model = fixture.modelWithProd("kill-backend", "sim-b");

    flip("{\"backend\": \"sim-b\"}", false);
    var refused = AdminHttp.answer(admin.chat(model, "u"));

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.errorMessage()).contains("sim-b").contains("kill switch");
    assertThat(fixture.servedVersion("chat", "u")).isEqualTo("chat@1");

    flip("{\"backend\": \"sim-b\"}", true);

    assertThat(fixture.servedVersion(model, "u")).isEqualTo(model + "@1");
  }

  @Test
  void listsWhatIsOffAndEveryFlip() {
    String model = fixture.modelWithProd("kill-list");
    flip("{\"version\": \"" + model + "@1\"}", false);

    JsonNode active = admin.get("/admin/v1/killswitch").json().path("data");
    flip("{\"version\": \"" + model + "@1\"}", true);
    JsonNode history = admin.get("/admin/v1/killswitch/history").json().path("data");

    assertThat(active).anySatisfy(s -> {
      assertThat(s.path("target").path("version").path("model").asText()).isEqualTo(model);
      assertThat(s.path("by").asText()).isEqualTo("oncall");
      assertThat(s.path("reason").asText()).isEqualTo("incident 42");
      assertThat(s.path("since").asText()).isNotBlank();
    });
    assertThat(history).filteredOn(h -> h.path("target").path("version").path("model").asText()
        .equals(model)).extracting(h -> h.path("enabled").asBoolean()).containsExactly(false,
        true);
    assertThat(admin.get("/admin/v1/killswitch").json().path("data"))
        .noneSatisfy(s -> assertThat(s.path("target").path("version").path("model").asText())
            .isEqualTo(model));
  }

  @Test
  void flippingToTheCurrentStateChangesNothing() {
    String model = fixture.modelWithProd("kill-twice");
    flip("{\"model\": \"" + model + "\"}", false);

    var again = flip("{\"model\": \"" + model + "\"}", false);
    var on = flip("{\"model\": \"" + model + "\"}", true);
    var onAgain = flip("{\"model\": \"" + model + "\"}", true);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("changed").asBoolean()).isFalse();
    assertThat(on.json().path("changed").asBoolean()).isTrue();
    assertThat(onAgain.json().path("changed").asBoolean()).isFalse();
  }

  @Test
  void refusesATargetThatIsNotExactlyOneKnownThing() {
    var two = flip("{\"model\": \"chat\", \"backend\": \"sim\"}", false);
    var typo = flip("{\"backend\": \"simm\"}", false);
    var unknown = flip("{\"model\": \"no-such-model\"}", false);
    var noEnabled = admin.post("/admin/v1/killswitch",
        "{\"target\": {\"model\": \"chat\"}, \"by\": \"a\", \"reason\": \"b\"}");

    assertError(two, 400, "invalid_field");
    assertThat(two.json().path("error").path("param").asText()).isEqualTo("target");
    assertError(typo, 400, "invalid_field");
    assertThat(typo.errorMessage()).contains("simm").contains("sim-b");
    assertError(unknown, 404, "model_not_found");
    assertThat(noEnabled.json().path("error").path("param").asText()).isEqualTo("enabled");
    assertThat(fixture.servedVersion("chat", "u")).isEqualTo("chat@1");
  }
}
