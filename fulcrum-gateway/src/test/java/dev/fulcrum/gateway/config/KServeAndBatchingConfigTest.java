package dev.fulcrum.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.inference.batching.BatchSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kind: kserve} backends and the {@code batching:} section of any backend. */
class KServeAndBatchingConfigTest {
  private static final String MODELS_AND_TENANTS = """
      models: [ { name: iris, routes: [ { backend: triton, model: iris_onnx } ] } ]
      tenants: [ { id: acme, api-keys: [ "%s" ] } ]
      """.formatted(ApiKeyHash.of("k"));

  private static FulcrumConfig parse(String backends) {
    return ConfigLoader.withVariables(Map.of("TRITON_KEY", "tk-secret"))
        .parse("fulcrum.yaml", backends + MODELS_AND_TENANTS);
  }

  private static String errorOf(String backends) {
    try {
      parse(backends);
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a ConfigException");
  }

  private static String kserve(String extra) {
    return """
        backends:
          - name: triton
            kind: kserve
            base-url: http://triton:8000
        """ + extra.indent(4);
  }

  @Test
  void aKServeBackendDefaultsToPrivatePlacementAndNoBatching() {
    FulcrumConfig config = parse(kserve(""));

    var triton = (BackendConfig.KServe) config.backends().getFirst();
    assertThat(triton.settings().baseUrl()).isEqualTo(URI.create("http://triton:8000"));
    assertThat(triton.settings().placement()).isEqualTo(Placement.PRIVATE);
    assertThat(triton.settings().apiKey()).isEmpty();
    assertThat(triton.settings().readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(triton.batching()).isEmpty();
    assertThat(config.routing().lookup("iris").orElseThrow().versions().getFirst().routes()
        .getFirst().upstreamModel()).isEqualTo("iris_onnx");
  }

  @Test
  void readsEveryKServeSetting() {
    var triton = (BackendConfig.KServe) parse(kserve("""
        placement: CLOUD
        api-key: ${TRITON_KEY}
        connect-timeout: 2s
        read-timeout: 10s
        max-connections: 8
        text-input: TEXT
        embedding-output: EMBEDDING
        """)).backends().getFirst();

    assertThat(triton.settings().placement()).isEqualTo(Placement.CLOUD);
    assertThat(triton.settings().apiKey()).contains("tk-secret");
    assertThat(triton.settings().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(triton.settings().maxConnections()).isEqualTo(8);
    assertThat(triton.settings().textInput()).contains("TEXT");
    assertThat(triton.settings().embeddingOutput()).contains("EMBEDDING");
  }

  @Test
  void aKServeBaseUrlIsTheServerRoot() {
    assertThat(errorOf(kserve("").replace("8000", "8000/v2")))
        .startsWith("fulcrum.yaml:4: backends[0].base-url base URL must be the server root "
            + "without /v2 (Fulcrum adds it)");
    assertThat(errorOf(kserve("").replace("http://triton:8000", "triton:8000")))
        .contains("backends[0].base-url must be an http(s) URL such as http://triton:8000");
    assertThat(errorOf("backends: [ { name: triton, kind: kserve } ]\n"))
        .contains("backends[0] is missing the required setting 'base-url'");
  }

  @Test
  void anEmptyBatchingSectionBatchesWithTheDefaults() {
    var triton = parse(kserve("batching: {}")).backends().getFirst();

    assertThat(triton.batching()).contains(BatchSettings.defaults());
  }

  @Test
  void readsEveryBatchingSettingOnAnyKind() {
    FulcrumConfig config = parse(kserve("""
        batching:
          max-batch-size: 16
          max-wait: 2ms
          sla: 100ms
          max-in-flight: 2
          max-queue: 256
          expected-cost: { base: 4ms, per-item: 0.5ms }
        """) + """
          - name: box
            kind: simulated
            batching: { max-batch-size: 8, enabled: true }
          - name: minilm
            kind: local
            batching: { enabled: false }
          - name: nebius
            kind: openai
            base-url: https://api.studio.nebius.ai/v1
            batching: { max-in-flight: 16 }
        """);

    assertThat(config.backends().get(0).batching()).contains(new BatchSettings(16,
        Duration.ofMillis(2), Duration.ofMillis(100), 2, 256,
        new BatchSettings.ServiceTime(Duration.ofMillis(4), Duration.ofNanos(500_000))));
    assertThat(config.backends().get(1).batching()).contains(BatchSettings.defaults()
        .withMaxBatchSize(8));
    assertThat(config.backends().get(2).batching()).isEmpty();
    assertThat(config.backends().get(3).batching()).contains(BatchSettings.defaults()
        .withMaxInFlight(16));
  }

  @Test
  void aLargeBatchSizeRaisesTheDefaultQueueToHoldOneBatch() {
    var triton = parse(kserve("batching: { max-batch-size: 5000 }")).backends().getFirst();

    assertThat(triton.batching().orElseThrow().maxQueue()).isEqualTo(5000);
  }

  @Test
  void badBatchingValuesNameTheKeyAndTheFix() {
    assertThat(errorOf(kserve("batching: { max-batch-size: 0 }")))
        .isEqualTo("fulcrum.yaml:5: backends[0].batching.max-batch-size must be between 1 and "
            + "65536, got 0");
    assertThat(errorOf(kserve("batching: { max-batch-size: 64, max-queue: 10 }")))
        .endsWith("backends[0].batching.max-queue must be at least max-batch-size (64), got 10");
    assertThat(errorOf(kserve("batching: { max-wait: soon }")))
        .endsWith("backends[0].batching.max-wait must be a duration such as 250ms, 5s or 2m, "
            + "got 'soon'");
    assertThat(errorOf(kserve("batching: { sla: 0ms }")))
        .endsWith("backends[0].batching.sla must be longer than zero");
    assertThat(errorOf(kserve("batching: { max-wiat: 5ms }")))
        .contains("backends[0].batching.max-wiat is not a known setting; did you mean "
            + "'max-wait'?");
    assertThat(errorOf(kserve("batching: true")))
        .endsWith("backends[0].batching must be a mapping (key: value lines)");
    assertThat(errorOf(kserve("batching: { expected-cost: { fixed: 1ms } }")))
        .contains("backends[0].batching.expected-cost.fixed is not a known setting");
  }
}
