package dev.fulcrum.inference.batching;

import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * An {@link EmbeddingBackend} that stacks the inputs of concurrent requests into one upstream
 * call and hands each request its own vectors back. It reports the {@code BackendInfo} of the
 * backend it wraps, and closing it closes that backend.
 *
 * <p>Every input is one item of an {@link AdaptiveBatcher}, so a request with many inputs may
 * be spread over several batches and {@code max-batch-size} counts texts. Requests batch
 * together only when they name the same upstream model with the same options; the
 * {@code user} field is not sent upstream for batched calls (one call serves many users).
 * Token usage reported upstream for a batch is shared among its inputs by text length.
 */
public interface BatchingEmbeddingBackend extends EmbeddingBackend {

  /**
   * Embeds with a caller-chosen deadline instead of the configured SLA. Never throws; failures
   * arrive in the stage as {@link dev.fulcrum.core.error.FulcrumException}s. Cancelling the
   * returned stage (e.g. when the caller's own timeout fires) withdraws the request's inputs
   * that have not left in a batch yet; other requests are unaffected.
   */
  CompletionStage<EmbeddingResponse> embed(EmbeddingRequest request, Deadline deadline);

  /** Batches with a deadline {@code budget} from now instead of the configured SLA. */
  @Override
  default CompletionStage<EmbeddingResponse> embed(EmbeddingRequest request, Duration budget) {
    return embed(request, Deadline.in(budget));
  }

  /** One snapshot per batch key (upstream model, plus options when any) seen so far. */
  Map<String, BatcherStats> stats();
}
