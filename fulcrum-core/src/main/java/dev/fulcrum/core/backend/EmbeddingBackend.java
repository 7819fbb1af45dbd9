package dev.fulcrum.core.backend;

import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** A backend that turns texts into vectors. */
public interface EmbeddingBackend extends Backend {

  /** Embeds every input, in order. Never throws; failures arrive in the stage. */
  default CompletionStage<EmbeddingResponse> embed(EmbeddingRequest request) {
    return Calls.guard(this, () -> doEmbed(request));
  }

  /**
   * {@link #embed(EmbeddingRequest)} for a caller that needs the answer within {@code budget}.
   * A backend that holds requests back to batch them never holds this one past that budget
   * minus the time it predicts the call takes; any other backend ignores it (the default).
   * Never throws.
   */
  default CompletionStage<EmbeddingResponse> embed(EmbeddingRequest request, Duration budget) {
    return embed(request);
  }

  /** The provider's implementation of {@link #embed}; may throw or fail with anything. */
  CompletionStage<EmbeddingResponse> doEmbed(EmbeddingRequest request);
}
