package dev.fulcrum.core.backend;

import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import java.util.concurrent.CompletionStage;

/** A backend that turns texts into vectors. */
public interface EmbeddingBackend extends Backend {

  /** Embeds every input, in order. Never throws; failures arrive in the stage. */
  default CompletionStage<EmbeddingResponse> embed(EmbeddingRequest request) {
    return Calls.guard(this, () -> doEmbed(request));
  }

  /** The provider's implementation of {@link #embed}; may throw or fail with anything. */
  CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request);
}
