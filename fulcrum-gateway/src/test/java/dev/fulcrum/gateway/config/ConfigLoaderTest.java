package dev.fulcrum.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final String HASH = ApiKeyHash.of("k");
  private static final String VALID = """
      server: { port: 9090, max-body-bytes: 65536 }
      backends:
        - name: nebius
          kind: openai
          base-url: https://api.studio.nebius.ai/v1
          api-key: ${NEBIUS_API_KEY}
          read-timeout: 30s
        - name: local
          kind: local
      models:
        - name: chat-large
          routes:
            - { backend: nebius, model: meta-llama/Llama-3.3-70B-Instruct, input-usd-per-mtok: 0.13, output-usd-per-mtok: 0.40 }
        - name: embed-small
          routes:
            - { backend: local }
      tenants:
        - id: acme
          api-keys: [ "%s" ]
      """.formatted(HASH);

  private static FulcrumConfig parse(String yaml, Map<String, String> env) {
    return ConfigLoader.withVariables(env).parse("fulcrum.yaml", yaml);
  }

  private static String errorOf(String yaml) {
    try {
      parse(yaml, Map.of("NEBIUS_API_KEY", "secret"));
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a ConfigException");
  }

  @Test
  void loadsAValidFileWithDefaultsAndSecretsFromTheEnvironment() {
    FulcrumConfig config = parse(VALID, Map.of("NEBIUS_API_KEY", "nb-secret"));

    assertThat(config.server().port()).isEqualTo(9090);
    assertThat(config.server().host()).isEqualTo("127.0.0.1");
    var nebius = (BackendConfig.OpenAi) config.backends().get(0);
    assertThat(nebius.settings().apiKey()).contains("nb-secret");
    assertThat(nebius.settings().readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(nebius.settings().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(nebius.settings().toString()).doesNotContain("nb-secret");
    var route = config.routing().lookup("chat-large").orElseThrow().versions().get(0)
        .routes().get(0);
    assertThat(route.upstreamModel()).isEqualTo("meta-llama/Llama-3.3-70B-Instruct");
    assertThat(route.price().outputUsdPerMTok()).isEqualTo(0.40);
    assertThat(config.routing().lookup("embed-small").orElseThrow().versions().get(0).routes()
        .get(0).upstreamModel()).isEqualTo("all-minilm-l6-v2");
  }

  @Test
  void namesFileLinePathAndKnownBackendsForAnUnknownBackend() {
    assertThat(errorOf(VALID.replace("backend: nebius,", "backend: nebius2,")))
        .isEqualTo("fulcrum.yaml:13: models[0].routes[0].backend names 'nebius2', but no "
            + "backend has that name; known backends: nebius, local");
  }

  @Test
  void refusesModelNamesAndVersionsTheRegistryCouldNotHold() {
    assertThat(errorOf(VALID.replace("name: chat-large", "name: chat large")))
        .endsWith("models[0].name 'chat large' is not a valid model name; use 1-128 of A-Z "
            + "a-z 0-9 . _ : / - starting with a letter or digit");
    assertThat(errorOf(VALID.replace("name: chat-large", "name: chat-large\n    version: "
        + "\"v 2\""))).endsWith("models[0].version 'v 2' is not a valid version id; use 1-64 "
        + "of A-Z a-z 0-9 . _ - starting with a letter or digit");
  }

  @Test
  void saysWhichEnvironmentVariableIsMissing() {
    assertThatThrownBy(() -> parse(VALID, Map.of()))
        .hasMessage("fulcrum.yaml:6: backends[0].api-key refers to ${NEBIUS_API_KEY}, but that "
            + "environment variable is not set; export it or write ${NEBIUS_API_KEY:-default}");
  }

  @Test
  void suggestsTheClosestKnownSettingForATypo() {
    assertThat(errorOf(VALID.replace("read-timeout: 30s", "read-timeot: 30s")))
        .startsWith("fulcrum.yaml:7: backends[0].read-timeot is not a known setting; did you "
            + "mean 'read-timeout'?");
  }

  @Test
  void refusesPlaintextApiKeysAndExplainsHowToHashThem() {
    assertThat(errorOf(VALID.replace(HASH, "sk-plaintext")))
        .isEqualTo("fulcrum.yaml:19: tenants[0].api-keys[0] must be a key hash such as "
            + "sha256:<64 hex digits>, not a plaintext key; compute it with: bin/fulcrum key "
            + "hash YOUR_KEY");
  }

  @Test
  void explainsBadValues() {
    assertThat(errorOf(VALID.replace("read-timeout: 30s", "read-timeout: soon")))
        .contains("backends[0].read-timeout must be a duration such as 250ms, 5s or 2m");
    assertThat(errorOf(VALID.replace("port: 9090", "port: 99999")))
        .contains("server.port must be between 0 and 65535, got 99999");
    assertThat(errorOf(VALID.replace("kind: local", "kind: lokal")))
        .contains("backends[1].kind must be one of kserve, local, openai, simulated, got 'lokal'");
    assertThat(errorOf(VALID.replace("https://api.studio.nebius.ai/v1", "api.nebius")))
        .contains("backends[0].base-url must be an http(s) URL");
    assertThat(errorOf(VALID.replace("- name: local\n    kind: local",
        "- name: nebius\n    kind: local")))
        .contains("backends[1].name 'nebius' is used by an earlier backend");
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheLine() {
    assertThat(errorOf("server:\n  port: [1, 2\nbackends: []\n"))
        .startsWith("fulcrum.yaml:").contains("not valid YAML");
  }

  @Test
  void requiresBackendsModelsAndTenants() {
    assertThat(errorOf("server: { port: 1 }\n")).contains("defines no backends");
  }
}
