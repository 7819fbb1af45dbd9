package dev.fulcrum.inference.batching;

import dev.fulcrum.core.backend.TensorBackend;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A {@link TensorBackend} that stacks concurrent requests along the first dimension into one
 * upstream inference and slices each request's rows back out of every output. It reports the
 * {@code BackendInfo} of the backend it wraps, and closing it closes that backend.
 *
 * <p>A request is batched only when its model's metadata gives every input and output a
 * dynamic first dimension, and all its inputs have the same number of rows; it is checked
 * against that metadata first, so one malformed request never fails a whole batch. Requests
 * batch together only with the same model, input names, datatypes, row shapes and requested
 * outputs. {@code max-batch-size} counts rows and must not exceed the model's own maximum
 * (Triton's {@code max_batch_size}). Anything else passes through unbatched.
 */
public interface BatchingTensorBackend extends TensorBackend {

  /** Infers with a caller-chosen deadline instead of the configured SLA. Never throws. */
  CompletionStage<TensorResponse> infer(TensorRequest request, Deadline deadline);

  /** Batches with a deadline {@code budget} from now instead of the configured SLA. */
  @Override
  default CompletionStage<TensorResponse> infer(TensorRequest request, Duration budget) {
    return infer(request, Deadline.in(budget));
  }

  /** One snapshot per batch key (model and request signature) seen so far. */
  Map<String, BatcherStats> stats();
}
