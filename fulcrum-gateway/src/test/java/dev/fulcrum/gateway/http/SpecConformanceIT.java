package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.testing.SharedData;
import dev.fulcrum.gateway.testing.TestGateway;
import dev.fulcrum.inference.testing.FakeUpstream;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every response shape Fulcrum serves validates against the official OpenAI OpenAPI document in
 * {@code ../shared/openai-spec/openapi.yaml} (read in place, never copied). Base64 embeddings are
 * checked elsewhere: the spec models the float form only.
 */
class SpecConformanceIT {
  private static final String CONFIG = """
      backends:
        - { name: upstream, kind: openai, base-url: "${UPSTREAM}" }
        - { name: sim, kind: simulated, tokens-per-second: 0 }
        - { name: local, kind: local }
      models:
        - { name: passthrough, routes: [ { backend: upstream, model: gpt-4o-mini } ] }
        - { name: simulated, routes: [ { backend: sim } ] }
        - { name: embed, routes: [ { backend: local } ] }
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
      """;

  private static JsonNode spec;
  private static FakeUpstream upstream;
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    spec = new YAMLMapper().readTree(SharedData.require("openai-spec/openapi.yaml").toFile());
    upstream = FakeUpstream.start();
    gateway = TestGateway.start(CONFIG, Map.of("UPSTREAM", upstream.baseUrl()));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
      upstream.close();
    }
  }

  private static final Map<String, JsonSchema> SCHEMAS = new java.util.HashMap<>();

  private static Set<ValidationMessage> violations(String schemaName, JsonNode instance) {
    JsonSchema schema = SCHEMAS.computeIfAbsent(schemaName, name -> {
      ObjectNode root = spec.deepCopy();
      root.put("$ref", "#/components/schemas/" + name);
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    });
    return schema.validate(instance);
  }

  private static void assertConforms(String schemaName, JsonNode instance) {
    assertThat(violations(schemaName, instance)).as("%s violations for %s", schemaName,
        instance).isEmpty();
  }

  @Test
  void theCheckCatchesWhatSomeUpstreamsOmit() throws Exception {
    JsonNode withoutRefusal = Json.MAPPER.readTree("{\"id\":\"c\",\"object\":"
        + "\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":"
        + "\"stop\"}]}");
    assertThat(violations("CreateChatCompletionResponse", withoutRefusal))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("refusal"))
        .anySatisfy(m -> assertThat(m).contains("logprobs"));
  }

  private static JsonNode body(String path, String json) throws Exception {
    var response = gateway.post(path, json);
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void chatCompletionsConformWhateverTheBackend() throws Exception {
    for (String model : new String[] {"passthrough", "simulated"}) {
      assertConforms("CreateChatCompletionResponse", body("/v1/chat/completions",
          "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    }
  }

  @Test
  void everyStreamChunkConforms() throws Exception {
    for (String model : new String[] {"passthrough", "simulated"}) {
      var response = gateway.post("/v1/chat/completions", "{\"model\":\"" + model + "\","
          + "\"stream\":true,\"stream_options\":{\"include_usage\":true},"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"one two\"}]}");
      int chunks = 0;
      for (String block : response.body().split("\n\n")) {
        String data = block.substring("data: ".length());
        if (!data.equals("[DONE]")) {
          assertConforms("CreateChatCompletionStreamResponse", Json.MAPPER.readTree(data));
          chunks++;
        }
      }
      assertThat(chunks).as(model).isGreaterThan(2);
    }
  }

  @Test
  void embeddingsConform() throws Exception {
    assertConforms("CreateEmbeddingResponse", body("/v1/embeddings",
        "{\"model\":\"embed\",\"input\":[\"a\",\"b\"]}"));
  }

  @Test
  void modelListsConform() throws Exception {
    var response = gateway.get("/v1/models");
    assertConforms("ListModelsResponse", Json.MAPPER.readTree(response.body()));
    assertConforms("Model", Json.MAPPER.readTree(gateway.get("/v1/models/embed").body()));
  }

  @Test
  void errorsConform() throws Exception {
    assertConforms("ErrorResponse", body("/v1/chat/completions", "{\"model\":1}"));
    assertConforms("ErrorResponse", Json.MAPPER.readTree(gateway.get("/v1/models/x").body()));
  }
}
