package dev.fulcrum.dataplane.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.backend.Backend;
import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.backend.TensorBackend;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.core.tensor.DataType;
import dev.fulcrum.core.tensor.ModelMetadata;
import dev.fulcrum.core.tensor.Shape;
import dev.fulcrum.core.tensor.Tensor;
import dev.fulcrum.core.tensor.TensorData;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;
import dev.fulcrum.core.tensor.TensorSpec;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.privacy.PiiDetector;
import dev.fulcrum.dataplane.privacy.guard.PrivacyGuard;
import dev.fulcrum.dataplane.privacy.guard.PrivacySettings;
import dev.fulcrum.dataplane.privacy.pattern.PatternRecognizers;
import dev.fulcrum.dataplane.privacy.sanitize.Action;
import dev.fulcrum.dataplane.privacy.sanitize.HashKey;
import dev.fulcrum.dataplane.privacy.sanitize.SanitizationPolicy;
import dev.fulcrum.dataplane.routing.Constraints;
import dev.fulcrum.dataplane.routing.Operation;
import dev.fulcrum.dataplane.routing.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tensor inferences and model metadata through the pipeline. */
class TensorPipelineTest {
  private static final RequestContext CONTEXT = new RequestContext("req_1", new Tenant("acme"));
  private static final TensorRequest ROWS = TensorRequest.of("scorer",
      List.of(Tensor.fp32("x", Shape.of(1, 2), 1, 2)));

  private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

  private RequestPipeline pipeline(Backend backend, PrivacyGuard privacy) {
    var table = RoutingTable.of(List.of(ModelRoutes.single("scorer", "2",
        List.of(new Route(backend.info().name(), "upstream-scorer", Price.FREE)))));
    var builder = RequestPipeline.builder(new Router(), Backends.of(List.of(backend)),
        () -> table).observer(outcomes::add);
    return (privacy == null ? builder : builder.privacy(privacy)).build();
  }

  private static <T> T value(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void infersUnderTheUpstreamNameAndObservesATensorOutcome() throws Exception {
    var scorer = new Echo("triton", Placement.PRIVATE);
    var served = value(pipeline(scorer, null).infer(CONTEXT, ROWS));

    assertThat(scorer.calls).singleElement().extracting(TensorRequest::model)
        .isEqualTo("upstream-scorer");
    assertThat(served.value().outputs()).containsExactlyElementsOf(ROWS.inputs());
    assertThat(served.decision().version()).isEqualTo("scorer@2");
    assertThat(outcomes).singleElement().isInstanceOfSatisfying(Outcome.Completed.class, done -> {
      assertThat(done.operation()).isEqualTo(Operation.TENSORS);
      assertThat(done.usage().totalTokens()).isZero();
      assertThat(done.request()).isNull();
    });
  }

  @Test
  void passesWhatIsLeftOfTheLatencyTargetOnlyWhenTheCallerSetOne() throws Exception {
    var scorer = new Echo("triton", Placement.PRIVATE);
    var pipeline = pipeline(scorer, null);
    value(pipeline.infer(CONTEXT, ROWS));
    var hurried = new RequestContext("req_2", new Tenant("acme"), "", new RequestHints(
        PrivacyLevel.PUBLIC, new Constraints(300, Double.POSITIVE_INFINITY), ""));
    value(pipeline.infer(hurried, ROWS));

    assertThat(scorer.budgets.get(0)).isEmpty();
    assertThat(scorer.budgets.get(1)).hasValueSatisfying(budget ->
        assertThat(budget).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300)));
  }

  @Test
  void aModelWhoseBackendsRunNoTensorsIsACallersMistake() {
    var chatOnly = FakeBackend.answering("nebius");
    var failure = pipeline(chatOnly, null).infer(CONTEXT, ROWS).toCompletableFuture()
        .handle((ok, error) -> error.getCause()).join();

    assertThat(failure).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("nebius: does not serve tensor inference");
  }

  @Test
  void sanitizesTextTensorsBeforeTheyLeaveTheTrustZone() throws Exception {
    var cloud = new Echo("cloud-triton", Placement.CLOUD);
    var privacy = new PrivacyGuard(PiiDetector.builder().recognizers(PatternRecognizers.all())
        .build(), new PrivacySettings(SanitizationPolicy.of(Action.REDACT),
        Duration.ofSeconds(5), 4096), tenant -> HashKey.of(new byte[32]), Runnable::run,
        Clock.systemUTC());
    var texts = TensorRequest.of("scorer", List.of(Tensor.bytes("text", Shape.of(2),
        List.of("write to jane@example.com", "nothing here"))));

    var served = value(pipeline(cloud, privacy).infer(CONTEXT, texts));

    var sent = (TensorData.Texts) cloud.calls.getFirst().inputs().getFirst().data();
    assertThat(sent.values().get(0)).doesNotContain("jane@example.com");
    assertThat(sent.values().get(1)).isEqualTo("nothing here");
    assertThat(served.entities()).containsEntry(EntityType.EMAIL_ADDRESS, 1);
    assertThat(served.sanitized()).isTrue();
  }

  @Test
  void metadataComesFromTheRoutedBackendAndIsNotRecorded() throws Exception {
    var scorer = new Echo("triton", Placement.PRIVATE);
    var served = value(pipeline(scorer, null).metadata(CONTEXT, "scorer"));

    assertThat(served.value().name()).isEqualTo("upstream-scorer");
    assertThat(served.servedBy().backend().name()).isEqualTo("triton");
    assertThat(outcomes).isEmpty();
  }

  /** Answers every inference with its inputs, and remembers requests and budgets. */
  private static final class Echo implements TensorBackend {
    private final BackendInfo info;
    final List<TensorRequest> calls = new CopyOnWriteArrayList<>();
    final List<Optional<Duration>> budgets = new CopyOnWriteArrayList<>();

    Echo(String name, Placement placement) {
      this.info = new BackendInfo(name, "fake", placement, false, true);
    }

    @Override
    public BackendInfo info() {
      return info;
    }

    @Override
    public CompletionStage<TensorResponse> infer(TensorRequest request, Duration budget) {
      budgets.add(Optional.of(budget));
      calls.add(request);
      return CompletableFuture.completedFuture(new TensorResponse(request.model(),
          request.inputs()));
    }

    @Override
    public CompletionStage<TensorResponse> doInfer(TensorRequest request) {
      budgets.add(Optional.empty());
      calls.add(request);
      return CompletableFuture.completedFuture(new TensorResponse(request.model(),
          request.inputs()));
    }

    @Override
    public CompletionStage<ModelMetadata> doMetadata(String model) {
      return CompletableFuture.completedFuture(new ModelMetadata(model, List.of("1"), "fake",
          List.of(new TensorSpec("x", DataType.FP32, Shape.of(-1, 2))), List.of()));
    }
  }
}
