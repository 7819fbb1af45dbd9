package dev.fulcrum.core.backend;

import dev.fulcrum.core.tensor.ModelMetadata;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * A backend that runs tensor models (the Open Inference Protocol v2: KServe, Triton). Rows of
 * concurrent requests may be stacked along the first dimension by a batcher when the model's
 * metadata says that dimension is dynamic.
 */
public interface TensorBackend extends Backend {

  /**
   * Runs one inference. Never throws: failures arrive as a stage failed with a
   * {@link dev.fulcrum.core.error.FulcrumException} — an
   * {@link dev.fulcrum.core.error.InvalidRequestException} naming the field when the request
   * does not fit the model's metadata.
   *
   * @param request the request with {@code model} already set to this backend's model name
   */
  default CompletionStage<TensorResponse> infer(TensorRequest request) {
    return Calls.guard(this, () -> doInfer(request));
  }

  /**
   * {@link #infer(TensorRequest)} for a caller that needs the answer within {@code budget}. A
   * backend that holds requests back to batch them never holds this one past that budget minus
   * the time it predicts the batch takes; any other backend ignores it (the default). Never
   * throws.
   */
  default CompletionStage<TensorResponse> infer(TensorRequest request, Duration budget) {
    return infer(request);
  }

  /**
   * What {@code model} accepts and produces. Implementations may cache the answer. Never throws;
   * failures arrive in the stage.
   */
  default CompletionStage<ModelMetadata> metadata(String model) {
    return Calls.guard(this, () -> doMetadata(model));
  }

  /** The provider's implementation of {@link #infer}; may throw or fail with anything. */
  CompletionStage<TensorResponse> doInfer(TensorRequest request);

  /** The provider's implementation of {@link #metadata}; may throw or fail with anything. */
  CompletionStage<ModelMetadata> doMetadata(String model);
}
