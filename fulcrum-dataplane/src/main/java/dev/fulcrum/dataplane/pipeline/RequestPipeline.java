package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.StreamingChatBackend;
import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.dataplane.health.BackendHealth;
import dev.fulcrum.dataplane.health.RetryBudget;
import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.Operation;
import dev.fulcrum.dataplane.routing.PrivacyFacts;
import dev.fulcrum.dataplane.routing.RouteQuery;
import dev.fulcrum.dataplane.routing.Router;
import dev.fulcrum.dataplane.routing.TokenEstimate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request from start to finish: route, admit, dispatch, record, fall back.
 *
 * <p>Thread-safe and non-blocking. Reads the routing table through a supplier on every request,
 * so a newly published snapshot takes effect at once. Each attempt must be admitted by the
 * backend's circuit breaker; its outcome feeds the backend's health. Retriable failures move on
 * to the next fallback while the retry budget allows; a non-retriable one ends the request,
 * since another backend would refuse it too.
 */
public final class RequestPipeline {
  private static final Logger log = LoggerFactory.getLogger(RequestPipeline.class);
  /** Completion tokens assumed for cost estimates when the caller sets no max_tokens. */
  static final long DEFAULT_COMPLETION_TOKENS = 512;

  private final Router router;
  private final Backends backends;
  private final Supplier<RoutingTable> routingTable;
  private final Clock clock;
  private final RetryBudget retryBudget;

  public RequestPipeline(Router router, Backends backends, Supplier<RoutingTable> routingTable,
      Clock clock, RetryBudget retryBudget) {
    this.router = Objects.requireNonNull(router, "router");
    this.backends = Objects.requireNonNull(backends, "backends");
    this.routingTable = Objects.requireNonNull(routingTable, "routingTable");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget");
  }

  /** A pipeline on the system clock with the standard retry budget. */
  public RequestPipeline(Router router, Backends backends, Supplier<RoutingTable> routingTable) {
    this(router, backends, routingTable, Clock.systemUTC(), RetryBudget.standard());
  }

  /** A complete chat answer. */
  public CompletionStage<Served<ChatResponse>> chat(RequestContext context, ChatRequest request) {
    return dispatch(context, query(context, request, Operation.CHAT), candidate ->
        ((ChatBackend) backends.get(candidate.backend().name()))
            .chat(request.withModel(candidate.route().upstreamModel())));
  }

  /**
   * A streamed chat answer. Fallback happens only before the stream is accepted; once chunks
   * flow, failures reach the subscriber (and still count against the backend's health).
   */
  public CompletionStage<Served<Flow.Publisher<ChatChunk>>> stream(RequestContext context,
      ChatRequest request) {
    return dispatch(context, query(context, request, Operation.CHAT_STREAM),
        candidate -> ((StreamingChatBackend) backends.get(candidate.backend().name()))
            .stream(request.withModel(candidate.route().upstreamModel()))
            .thenApply(stream -> new ObservedStream(stream, error -> backends.healthRegistry()
                .get(candidate.backend().name()).ifPresent(h -> h.failedLate(error)))));
  }

  /** Vectors for every input. */
  public CompletionStage<Served<EmbeddingResponse>> embed(RequestContext context,
      EmbeddingRequest request) {
    long chars = request.inputs().stream().mapToLong(String::length).sum();
    RouteQuery query = baseQuery(context, request.model(), Operation.EMBEDDINGS,
        new TokenEstimate((chars + 3) / 4, 0));
    return dispatch(context, query, candidate ->
        ((EmbeddingBackend) backends.get(candidate.backend().name()))
            .embed(request.withModel(candidate.route().upstreamModel())));
  }

  private RouteQuery query(RequestContext context, ChatRequest request, Operation operation) {
    long chars = 0;
    for (ChatMessage message : request.messages()) {
      for (String text : message.content().texts()) {
        chars += text.length();
      }
    }
    long completion = request.maxTokens().orElse(DEFAULT_COMPLETION_TOKENS);
    return baseQuery(context, request.model(), operation,
        new TokenEstimate((chars + 3) / 4, completion));
  }

