package dev.fulcrum.inference.kserve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EncodingFormat;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.error.UpstreamRejectedException;
import dev.fulcrum.core.error.UpstreamTimeoutException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.tensor.DataType;
import dev.fulcrum.core.tensor.Shape;
import dev.fulcrum.core.tensor.Tensor;
import dev.fulcrum.core.tensor.TensorData;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;
import dev.fulcrum.core.tensor.TensorSpec;
import dev.fulcrum.inference.batching.BatchSettings;
import dev.fulcrum.inference.batching.Batching;
import dev.fulcrum.inference.batching.Scheduler;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KServeBackendTest {
  private static FakeKServe server;
  private static Vertx vertx;
  private static KServeBackend backend;

  @BeforeAll
  static void start() {
    server = FakeKServe.start();
    vertx = Vertx.vertx();
    backend = backendWith(settings());
  }

  @AfterAll
  static void stop() {
    vertx.close();
    server.close();
  }

  private static KServeSettings settings() {
    return KServeSettings.of("triton", URI.create(server.baseUrl()));
  }

  private static KServeBackend backendWith(KServeSettings settings) {
    return KServeBackends.create(vertx, settings);
  }

  @Test
  void readsAModelsMetadataOnceAndKeepsIt() throws Exception {
    var fresh = backendWith(settings());
    int before = server.metadataReads();

    var metadata = value(fresh.metadata("add_sub"));
    value(fresh.metadata("add_sub"));
    value(fresh.infer(addSub(1)));

    assertThat(server.metadataReads()).isEqualTo(before + 1);
    assertThat(metadata.name()).isEqualTo("add_sub");
    assertThat(metadata.platform()).isEqualTo("python");
    assertThat(metadata.versions()).containsExactly("1");
    assertThat(metadata.inputs()).containsExactly(
        new TensorSpec("INPUT0", DataType.FP32, Shape.of(-1, 4)),
        new TensorSpec("INPUT1", DataType.FP32, Shape.of(-1, 4)));
    assertThat(metadata.outputs()).extracting(TensorSpec::name)
        .containsExactly("OUTPUT0", "OUTPUT1");
    assertThat(metadata.batchable()).isTrue();
  }

  @Test
  void reportsWhetherTheServerAndAModelAreReady() throws Exception {
    assertThat(value(backend.ready())).isTrue();
    assertThat(value(backend.ready("add_sub"))).isTrue();
    server.ready(false);
    try {
      assertThat(value(backend.ready())).isFalse();
    } finally {
      server.ready(true);
    }
    assertThat(value(backend.ready("no-such-model"))).isFalse();
  }

  @Test
  void runsAnFp32ModelAndReadsItsOutputsRowMajor() throws Exception {
    TensorResponse response = value(backend.infer(addSub(2)));

    assertThat(response.model()).isEqualTo("add_sub");
    Tensor sum = response.output("OUTPUT0").orElseThrow();
    assertThat(sum.shape()).isEqualTo(Shape.of(2, 4));
    assertThat(((TensorData.Floats) sum.data()).values())
        .containsExactly(1, 3, 5, 7, 9, 11, 13, 15);
    Tensor difference = response.output("OUTPUT1").orElseThrow();
    assertThat(((TensorData.Floats) difference.data()).values()).containsOnly(1);
  }

  @Test
  void sendsTheV2RequestShape() throws Exception {
    value(backend.infer(new TensorRequest("add_sub", addSub(1).inputs(), List.of("OUTPUT1"))));

    JsonNode sent = Json.MAPPER.readTree(server.inferences("add_sub").getLast().body());
    JsonNode first = sent.path("inputs").get(0);
    assertThat(first.path("name").asText()).isEqualTo("INPUT0");
    assertThat(first.path("datatype").asText()).isEqualTo("FP32");
    assertThat(first.path("shape").toString()).isEqualTo("[1,4]");
    assertThat(first.path("data").toString()).isEqualTo("[1.0,2.0,3.0,4.0]");
    assertThat(sent.path("outputs").toString()).isEqualTo("[{\"name\":\"OUTPUT1\"}]");
  }

  @Test
  void asksForOnlyTheRequestedOutputs() throws Exception {
    var response = value(backend.infer(new TensorRequest("add_sub", addSub(1).inputs(),
        List.of("OUTPUT1"))));
    assertThat(response.outputs()).extracting(Tensor::name).containsExactly("OUTPUT1");
  }

  @Test
  void runsABytesToInt64Model() throws Exception {
    var request = TensorRequest.of("lengths", List.of(Tensor.bytes("TEXT", Shape.of(3),
        List.of("a", "héllo", ""))));

    Tensor lengths = value(backend.infer(request)).output("LENGTH").orElseThrow();

    assertThat(lengths.datatype()).isEqualTo(DataType.INT64);
    assertThat(((TensorData.Integers) lengths.data()).values()).containsExactly(1, 6, 0);
  }

  @Test
  void readsDataNestedByRow() throws Exception {
    Tensor sum = value(backend.infer(renamed(addSub(2), "nested"))).output("OUTPUT0")
        .orElseThrow();
    assertThat(((TensorData.Floats) sum.data()).values())
        .containsExactly(1, 3, 5, 7, 9, 11, 13, 15);
  }

  @Test
  void refusesAWrongDatatypeBeforeCallingTheServer() {
    int before = server.inferences("add_sub").size();
    var ints = TensorRequest.of("add_sub", List.of(Tensor.int64("INPUT0", Shape.of(1, 4),
        1, 2, 3, 4)));

    var error = failure(backend.infer(ints));

    assertThat(error).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.param()).hasValue("inputs[0].datatype"))
        .hasMessageContaining("must be FP32, got INT64");
    assertThat(server.inferences("add_sub")).hasSize(before);
  }

  @Test
  void refusesAWrongShapeBeforeCallingTheServer() {
    var request = TensorRequest.of("add_sub", List.of(Tensor.fp32("INPUT0", Shape.of(1, 3),
        1, 2, 3)));
    assertThat(failure(backend.infer(request))).isInstanceOfSatisfying(
        InvalidRequestException.class, e -> assertThat(e.param()).hasValue("inputs[0].shape"))
        .hasMessageContaining("accepts [-1, 4]");
  }

  @Test
  void refusesAnUnknownInputNamingTheKnownOnes() {
    var request = TensorRequest.of("add_sub", List.of(Tensor.fp32("INPUT9", Shape.of(1, 4),
        1, 2, 3, 4)));
    assertThat(failure(backend.infer(request))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no input 'INPUT9'").hasMessageContaining("INPUT0, INPUT1");
  }

  @Test
  void refusesNanBecauseJsonCannotCarryIt() {
    var request = TensorRequest.of("add_sub", List.of(Tensor.fp32("INPUT0", Shape.of(1, 4),
        1, Float.NaN, 3, 4)));
    assertThat(failure(backend.infer(request))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void anUnknownModelIsRejectedWithTheServersOwnWords() {
    var error = failure(backend.infer(renamed(addSub(1), "no-such-model")));
    assertThat(error).isInstanceOf(UpstreamRejectedException.class)
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("Request for unknown model: 'no-such-model' is not found");
  }

  @Test
  void mapsV2ErrorBodiesThroughTheUpstreamErrorTree() {
    var unavailable = failure(backend.infer(renamed(addSub(1), "error-503")));
    assertThat(unavailable).isInstanceOf(UpstreamUnavailableException.class)
        .hasMessageContaining("HTTP 503: fake kserve error 503");
    var limited = failure(backend.infer(renamed(addSub(1), "error-429")));
    assertThat(limited).isInstanceOf(RateLimitedException.class);
    assertThat(((RateLimitedException) limited).retryAfter()).hasValue(Duration.ofSeconds(3));
    assertThat(failure(backend.metadata("error-401"))).isInstanceOf(
        UpstreamRejectedException.class).hasMessageContaining("credentials");
  }

  @Test
  void aFailedMetadataReadIsNotKept() {
    int before = server.metadataReads();
    failure(backend.metadata("error-500"));
    failure(backend.metadata("error-500"));
    assertThat(server.received().stream()
        .filter(r -> r.path().equals("/v2/models/error-500")).count()).isEqualTo(2);
    assertThat(server.metadataReads()).isEqualTo(before);
  }

  @Test
  void timesOutWhenTheServerIsSilentPastTheReadTimeout() {
    var impatient = backendWith(settings().withTimeouts(Duration.ofSeconds(2),
        Duration.ofMillis(300)));
    var error = failure(impatient.embed(EmbeddingRequest.of("slow-5000", List.of("x"))));
    assertThat(error).isInstanceOf(UpstreamTimeoutException.class)
        .hasMessageContaining("read-timeout");
  }

  @Test
  void reportsARefusedConnection() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var nowhere = backendWith(KServeSettings.of("triton",
        URI.create("http://127.0.0.1:" + closedPort)));
    assertThat(failure(nowhere.ready())).isInstanceOf(UpstreamUnavailableException.class)
        .hasMessageContaining("cannot reach backend 'triton'");
  }

  @Test
  void reportsAResetConnectionAndANonJsonBody() {
    assertThat(failure(backend.infer(renamed(addSub(1), "reset"))))
        .isInstanceOf(UpstreamUnavailableException.class);
    assertThat(failure(backend.infer(renamed(addSub(1), "garbage"))))
        .isInstanceOf(UpstreamUnavailableException.class).hasMessageContaining("not a JSON");
  }

  @Test
  void refusesAnOutputWhoseDataDoesNotFillItsShape() {
    assertThat(failure(backend.infer(renamed(addSub(2), "liar"))))
        .isInstanceOf(UpstreamUnavailableException.class)
        .hasMessageContaining("output 'OUTPUT0' has shape [2, 4]")
        .hasMessageContaining("7 elements");
  }

  @Test
  void embedsTextsThroughABytesInputAndAnFp32Output() throws Exception {
    var response = value(backend.embed(EmbeddingRequest.of("embedder",
        List.of("alpha", "beta"))));

    assertThat(response.vectors()).hasSize(2).allSatisfy(v -> assertThat(v).hasSize(8));
    assertThat(response.usage().promptTokens()).isEqualTo(3);
    JsonNode sent = Json.MAPPER.readTree(server.inferences("embedder").getLast().body());
    assertThat(sent.path("inputs").get(0).path("shape").toString()).isEqualTo("[2,1]");
    assertThat(sent.path("inputs").get(0).path("datatype").asText()).isEqualTo("BYTES");
    assertThat(sent.path("outputs").toString()).isEqualTo("[{\"name\":\"EMBEDDING\"}]");
  }

  @Test
  void asksWhichOutputToUseWhenAModelHasSeveral() {
    var error = failure(backend.embed(EmbeddingRequest.of("two-heads", List.of("x"))));
    assertThat(error).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("several floating-point outputs (vec, norm)")
        .hasMessageContaining("backends.triton.embedding-output");
  }

  @Test
  void usesTheConfiguredTensorNames() throws Exception {
    var configured = backendWith(settings().withEmbeddingTensors("text", "vec"));
    var response = value(configured.embed(EmbeddingRequest.of("two-heads", List.of("x", "y"))));
    assertThat(response.vectors()).hasSize(2).allSatisfy(v -> assertThat(v).hasSize(4));
    JsonNode sent = Json.MAPPER.readTree(server.inferences("two-heads").getLast().body());
    assertThat(sent.path("inputs").get(0).path("shape").toString()).isEqualTo("[2]");
  }

  @Test
  void refusesToEmbedWithAModelThatTakesNoText() {
    assertThat(failure(backend.embed(EmbeddingRequest.of("add_sub", List.of("x")))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("has no BYTES input, so it cannot serve embeddings");
  }

  @Test
  void refusesDimensionsTheModelDoesNotHave() {
    var request = new EmbeddingRequest("embedder", List.of("x"), EncodingFormat.FLOAT,
        Json.object().put("dimensions", 16));
    assertThat(failure(backend.embed(request))).isInstanceOfSatisfying(
        InvalidRequestException.class, e -> assertThat(e.param()).hasValue("dimensions"))
        .hasMessageContaining("returns 8 dimensions");
  }

  @Test
  void sendsTheBearerTokenWhenConfigured() throws Exception {
    var authenticated = backendWith(settings().withApiKey("secret-token"));
    value(authenticated.ready());
    assertThat(server.received().getLast().authorization()).isEqualTo("Bearer secret-token");
    assertThat(authenticated.toString()).doesNotContain("secret-token");
    assertThat(settings().withApiKey("secret-token").toString()).doesNotContain("secret-token");
  }

  @Test
  void refusesABaseUrlThatAlreadyEndsInV2() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KServeSettings.of("t",
        URI.create("http://triton:8000/v2"))).hasMessageContaining("without /v2");
  }

  @Test
  void concurrentRequestsShareOneInferenceBehindTheBatcher() throws Exception {
    var batching = Batching.tensors(backendWith(settings()), BatchSettings.defaults()
        .withMaxBatchSize(5).withMaxWait(Duration.ofSeconds(10)).withSla(Duration.ofSeconds(30)),
        Scheduler.system());
    value(batching.metadata("add_sub"));
    int before = server.inferences("add_sub").size();

    var answers = IntStream.range(0, 5).mapToObj(i -> batching.infer(addSub(1, i * 10)))
        .toList();

    for (int i = 0; i < 5; i++) {
      Tensor sum = value(answers.get(i)).output("OUTPUT0").orElseThrow();
      float x = i * 10;
      assertThat(((TensorData.Floats) sum.data()).values())
          .containsExactly(2 * x + 1, 2 * x + 3, 2 * x + 5, 2 * x + 7);
    }
    assertThat(server.inferences("add_sub")).hasSize(before + 1);
  }

  /** {@code rows} rows of INPUT0 = 1, 2, 3, … and INPUT1 = INPUT0 - 1. */
  private static TensorRequest addSub(int rows) {
    return addSub(rows, 0);
  }

  private static TensorRequest addSub(int rows, float offset) {
    float[] a = new float[rows * 4];
    float[] b = new float[rows * 4];
    for (int i = 0; i < a.length; i++) {
      a[i] = offset + i + 1;
      b[i] = a[i] - 1;
    }
    return TensorRequest.of("add_sub", List.of(Tensor.fp32("INPUT0", Shape.of(rows, 4), a),
        Tensor.fp32("INPUT1", Shape.of(rows, 4), b)));
  }

  private static TensorRequest renamed(TensorRequest request, String model) {
    return request.withModel(model);
  }

  private static <T> T value(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static FulcrumException failure(CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(FulcrumException.class);
      return (FulcrumException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure");
  }
}
