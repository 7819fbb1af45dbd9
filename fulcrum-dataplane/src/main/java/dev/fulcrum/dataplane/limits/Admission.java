package dev.fulcrum.dataplane.limits;

import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.routing.TokenEstimate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides, before a request is routed, whether the tenant may send it: requests per minute,
 * tokens per minute, and budget. Implementations keep their counters where the deployment needs
 * them (in memory, or shared in Redis for exact limits across replicas) and learn actual usage
 * from the pipeline's outcomes ({@link Limiter}).
 *
 * <p>Called on an event loop for every request: must not block. A refused admission ends the
 * request before routing; the pipeline observes and records it as a failed outcome with no
 * model version, so limiters see no reservation to settle.
 */
@FunctionalInterface
public interface Admission {
  /** Lets everything in. */
  Admission UNLIMITED = (context, model, estimate) ->
      CompletableFuture.completedFuture(Admitted.WITHIN_BUDGET);

  /**
   * @param model the model the caller named
   * @param estimate the tokens the request is expected to use
   * @return the admission; fails with a {@link dev.fulcrum.core.error.RateLimitedException}
   *     (429 with Retry-After) when a rate limit or quota is hit. A spent budget is not a
   *     failure here: it is reported so that placement can still use free routes.
   */
  CompletionStage<Admitted> admit(RequestContext context, String model, TokenEstimate estimate);
}
