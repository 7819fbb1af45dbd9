package dev.fulcrum.inference.batching;

import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import dev.fulcrum.core.tensor.ModelMetadata;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/** A tensor and embedding backend (KServe, Triton) with both batched. */
final class TensorsWithBatchedEmbeddings implements BatchingTensorBackend,
    BatchingEmbeddingBackend {
  private final TensorBatcher tensors;
  private final EmbeddingBatcher embeddings;

  TensorsWithBatchedEmbeddings(TensorBatcher tensors, EmbeddingBatcher embeddings) {
    this.tensors = tensors;
    this.embeddings = embeddings;
  }

  @Override
  public BackendInfo info() {
    return tensors.info();
  }

  @Override
  public CompletionStage<TensorResponse> doInfer(TensorRequest request) {
    return tensors.doInfer(request);
  }

  @Override
  public CompletionStage<ModelMetadata> doMetadata(String model) {
    return tensors.doMetadata(model);
  }

  @Override
  public CompletionStage<TensorResponse> infer(TensorRequest request, Deadline deadline) {
    return tensors.infer(request, deadline);
  }

  @Override
  public CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request) {
    return embeddings.doEmbed(request);
  }

  @Override
  public CompletionStage<EmbeddingResponse> embed(EmbeddingRequest request, Deadline deadline) {
    return embeddings.embed(request, deadline);
  }

  /** Tensor batch keys prefixed {@code tensors: }, embedding ones {@code embeddings: }. */
  @Override
  public Map<String, BatcherStats> stats() {
    Map<String, BatcherStats> stats = new TreeMap<>();
    tensors.stats().forEach((key, value) -> stats.put("tensors: " + key, value));
    embeddings.stats().forEach((key, value) -> stats.put("embeddings: " + key, value));
    return stats;
  }

  /** Closes both sets of batchers and, once each, the wrapped backend (closing is idempotent). */
  @Override
  public void close() {
    tensors.close();
    embeddings.close();
  }
}
