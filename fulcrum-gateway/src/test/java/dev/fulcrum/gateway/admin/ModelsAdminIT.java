package dev.fulcrum.gateway.admin;

import static dev.fulcrum.gateway.admin.AdminFixture.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.gateway.admin.AdminHttp.Answer;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code /admin/v1/models}: the registry over real HTTP. */
class ModelsAdminIT {
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

  static void assertError(Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.json().toString()).isEqualTo(status);
    JsonNode error = answer.json().path("error");
    assertThat(error.path("message").asText()).isNotBlank().doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(error.path("type").asText()).isNotBlank();
    assertThat(error.has("param")).isTrue();
    assertThat(error.path("code").asText()).isEqualTo(code);
  }

  @Nested
  class Authentication {
    @Test
    void refusesARequestWithoutAKey() {
      var response = fixture.gateway.send(HttpRequest.newBuilder(
          fixture.gateway.uri("/admin/v1/models")).GET().build());
      var answer = AdminHttp.answer(response);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.json().path("error").path("type").asText())
          .isEqualTo("authentication_error");
    }

    @Test
    void refusesATenantKey() {
      var answer = AdminHttp.answer(fixture.gateway.get("/admin/v1/models"));

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.errorMessage()).contains("admin key");
    }

    @Test
    void refusesAWrongKeyEvenForUnknownPaths() {
      var response = fixture.gateway.send(HttpRequest.newBuilder(
              fixture.gateway.uri("/admin/v1/nothing-here"))
          .header("authorization", "Bearer sk-guess").GET().build());

      assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void answersAnUnknownEndpointWithTheListOfEndpoints() {
      var answer = admin.get("/admin/v1/nothing-here");

      assertError(answer, 404, "unknown_url");
      assertThat(answer.errorMessage()).contains("GET /admin/v1/models/{model}/served-at");
    }
  }

  @Nested
  class Listing {
    @Test
    void listsTheConfiguredModelWithItsProdVersionAndStatus() {
      var answer = admin.get("/admin/v1/models");

      assertThat(answer.status()).isEqualTo(200);
      JsonNode chat = find(answer.json().path("data"), "model", "chat");
      assertThat(chat.path("prod").asText()).isEqualTo("1");
      assertThat(chat.path("canary").isNull()).isTrue();
      assertThat(chat.path("status").asText()).isEqualTo("serving");
    }

    @Test
    void showsAModelsVersionsWithStateAndAliases() {
      String model = fixture.modelWithProd("show");
      fixture.register(model, "2", "sim");

      var answer = admin.get("/admin/v1/models/" + model);

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().path("aliases").path("prod").asText()).isEqualTo("1");
      JsonNode versions = answer.json().path("versions");
      assertThat(versions).hasSize(2);
      assertThat(versions.get(0).path("state").asText()).isEqualTo("ACTIVE");
      assertThat(versions.get(0).path("aliases").get(0).asText()).isEqualTo("prod");
      assertThat(versions.get(1).path("state").asText()).isEqualTo("REGISTERED");
      assertThat(answer.json().path("rollout").isNull()).isTrue();
    }

    @Test
    void answers404ForAnUnknownModelOrVersion() {
      assertError(admin.get("/admin/v1/models/no-such-model"), 404, "model_not_found");
      assertError(admin.get(path("chat", "99")), 404, "version_not_found");
      assertThat(admin.get(path("chat", "99")).errorMessage()).contains("'99'");
    }
  }

  @Nested
  class Registering {
    @Test
    void registersAnImmutableVersionAndShowsEveryField() {
      String model = fixture.modelWithProd("register");

      var created = admin.post("/admin/v1/models/" + model + "/versions",
          AdminHttp.version("2", "sim"));

      assertThat(created.status()).isEqualTo(201);
      var shown = admin.get(path(model, "2"));
      assertThat(shown.status()).isEqualTo(200);
      JsonNode v = shown.json();
      assertThat(v.path("id").asText()).isEqualTo(model + "@2");
      assertThat(v.path("state").asText()).isEqualTo("REGISTERED");
      assertThat(v.path("artifact").path("uri").asText()).isEqualTo("hf://test/2");
      assertThat(v.path("signature").path("input").path("type").asText()).isEqualTo("object");
      assertThat(v.path("metadata").path("training_data").asText())
          .isEqualTo("s3://lake/chat@2026-11-01");
      assertThat(v.path("metadata").path("metrics").path("win_rate").asDouble()).isEqualTo(0.61);
      assertThat(v.path("routes").get(0).path("backend").asText()).isEqualTo("sim");
      assertThat(v.path("routes").get(0).path("output_usd_per_mtok").asDouble()).isEqualTo(0.6);
    }

    @Test
    void refusesToRegisterTheSameVersionTwice() {
      String model = fixture.modelWithProd("twice");

      var again = admin.post("/admin/v1/models/" + model + "/versions",
          AdminHttp.version("1", "sim"));

      assertError(again, 409, "conflict");
    }

    @Test
    void namesTheFieldThatIsMissingOrWrong() {
      String model = fixture.modelWithProd("fields");
      String base = AdminHttp.version("2", "sim");

      var noOwner = admin.post("/admin/v1/models/" + model + "/versions",
          base.replace("\"owner\": \"ml-platform\",", ""));
      var noRoutes = admin.post("/admin/v1/models/" + model + "/versions",
          base.replaceAll("\"routes\": \\[[^]]*]", "\"routes\": []"));
      var badHash = admin.post("/admin/v1/models/" + model + "/versions",
          base.replace("ab".repeat(32), "xyz"));
      var noReason = admin.post("/admin/v1/models/" + model + "/versions",
          base.replace("\"reason\": \"a new version\",", ""));
      var notJson = admin.post("/admin/v1/models/" + model + "/versions", "{nope");

      assertError(noOwner, 400, "invalid_field");
      assertThat(noOwner.json().path("error").path("param").asText()).isEqualTo("metadata.owner");
      assertThat(noRoutes.json().path("error").path("param").asText()).isEqualTo("routes");
      assertThat(badHash.json().path("error").path("param").asText())
          .isEqualTo("artifact.sha256");
      assertThat(noReason.json().path("error").path("param").asText()).isEqualTo("reason");
      assertError(notJson, 400, "invalid_field");
    }

    @Test
    void acceptsModelNamesWithSlashesRawOrEncoded() {
      var created = admin.post("/admin/v1/models/meta-llama%2Fx/versions",
          AdminHttp.version("1", "sim"));
      assertThat(created.status()).as(created.json().toString()).isEqualTo(201);

      var promoted = admin.post("/admin/v1/models/meta-llama/x/versions/1/promote",
          AdminHttp.change("first release"));

      assertThat(promoted.status()).as(promoted.json().toString()).isEqualTo(200);
      assertThat(admin.get("/admin/v1/models/meta-llama%2Fx").json().path("model").asText())
          .isEqualTo("meta-llama/x");
      assertThat(admin.get("/admin/v1/models/meta-llama/x/history").json().path("data"))
          .isNotEmpty();
      assertThat(fixture.servedVersion("meta-llama/x", "u")).isEqualTo("meta-llama/x@1");
    }
  }

  @Nested
  class Lifecycle {
    @Test
    void promotingMovesProdAndTheNextRequestFollows() {
      String model = fixture.modelWithProd("promote");
      fixture.register(model, "2", "sim");

      var promoted = admin.post(path(model, "2") + "/promote", AdminHttp.change("better"));

      assertThat(promoted.status()).isEqualTo(200);
      assertThat(promoted.json().path("state").asText()).isEqualTo("ACTIVE");
      assertThat(promoted.json().path("replaced").asText()).isEqualTo("1");
      assertThat(admin.get(path(model, "1")).json().path("state").asText()).isEqualTo("RETIRED");
      assertThat(fixture.servedVersion(model, "anyone")).isEqualTo(model + "@2");
    }

    @Test
    void refusesAMoveTheLifecycleDoesNotAllowAndNamesTheAllowedOnes() {
      String model = fixture.modelWithProd("illegal");
      fixture.register(model, "2", "sim");
      admin.post(path(model, "2") + "/retire", AdminHttp.change("never mind"));

      var again = admin.post(path(model, "2") + "/retire", AdminHttp.change("again"));

      assertError(again, 409, "illegal_transition");
      assertThat(again.errorMessage()).contains("RETIRED to RETIRED")
          .contains("allowed from RETIRED: ACTIVE, DISABLED");
    }

    @Test
    void refusesToRetireWhatProdServes() {
      String model = fixture.modelWithProd("retire-prod");

      var retire = admin.post(path(model, "1") + "/retire", AdminHttp.change("oops"));

      assertError(retire, 409, "conflict");
      assertThat(retire.errorMessage()).contains("promote another version first");
    }

    @Test
    void recordsWhoMovedWhatAndWhy() {
      String model = fixture.modelWithProd("history");
      fixture.register(model, "2", "sim");
      admin.post(path(model, "2") + "/promote",
          "{\"by\": \"alice\", \"reason\": \"win rate +4%\"}");

      JsonNode moves = admin.get("/admin/v1/models/" + model + "/history").json().path("data");

      JsonNode last = moves.get(moves.size() - 1);
      assertThat(last.path("by").asText()).isEqualTo("alice");
      assertThat(last.path("reason").asText()).isEqualTo("win rate +4%");
      assertThat(moves).anySatisfy(m -> {
        assertThat(m.path("version").asText()).isEqualTo("2");
        assertThat(m.path("to").asText()).isEqualTo("ACTIVE");
      });
      assertThat(admin.get("/admin/v1/models/" + model + "/history?version=1").json()
          .path("data")).allSatisfy(m -> assertThat(m.path("version").asText()).isEqualTo("1"));
    }
  }

  @Nested
  class ServedAt {
    @Test
    void saysWhichVersionAnAliasServedAtAnInstant() {
      String model = fixture.modelWithProd("served");
      fixture.register(model, "2", "sim");
      var promoted = admin.post(path(model, "2") + "/promote", AdminHttp.change("v2"));
      JsonNode moves = admin.get("/admin/v1/models/" + model + "/history?version=2").json()
          .path("data");
      Instant switched = Instant.parse(moves.get(moves.size() - 1).path("at").asText());
      assertThat(promoted.status()).isEqualTo(200);

      var before = admin.get("/admin/v1/models/" + model + "/served-at?alias=prod&at="
          + switched.minusMillis(1));
      var after = admin.get("/admin/v1/models/" + model + "/served-at?at=" + switched);

      assertThat(before.json().path("version").asText()).isEqualTo("1");
      assertThat(before.json().path("interval").path("valid_to").asText())
          .isEqualTo(switched.toString());
      assertThat(after.json().path("version").asText()).isEqualTo("2");
      assertThat(after.json().path("interval").path("valid_to").isNull()).isTrue();
    }

    @Test
    void answers404BeforeTheAliasExistedAnd400ForABadTime() {
      String model = fixture.modelWithProd("served-none");

      var early = admin.get("/admin/v1/models/" + model + "/served-at?at=2000-01-01T00:00:00Z");
      var bad = admin.get("/admin/v1/models/" + model + "/served-at?at=yesterday");
      var missing = admin.get("/admin/v1/models/" + model + "/served-at");

      assertError(early, 404, "alias_not_set");
      assertError(bad, 400, "invalid_field");
      assertThat(bad.json().path("error").path("param").asText()).isEqualTo("at");
      assertError(missing, 400, "invalid_field");
    }
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (item.path(field).asText().equals(value)) {
        return item;
      }
    }
    throw new AssertionError("no item with " + field + "=" + value + " in " + array);
  }
}
