package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.StreamingChatBackend;
import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.Dropped;
import dev.fulcrum.dataplane.routing.Operation;
import dev.fulcrum.dataplane.routing.RouteQuery;
import dev.fulcrum.dataplane.routing.Router;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request from start to finish: route, dispatch, fall back.
 *
 * <p>Thread-safe and non-blocking. Reads the routing table through a supplier on every request,
 * so a newly published snapshot takes effect at once. Retriable failures move on to the next
 * fallback; a non-retriable one ends the request, since another backend would refuse it too.
 */
public final class RequestPipeline {
  private static final Logger log = LoggerFactory.getLogger(RequestPipeline.class);

  private final Router router;
  private final Backends backends;
  private final Supplier<RoutingTable> routingTable;

  public RequestPipeline(Router router, Backends backends, Supplier<RoutingTable> routingTable) {
    this.router = Objects.requireNonNull(router, "router");
    this.backends = Objects.requireNonNull(backends, "backends");
    this.routingTable = Objects.requireNonNull(routingTable, "routingTable");
  }

  /** A complete chat answer. */
  public CompletionStage<Served<ChatResponse>> chat(RequestContext context, ChatRequest request) {
    return dispatch(context, request.model(), Operation.CHAT, candidate ->
        ((ChatBackend) backends.get(candidate.backend().name()))
            .chat(request.withModel(candidate.route().upstreamModel())));
  }

  /**
   * A streamed chat answer. Fallback happens only before the stream is accepted; once chunks
   * flow, failures reach the subscriber.
   */
  public CompletionStage<Served<Flow.Publisher<ChatChunk>>> stream(RequestContext context,
      ChatRequest request) {
    return dispatch(context, request.model(), Operation.CHAT_STREAM, candidate ->
        ((StreamingChatBackend) backends.get(candidate.backend().name()))
            .stream(request.withModel(candidate.route().upstreamModel())));
  }

  /** Vectors for every input. */
  public CompletionStage<Served<EmbeddingResponse>> embed(RequestContext context,
      EmbeddingRequest request) {
    return dispatch(context, request.model(), Operation.EMBEDDINGS, candidate ->
        ((EmbeddingBackend) backends.get(candidate.backend().name()))
            .embed(request.withModel(candidate.route().upstreamModel())));
  }

  private <T> CompletionStage<Served<T>> dispatch(RequestContext context, String alias,
      Operation operation, Function<Candidate, CompletionStage<T>> call) {
    Decision decision;
    try {
      decision = router.decide(new RouteQuery(alias, operation, context.stickyKey()),
          routingTable.get(), backends);
    } catch (FulcrumException e) {
      return CompletableFuture.failedFuture(e);
    }
    return switch (decision) {
      case Decision.Rejected rejected -> CompletableFuture.failedFuture(rejection(rejected));
      case Decision.Routed routed -> attempt(context, routed, routed.attempts(), 0, call);
    };
  }

  private <T> CompletionStage<Served<T>> attempt(RequestContext context, Decision.Routed routed,
      List<Candidate> attempts, int index, Function<Candidate, CompletionStage<T>> call) {
    Candidate candidate = attempts.get(index);
    return call.apply(candidate).handle((value, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(
            new Served<>(value, candidate, routed, index + 1));
      }
      FulcrumException failure = unwrap(error);
      boolean more = index + 1 < attempts.size();
      if (failure.retriable() && more) {
        log.debug("request {}: backend {} failed ({}), falling back to {}", context.requestId(),
            candidate.backend().name(), failure.getClass().getSimpleName(),
            attempts.get(index + 1).backend().name());
        return attempt(context, routed, attempts, index + 1, call);
      }
      return CompletableFuture.<Served<T>>failedFuture(failure);
    }).thenCompose(Function.identity());
  }

  private static FulcrumException rejection(Decision.Rejected rejected) {
    boolean unsupported = rejected.dropped().stream()
        .allMatch(d -> d.cause() == Dropped.Cause.UNSUPPORTED);
    return unsupported ? new InvalidRequestException(rejected.explain(), "model")
        : new ServiceUnavailableException(rejected.explain(), null);
  }

  private static FulcrumException unwrap(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof FulcrumException fulcrum) {
      return fulcrum;
    }
    // the SPI guarantees FulcrumExceptions; anything else is a bug in this module
    throw new IllegalStateException("backend call failed outside the error tree", cause);
  }
}