  private RouteQuery baseQuery(RequestContext context, String alias, Operation operation,
      TokenEstimate tokens) {
    PrivacyFacts privacy = new PrivacyFacts(context.privacy(), context.tenant().trustZone(),
        java.util.Set.of(), false);
    return new RouteQuery(alias, operation, context.stickyKey(), clock.instant(), privacy,
        context.hints().constraints(), tokens, false);
  }

  /** A backend call for one candidate. */
  @FunctionalInterface
  private interface Call<T> {
    CompletionStage<T> apply(Candidate candidate);
  }

  private <T> CompletionStage<Served<T>> dispatch(RequestContext context, RouteQuery query,
      Call<T> call) {
    Decision decision;
    try {
      decision = router.decide(query, routingTable.get(), backends);
    } catch (FulcrumException e) {
      return CompletableFuture.failedFuture(e);
    }
    retryBudget.deposit();
    return switch (decision) {
      case Decision.Rejected rejected ->
          CompletableFuture.failedFuture(Rejections.of(rejected, retryAfter(rejected)));
      case Decision.Routed routed -> attempt(context, routed, routed.attempts(), 0, call, null);
    };
  }

  private <T> CompletionStage<Served<T>> attempt(RequestContext context, Decision.Routed routed,
      List<Candidate> attempts, int index, Call<T> call, FulcrumException previous) {
    if (index >= attempts.size()) {
      return CompletableFuture.failedFuture(previous);
    }
    Candidate candidate = attempts.get(index);
    Optional<BackendHealth.Permit> admitted = backends.healthRegistry()
        .get(candidate.backend().name()).flatMap(BackendHealth::tryAcquire);
    if (admitted.isEmpty()) {
      FulcrumException refused = new ServiceUnavailableException("backend '"
          + candidate.backend().name() + "' is refusing calls (circuit open or cooling down)",
          null);
      return next(context, routed, attempts, index, call, refused);
    }
    BackendHealth.Permit permit = admitted.get();
    CompletionStage<T> result;
    try {
      result = call.apply(candidate);
    } catch (RuntimeException e) {
      permit.failed(new ServiceUnavailableException("backend call failed to start", null));
      throw e;
    }
    return result.handle((value, error) -> {
      if (error == null) {
        permit.succeeded();
        return CompletableFuture.completedFuture(new Served<>(value, candidate, routed,
            index + 1));
      }
      FulcrumException failure = unwrap(error);
      permit.failed(failure);
      if (!failure.retriable()) {
        return CompletableFuture.<Served<T>>failedFuture(failure);
      }
      return next(context, routed, attempts, index, call, failure);
    }).thenCompose(Function.identity());
  }

  private <T> CompletionStage<Served<T>> next(RequestContext context, Decision.Routed routed,
      List<Candidate> attempts, int index, Call<T> call, FulcrumException failure) {
    boolean more = index + 1 < attempts.size();
    if (!more) {
      return CompletableFuture.failedFuture(failure);
    }
    if (!retryBudget.trySpend()) {
      log.warn("request {}: retry budget exhausted, not falling back after {} failed",
          context.requestId(), attempts.get(index).backend().name());
      return CompletableFuture.failedFuture(failure);
    }
    log.debug("request {}: backend {} failed ({}), falling back to {}", context.requestId(),
        attempts.get(index).backend().name(), failure.getClass().getSimpleName(),
        attempts.get(index + 1).backend().name());
    return attempt(context, routed, attempts, index + 1, call, failure);
  }

  /** When the earliest unavailable backend may be tried again, for Retry-After. */
  private Duration retryAfter(Decision.Rejected rejected) {
    return rejected.dropped().stream()
        .map(d -> backends.health(d.backend()).availableAt())
        .filter(at -> at.isAfter(clock.instant()))
        .min(java.util.Comparator.naturalOrder())
        .map(at -> Duration.between(clock.instant(), at))
        .orElse(null);
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
