package dev.fulcrum.inference.batching;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.TensorBackend;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.tensor.ModelMetadata;
import dev.fulcrum.core.tensor.Tensor;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The {@link BatchingTensorBackend}: one batcher of requests per model and signature. */
final class TensorBatcher implements BatchingTensorBackend {
  private final TensorBackend delegate;
  private final BatchSettings settings;
  private final Scheduler scheduler;
  private final KeyedBatchers<TensorRequest, TensorResponse> batchers = new KeyedBatchers<>();

  TensorBatcher(TensorBackend delegate, BatchSettings settings, Scheduler scheduler) {
    this.delegate = delegate;
    this.settings = settings;
    this.scheduler = scheduler;
  }

  @Override
  public BackendInfo info() {
    return delegate.info();
  }

  @Override
  public CompletionStage<TensorResponse> doInfer(TensorRequest request) {
    return infer(request, Deadline.in(settings.sla()));
  }

  @Override
  public CompletionStage<ModelMetadata> doMetadata(String model) {
    return delegate.metadata(model);
  }

  @Override
  public CompletionStage<TensorResponse> infer(TensorRequest request, Deadline deadline) {
    return KeyedBatchers.guard(name(), () -> delegate.metadata(request.model())
        .thenCompose(metadata -> route(metadata, request, deadline)));
  }

  @Override
  public Map<String, BatcherStats> stats() {
    return batchers.stats();
  }

  @Override
  public void close() {
    batchers.close();
    delegate.close();
  }

  private CompletionStage<TensorResponse> route(ModelMetadata metadata, TensorRequest request,
      Deadline deadline) {
    int rows = commonRows(request);
    if (!metadata.batchable() || rows < 1) {
      return delegate.infer(request);
    }
    metadata.validate(request);
    Optional<AdaptiveBatcher<TensorRequest, TensorResponse>> batcher = batchers.get(
        signature(request), () -> Batching.batcher(name(), settings, scheduler,
            TensorBatcher::commonRows, this::run));
    return batcher.isEmpty() ? delegate.infer(request)
        : batcher.get().submit(request, deadline);
  }

  private CompletionStage<List<TensorResponse>> run(List<TensorRequest> batch) {
    TensorRequest first = batch.getFirst();
    List<Tensor> stacked = new ArrayList<>(first.inputs().size());
    for (Tensor input : first.inputs()) {
      stacked.add(Tensor.concat(batch.stream()
          .map(member -> member.input(input.name()).orElseThrow()).toList()));
    }
    TensorRequest combined = new TensorRequest(first.model(), stacked, first.outputs());
    return delegate.infer(combined).thenApply(response -> split(response, batch));
  }

  private List<TensorResponse> split(TensorResponse response, List<TensorRequest> batch) {
    int total = batch.stream().mapToInt(TensorBatcher::commonRows).sum();
    for (Tensor output : response.outputs()) {
      if (output.shape().rank() == 0 || output.rows() != total) {
        throw new UpstreamUnavailableException(name(), "model '" + response.model()
            + "' on backend '" + name() + "' returned output '" + output.name()
            + "' with shape " + output.shape() + " for a batch of " + total + " rows, so it "
            + "cannot be split back; turn batching off for this backend", null);
      }
    }
    List<TensorResponse> answers = new ArrayList<>(batch.size());
    int from = 0;
    for (TensorRequest member : batch) {
      int to = from + commonRows(member);
      List<Tensor> outputs = new ArrayList<>(response.outputs().size());
      for (Tensor output : response.outputs()) {
        outputs.add(output.rows(from, to));
      }
      answers.add(new TensorResponse(response.model(), outputs));
      from = to;
    }
    return answers;
  }

  /** The rows every input shares, or -1 when inputs disagree, are scalars or are huge. */
  private static int commonRows(TensorRequest request) {
    long rows = -1;
    for (Tensor input : request.inputs()) {
      if (input.shape().rank() == 0 || (rows >= 0 && input.rows() != rows)) {
        return -1;
      }
      rows = input.rows();
    }
    return rows > Integer.MAX_VALUE ? -1 : (int) rows;
  }

  /** Requests with equal signatures can be stacked: same model, inputs and outputs. */
  private static String signature(TensorRequest request) {
    StringBuilder key = new StringBuilder(request.model());
    request.inputs().stream().sorted(Comparator.comparing(Tensor::name)).forEach(input ->
        key.append(' ').append(input.name()).append(':').append(input.datatype())
            .append(input.shape().rowShape()));
    if (!request.outputs().isEmpty()) {
      key.append(" -> ").append(request.outputs());
    }
    return key.toString();
  }

  private String name() {
    return delegate.info().name();
  }
}
