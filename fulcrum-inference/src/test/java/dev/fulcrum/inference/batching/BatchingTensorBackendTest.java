package dev.fulcrum.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.backend.TensorBackend;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.NotFoundException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.tensor.DataType;
import dev.fulcrum.core.tensor.ModelMetadata;
import dev.fulcrum.core.tensor.Shape;
import dev.fulcrum.core.tensor.Tensor;
import dev.fulcrum.core.tensor.TensorData;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;
import dev.fulcrum.core.tensor.TensorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class BatchingTensorBackendTest {
  private final FakeScheduler clock = new FakeScheduler();
  private final Doubler upstream = new Doubler();
  private final BatchingTensorBackend backend = Batching.tensors(upstream,
      BatchSettings.defaults().withMaxBatchSize(4).withMaxWait(Duration.ofMillis(5)), clock);

  @Test
  void stacksTheRowsOfConcurrentRequestsAndSlicesEachAnswerBack() {
    var one = backend.infer(request("double", rows(1, 1f)));
    var two = backend.infer(request("double", rows(2, 2f, 3f)));
    clock.advanceMillis(5);

    assertThat(upstream.calls).hasSize(1);
    assertThat(upstream.calls.getFirst().inputs().getFirst().shape()).isEqualTo(Shape.of(3, 2));
    assertThat(floats(value(one))).containsExactly(2, 2);
    assertThat(floats(value(two))).containsExactly(4, 4, 6, 6);
    assertThat(value(two).outputs().getFirst().shape()).isEqualTo(Shape.of(2, 2));
  }

  @Test
  void countsRowsAgainstTheMaximumBatchSize() {
    backend.infer(request("double", rows(2, 1f, 2f)));
    backend.infer(request("double", rows(3, 3f, 4f, 5f)));
    clock.advanceMillis(5);

    assertThat(upstream.calls).extracting(call -> call.inputs().getFirst().rows())
        .containsExactly(2L, 3L);
  }

  @Test
  void aCallersBudgetThroughTheCoreInterfaceCutsTheWaitShort() {
    TensorBackend seenByThePipeline = backend;
    seenByThePipeline.infer(request("double", rows(1, 1f)), Duration.ofMillis(2));
    clock.advanceMillis(1);
    assertThat(upstream.calls).isEmpty();

    clock.advanceMillis(1);
    assertThat(upstream.calls).hasSize(1);
  }

  @Test
  void passesAModelWithAFixedFirstDimensionThroughUnbatched() {
    var answer = backend.infer(request("fixed", rows(1, 7f)));

    assertThat(upstream.calls).hasSize(1);
    assertThat(floats(value(answer))).containsExactly(14, 14);
  }

  @Test
  void aRequestThatDoesNotFitTheModelFailsAloneBeforeJoiningABatch() {
    var good = backend.infer(request("double", rows(1, 1f)));
    var bad = backend.infer(TensorRequest.of("double",
        List.of(Tensor.fp32("X", Shape.of(1, 2), 1, 1))));
    clock.advanceMillis(5);

    assertThat(failure(bad)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no input 'X'");
    assertThat(floats(value(good))).containsExactly(2, 2);
  }

  @Test
  void requestsWithDifferentRowShapesDoNotShareABatch() {
    backend.infer(request("double", rows(1, 1f)));
    backend.infer(TensorRequest.of("double",
        List.of(Tensor.fp32("IN", Shape.of(1, 3), 1, 1, 1))));
    clock.advanceMillis(5);

    assertThat(upstream.calls).hasSize(2);
  }

  @Test
  void anOutputThatCannotBeSplitBackFailsTheBatchWithAClearError() {
    var one = backend.infer(request("broken", rows(1, 1f)));
    var two = backend.infer(request("broken", rows(1, 2f)));
    clock.advanceMillis(5);

    assertThat(failure(one)).isInstanceOf(UpstreamUnavailableException.class)
        .hasMessageContaining("for a batch of 2 rows");
    assertThat(failure(two)).isInstanceOf(UpstreamUnavailableException.class);
  }

  @Test
  void anUnknownModelFailsWithTheUpstreamsError() {
    assertThat(failure(backend.infer(request("nope", rows(1, 1f)))))
        .isInstanceOf(NotFoundException.class);
  }

  private static TensorRequest request(String model, Tensor input) {
    return TensorRequest.of(model, List.of(input));
  }

  /** {@code rows} rows of two columns, each row filled with one value. */
  private static Tensor rows(int rows, float... values) {
    float[] data = new float[rows * 2];
    for (int i = 0; i < data.length; i++) {
      data[i] = values[i / 2];
    }
    return Tensor.fp32("IN", Shape.of(rows, 2), data);
  }

  private static float[] floats(TensorResponse response) {
    return ((TensorData.Floats) response.outputs().getFirst().data()).values();
  }

  private static <T> T value(CompletionStage<T> stage) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    assertThat(future).isDone();
    return future.join();
  }

  private static Throwable failure(CompletionStage<?> stage) {
    CompletableFuture<?> future = stage.toCompletableFuture();
    assertThat(future).isCompletedExceptionally();
    try {
      future.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("not failed");
  }

  /**
   * Models that double their FP32 input {@code IN} into {@code OUT}: {@code double} batches,
   * {@code fixed} has a fixed first dimension, {@code broken} claims to batch but always
   * answers one row.
   */
  private static final class Doubler implements TensorBackend {
    final List<TensorRequest> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public BackendInfo info() {
      return new BackendInfo("doubler", "fake", Placement.PRIVATE, false, true);
    }

    @Override
    public CompletionStage<ModelMetadata> doMetadata(String model) {
      long first = switch (model) {
        case "double", "broken" -> -1;
        case "fixed" -> 1;
        default -> throw new NotFoundException("no model " + model, "model_not_found");
      };
      return CompletableFuture.completedFuture(new ModelMetadata(model, List.of(), "",
          List.of(new TensorSpec("IN", DataType.FP32, Shape.of(first, -1))),
          List.of(new TensorSpec("OUT", DataType.FP32, Shape.of(first, -1)))));
    }

    @Override
    public CompletionStage<TensorResponse> doInfer(TensorRequest request) {
      calls.add(request);
      Tensor in = request.inputs().getFirst();
      float[] values = ((TensorData.Floats) in.data()).values().clone();
      for (int i = 0; i < values.length; i++) {
        values[i] *= 2;
      }
      Tensor out = Tensor.fp32("OUT", in.shape(), values);
      if (request.model().equals("broken")) {
        out = out.rows(0, 1);
      }
      return CompletableFuture.completedFuture(new TensorResponse(request.model(), List.of(out)));
    }
  }
}
