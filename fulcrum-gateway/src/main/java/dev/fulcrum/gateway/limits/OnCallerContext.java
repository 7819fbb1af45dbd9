package dev.fulcrum.gateway.limits;

import dev.fulcrum.dataplane.limits.Admission;
import dev.fulcrum.dataplane.limits.Admitted;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.routing.TokenEstimate;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hands an admission that completes elsewhere (on Redis's I/O thread) back to the event loop
 * that asked, so routing and dispatch run where they would without Redis.
 */
final class OnCallerContext implements Admission {
  private final Admission delegate;

  OnCallerContext(Admission delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletionStage<Admitted> admit(RequestContext context, String model,
      TokenEstimate estimate) {
    Context caller = Vertx.currentContext();
    CompletableFuture<Admitted> admitted = delegate.admit(context, model, estimate)
        .toCompletableFuture();
    if (caller == null || admitted.isDone()) {
      return admitted;
    }
    CompletableFuture<Admitted> back = new CompletableFuture<>();
    admitted.whenComplete((value, failure) -> caller.runOnContext(ignored -> {
      if (failure != null) {
        back.completeExceptionally(failure);
      } else {
        back.complete(value);
      }
    }));
    return back;
  }
}
