package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.testing.TestGateway;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drift monitoring of live traffic: a shifted model flags, a steady one stays quiet. */
class DriftIT {
  static final String ADMIN_KEY = "sk-admin-drift";
  static final String CONFIG = """
      admin: { api-keys: [ "${ADMIN_HASH}" ] }
      drift: { reference-size: 100, embedding-rate: 0, check-every: 1h }
      backends:
        - { name: sim, kind: simulated }
      models:
        - { name: steady, routes: [ { backend: sim } ] }
        - { name: shifting, routes: [ { backend: sim } ] }
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
      """;
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(CONFIG, Map.of("ADMIN_HASH", ApiKeyHash.of(ADMIN_KEY)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static void send(String model, String prompt) {
    var response = gateway.post("/v1/chat/completions", "{\"model\":\"" + model + "\","
        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}");
    assertThat(response.statusCode()).isEqualTo(200);
  }

  static String english(SplittableRandom random) {
    String[] questions = {"What is the capital of France", "How do I reset my password",
        "Summarize my last invoice", "When does the store open", "Can you check order"};
    return questions[random.nextInt(questions.length)] + " number " + random.nextInt(1000) + "?";
  }

  static String french(SplittableRandom random) {
    return ("Bonjour, pourriez-vous m'expliquer en détail comment fonctionne la facturation "
        + "de mon abonnement, pourquoi le montant a changé ce mois-ci et quelles sont les "
        + "options pour réduire les frais de service numéro ").repeat(3)
        + random.nextInt(1000) + " ?";
  }

  static JsonNode drift(String model) throws Exception {
    var response = gateway.send(HttpRequest.newBuilder(gateway.uri("/admin/v1/drift/" + model))
        .header("authorization", "Bearer " + ADMIN_KEY).GET().build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void flagsTheModelWhoseTrafficMovedAndNotTheSteadyOne() throws Exception {
    var random = new SplittableRandom(7);
    for (int i = 0; i < 100; i++) {
      send("steady", english(random));
      send("shifting", english(random));
    }
    for (int i = 0; i < 100; i++) {
      send("steady", english(random));
      send("shifting", french(random));
    }

    JsonNode shifting = drift("shifting");
    JsonNode steady = drift("steady");

    assertThat(shifting.path("state").asText()).isEqualTo("monitoring");
    assertThat(shifting.path("report").path("drifted").asBoolean()).isTrue();
    assertThat(shifting.path("report").path("text").asText())
        .contains("prompt_length").contains("DRIFT");
    assertThat(steady.path("report").path("drifted").asBoolean())
        .as(steady.path("report").path("text").asText()).isFalse();
  }

  @Test
  void needsAnAdminKey() {
    var anonymous = gateway.send(HttpRequest.newBuilder(gateway.uri("/admin/v1/drift"))
        .header("authorization", "Bearer " + TestGateway.KEY).GET().build());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }
}
