package dev.fulcrum.inference.kserve;

import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.TensorBackend;
import java.util.concurrent.CompletionStage;

/**
 * A backend on an Open Inference Protocol v2 server: raw tensor inference, and embeddings for
 * text models. Requests are checked against the model's metadata before they are sent, so a
 * wrong name, datatype or shape fails with an
 * {@link dev.fulcrum.core.error.InvalidRequestException} naming the field rather than an
 * upstream 400.
 */
public interface KServeBackend extends TensorBackend, EmbeddingBackend {

  /**
   * Whether the server is ready for inference ({@code GET /v2/health/ready} answered 200).
   * Completes with false for any other status; fails with a
   * {@link dev.fulcrum.core.error.FulcrumException} when the server cannot be reached.
   */
  CompletionStage<Boolean> ready();

  /** Whether {@code model} is loaded and ready ({@code GET /v2/models/{model}/ready}). */
  CompletionStage<Boolean> ready(String model);
}
