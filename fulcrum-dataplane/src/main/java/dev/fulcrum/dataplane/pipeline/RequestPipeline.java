package dev.fulcrum.dataplane.pipeline;

import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.backend.StreamingChatBackend;
import dev.fulcrum.core.backend.TensorBackend;
import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.embedding.EmbeddingResponse;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.ServiceUnavailableException;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.routing.Shadow;
import dev.fulcrum.core.tensor.ModelMetadata;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;
import dev.fulcrum.dataplane.health.BackendHealth;
import dev.fulcrum.dataplane.health.RetryBudget;
import dev.fulcrum.dataplane.limits.Admission;
import dev.fulcrum.dataplane.limits.Admitted;
import dev.fulcrum.dataplane.observe.AnswerText;
import dev.fulcrum.dataplane.observe.Digests;
import dev.fulcrum.dataplane.observe.Observers;
import dev.fulcrum.dataplane.observe.Outcome;
import dev.fulcrum.dataplane.observe.Recorder;
import dev.fulcrum.dataplane.observe.RequestObserver;
import dev.fulcrum.dataplane.privacy.guard.Outbound;
import dev.fulcrum.dataplane.privacy.guard.PrivacyGuard;
import dev.fulcrum.dataplane.privacy.guard.Scan;
import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.Dropped;
import dev.fulcrum.dataplane.routing.Operation;
import dev.fulcrum.dataplane.routing.PrivacyFacts;
import dev.fulcrum.dataplane.routing.RouteQuery;
import dev.fulcrum.dataplane.routing.Router;
import dev.fulcrum.dataplane.routing.TokenEstimate;
import dev.fulcrum.dataplane.shadow.ShadowMirror;
import dev.fulcrum.dataplane.split.PromptSplitter;
import dev.fulcrum.dataplane.split.SplitPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request from start to finish: admit, scan, route, dispatch, fall back, record, observe,
 * mirror.
 *
 * <p>Thread-safe and non-blocking. Reads the routing table once per request through a supplier,
 * so a newly published snapshot takes effect at once. Each attempt must be admitted by the
 * backend's circuit breaker; its outcome feeds the backend's health. Retriable failures move on
 * to the next fallback while the retry budget allows; a non-retriable one ends the request,
 * since another backend would refuse it too. When the request has ended (for a stream: when the
 * stream has), observers are told, and sampled requests are mirrored to shadow versions.
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
  private final RequestObserver observer;
  private final Recorder recorder;
  private final Admission admission;
  private final Optional<ShadowMirror> shadows;
  private final Optional<PrivacyGuard> privacy;
  private final Optional<PromptSplitter> splitter;
  private final Supplier<Executor> callerContext;
  private final boolean answers;

  private RequestPipeline(Builder builder) {
    this.router = builder.router;
    this.backends = builder.backends;
    this.routingTable = builder.routingTable;
    this.clock = builder.clock;
    this.retryBudget = builder.retryBudget;
    this.observer = builder.observer;
    this.recorder = builder.recorder;
    this.admission = builder.admission;
    this.shadows = Optional.ofNullable(builder.shadows);
    this.privacy = Optional.ofNullable(builder.privacy);
    this.splitter = Optional.ofNullable(builder.splitter);
    this.callerContext = builder.callerContext;
    this.answers = builder.answers;
  }

  /** A pipeline builder; everything beyond these three has a default. */
  public static Builder builder(Router router, Backends backends,
      Supplier<RoutingTable> routingTable) {
    return new Builder(router, backends, routingTable);
  }

  /** The split models this pipeline resolves, by alias (empty when there are none). */
  public Map<String, SplitPolicy> splitPolicies() {
    return splitter.map(PromptSplitter::policies).orElse(Map.of());
  }

  /** A complete chat answer, released once its record is durable. */
  public CompletionStage<Served<ChatResponse>> chat(RequestContext context, ChatRequest request) {
    Instant start = clock.instant();
    Executor back = callerContext.get();
    return resume(split(context, request), back).thenCompose(split ->
        chat(split.context(), split.request(), start, back));
  }

  private CompletionStage<Served<ChatResponse>> chat(RequestContext context, ChatRequest request,
      Instant start, Executor back) {
    RoutingTable table = routingTable.get();
    return resume(admit(context, Operation.CHAT, request.model(), estimate(request), start,
        () -> digest(request), back), back).thenCompose(
        admitted -> resume(scan(request, context), back).thenCompose(scan -> {
      RouteQuery query = query(context, request.model(), Operation.CHAT, estimate(request),
          admitted, scan);
      var attempt = dispatch(context, query, table, candidate -> {
        Outbound out = outbound(context, request, scan, candidate);
        return ((ChatBackend) backends.backend(candidate.backend().name()))
            .chat(out.request().withModel(candidate.route().upstreamModel()))
            .thenApply(out::restore);
      });
      return attempt.result().<CompletionStage<Served<ChatResponse>>>handle((served0, error) -> {
        Duration took = Duration.between(start, clock.instant());
        if (error != null) {
          return refuse(failed(context, Operation.CHAT, request.model(), attempt, took, error,
              digest(request), scan), error, back);
        }
        Served<ChatResponse> served = annotated(served0, context, scan);
        var choice = served.value().json().path("choices").path(0);
        String text = choice.path("message").path("content").asText("");
        var outcome = new Outcome.Completed(context, Operation.CHAT, request.model(),
            served.decision(), served.servedBy(), took,
            served.value().usage().orElse(new Usage(0, 0)), request, text.length(),
            choice.path("finish_reason").asText(""), choice.path("message").path("refusal")
                .isTextual(), scan.counts(), digest(request),
            recording() ? Digests.hex(text) : "", answer(text));
        return release(outcome, served, back).thenApply(released -> {
          mirror(context, query, table, request, scan, served.decision(), text, took);
          return released;
        });
      }).thenCompose(Function.identity());
    }));
  }

  /**
   * A streamed chat answer. Fallback happens only before the stream is accepted; once chunks
   * flow, failures reach the subscriber (and still count against the backend's health). The
   * final {@code [DONE]} waits for the record.
   */
  public CompletionStage<Served<Flow.Publisher<ChatChunk>>> stream(RequestContext context,
      ChatRequest request) {
    Instant start = clock.instant();
    Executor back = callerContext.get();
    return resume(split(context, request), back).thenCompose(split ->
        stream(split.context(), split.request(), start, back));
  }

  private CompletionStage<Served<Flow.Publisher<ChatChunk>>> stream(RequestContext context,
      ChatRequest request, Instant start, Executor back) {
    RoutingTable table = routingTable.get();
    return resume(admit(context, Operation.CHAT_STREAM, request.model(), estimate(request),
        start, () -> digest(request), back), back).thenCompose(
        admitted -> resume(scan(request, context), back).thenCompose(scan -> {
      RouteQuery query = query(context, request.model(), Operation.CHAT_STREAM,
          estimate(request), admitted, scan);
      var attempt = dispatch(context, query, table, candidate -> {
        Outbound out = outbound(context, request, scan, candidate);
        return ((StreamingChatBackend) backends.backend(candidate.backend().name()))
            .stream(out.request().withModel(candidate.route().upstreamModel()))
            .thenApply(out::restore);
      });
      return attempt.result().<CompletionStage<Served<Flow.Publisher<ChatChunk>>>>handle((served, error) -> {
        if (error != null) {
          return refuse(failed(context, Operation.CHAT_STREAM, request.model(), attempt,
              Duration.between(start, clock.instant()), error, digest(request), scan), error,
              back);
        }
        return CompletableFuture.completedFuture(tap(context, request, query, table,
            annotated(served, context, scan), scan, start, back));
      }).thenCompose(Function.identity());
    }));
  }

  private Served<Flow.Publisher<ChatChunk>> tap(RequestContext context, ChatRequest request,
      RouteQuery query, RoutingTable table, Served<Flow.Publisher<ChatChunk>> served, Scan scan,
      Instant start, Executor back) {
    Decision.Routed decision = served.decision();
    List<Shadow> sampled = shadows.map(m -> m.sampled(context.requestId(), table,
        decision.model())).orElse(List.of());
    var tapped = new StreamTap(served.value(), answers || !sampled.isEmpty(), recording(),
        new StreamTap.Listener() {
          @Override
          public CompletionStage<Void> completed(StreamTap.Summary summary) {
            Duration took = Duration.between(start, clock.instant());
            var outcome = new Outcome.Completed(context, Operation.CHAT_STREAM, request.model(),
                decision, served.servedBy(), took, summary.usage(), request, summary.chars(),
                summary.finishReason(), false, scan.counts(), digest(request), summary.digest(),
                answer(summary.text()));
            return release(outcome, null, back).thenRun(() -> {
              if (!sampled.isEmpty()) {
                shadows.get().mirror(query, table, sampled, outboundFor(context, request, scan),
                    decision, summary.text(), took, context.requestId());
              }
            });
          }

          @Override
          public void failed(FulcrumException failure, StreamTap.Summary soFar) {
            backends.healthRegistry().get(served.servedBy().backend().name())
                .ifPresent(health -> health.failedLate(failure));
            var outcome = new Outcome.Failed(context, Operation.CHAT_STREAM, request.model(),
                decision.model(), decision.versionId(), decision.dropped(),
                Duration.between(start, clock.instant()), failure, scan.counts(),
                digest(request));
            observer.observe(outcome);
            recorder.record(outcome).exceptionally(e -> {
              log.error("request {}: the record of a failed stream could not be written",
                  context.requestId(), e);
              return null;
            });
          }

          @Override
          public void cancelled(StreamTap.Summary soFar) {
            log.debug("request {}: caller left after {} chars", context.requestId(),
                soFar.chars());
          }
        });
    return served.with(tapped);
  }

  /** Vectors for every input, released once their record is durable. */
  public CompletionStage<Served<EmbeddingResponse>> embed(RequestContext context,
      EmbeddingRequest request) {
    long chars = request.inputs().stream().mapToLong(String::length).sum();
    String requestDigest = recording() ? Digests.hex(String.join("\n", request.inputs())) : "";
    return single(context, request.model(), Operation.EMBEDDINGS,
        new TokenEstimate((chars + 3) / 4, 0), scan(request), (scan, candidate, budget) -> {
          EmbeddingRequest out = privacy.map(guard -> guard.prepare(request, scan,
              context.tenant(), context.privacy(), candidate.backend().placement()))
              .orElse(request).withModel(candidate.route().upstreamModel());
          EmbeddingBackend backend =
              (EmbeddingBackend) backends.backend(candidate.backend().name());
          return budget.map(within -> backend.embed(out, within))
              .orElseGet(() -> backend.embed(out));
        }, requestDigest, EmbeddingResponse::usage, response -> "");
  }

  /**
   * One tensor inference (Open Inference Protocol v2), released once its record is durable.
   * Tensors carry no token counts: the request is admitted, priced and recorded with zero
   * tokens. The texts of BYTES inputs are scanned and, outside the trust zone, sanitized like
   * embedding inputs; numeric inputs leave as they are.
   */
  public CompletionStage<Served<TensorResponse>> infer(RequestContext context,
      TensorRequest request) {
    String requestDigest = recording() ? Digests.hex(request.inputs()) : "";
    return single(context, request.model(), Operation.TENSORS, TokenEstimate.ZERO,
        scan(request), (scan, candidate, budget) -> {
          TensorRequest out = privacy.map(guard -> guard.prepare(request, scan,
              context.tenant(), context.privacy(), candidate.backend().placement()))
              .orElse(request).withModel(candidate.route().upstreamModel());
          TensorBackend backend = (TensorBackend) backends.backend(candidate.backend().name());
          return budget.map(within -> backend.infer(out, within))
              .orElseGet(() -> backend.infer(out));
        }, requestDigest, response -> new Usage(0, 0),
        response -> recording() ? Digests.hex(response.outputs()) : "");
  }

  /**
   * What tensor model {@code alias} accepts and produces, asked of the backend a tensor request
   * from this caller would be routed to now, falling back as an inference would. Neither
   * admitted nor recorded: it carries no data. The answer is the upstream model's, under its
   * upstream name.
   */
  public CompletionStage<Served<ModelMetadata>> metadata(RequestContext context, String alias) {
    RouteQuery query = query(context, alias, Operation.TENSORS, TokenEstimate.ZERO,
        Admitted.WITHIN_BUDGET, Scan.none());
    return dispatch(context, query, routingTable.get(), candidate ->
        ((TensorBackend) backends.backend(candidate.backend().name()))
            .metadata(candidate.route().upstreamModel())).result();
  }

  /**
   * A request answered in one piece (embeddings, tensors): admit, scan, route, dispatch with
   * fallback, then record and observe before the answer is released.
   *
   * @param requestDigest the request's digest for the record, or empty when not recording
   * @param usage the tokens an answer used
   * @param responseDigest the answer's digest for the record, or empty
   */
  private <T> CompletionStage<Served<T>> single(RequestContext context, String alias,
      Operation operation, TokenEstimate estimate, CompletionStage<Scan> scanning,
      ScannedCall<T> call, String requestDigest, Function<T, Usage> usage,
      Function<T, String> responseDigest) {
    Instant start = clock.instant();
    RoutingTable table = routingTable.get();
    Executor back = callerContext.get();
    return resume(admit(context, operation, alias, estimate, start, () -> requestDigest, back),
        back)
        .thenCompose(admitted -> resume(scanning, back).thenCompose(scan -> {
      RouteQuery query = query(context, alias, operation, estimate, admitted, scan);
      var attempt = dispatch(context, query, table,
          candidate -> call.apply(scan, candidate, budget(context, start)));
      return attempt.result().<CompletionStage<Served<T>>>handle((served0, error) -> {
        Duration took = Duration.between(start, clock.instant());
        if (error != null) {
          return refuse(failed(context, operation, alias, attempt, took, error, requestDigest,
              scan), error, back);
        }
        Served<T> served = annotated(served0, context, scan);
        return release(new Outcome.Completed(context, operation, alias, served.decision(),
            served.servedBy(), took, usage.apply(served.value()), null, 0, "stop", false,
            scan.counts(), requestDigest, responseDigest.apply(served.value())), served, back);
      }).thenCompose(Function.identity());
    }));
  }

  /**
   * What is left of the caller's latency target ({@code x-fulcrum-latency-ms}) since the
   * request started, for backends that hold requests back to batch them; empty without one.
   */
  private Optional<Duration> budget(RequestContext context, Instant start) {
    long target = context.hints().constraints().latencyTargetMillis();
    return target <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis(target)
        .minus(Duration.between(start, clock.instant())));
  }

  /**
   * The same outcome, delivered on {@code back} when {@code stage} is still running (it may end
   * on a worker or client thread); a finished stage continues on the current thread.
   */
  private static <T> CompletionStage<T> resume(CompletionStage<T> stage, Executor back) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    return future.isDone() ? future : future.whenCompleteAsync((value, error) -> { }, back);
  }

  private CompletionStage<Scan> scan(ChatRequest request, RequestContext context) {
    return privacy.map(guard -> guard.scan(request, context.tenant()))
        .orElse(CompletableFuture.completedFuture(Scan.none()));
  }

  private CompletionStage<Scan> scan(EmbeddingRequest request) {
    return privacy.map(guard -> guard.scan(request))
        .orElse(CompletableFuture.completedFuture(Scan.none()));
  }

  private CompletionStage<Scan> scan(TensorRequest request) {
    return privacy.map(guard -> guard.scan(request))
        .orElse(CompletableFuture.completedFuture(Scan.none()));
  }

  /** The request as it may leave for {@code candidate}'s placement. */
  private Outbound outbound(RequestContext context, ChatRequest request, Scan scan,
      Candidate candidate) {
    return outboundFor(context, request, scan).apply(candidate.backend().placement());
  }

  private Function<Placement, Outbound> outboundFor(RequestContext context,
      ChatRequest request, Scan scan) {
    return placement -> privacy.map(guard -> guard.prepare(request, scan, context.tenant(),
        context.privacy(), placement)).orElseGet(() -> Outbound.raw(request));
  }

  /** The answer with what the privacy scan found, whether it was sanitized, and the split. */
  private <T> Served<T> annotated(Served<T> served, RequestContext context, Scan scan) {
    boolean sanitized = privacy.map(guard -> guard.sanitizes(context.tenant(),
        context.privacy(), served.servedBy().backend().placement(), scan)).orElse(false);
    return served.annotated(scan.counts(), sanitized, context.split());
  }

  /**
   * Resolves a split alias to the model its policy chooses for the prompt (the last user
   * message); any other request passes unchanged.
   */
  private CompletionStage<Split> split(RequestContext context, ChatRequest request) {
    return splitter.flatMap(s -> s.policy(request.model()).map(policy -> s))
        .map(s -> s.choose(request.model(), lastUserText(request))
            .thenApply(choice -> new Split(context.withSplit(choice),
                request.withModel(choice.target()))))
        .orElseGet(() -> CompletableFuture.completedFuture(new Split(context, request)));
  }

  private static String lastUserText(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role().equals("user")) {
        return String.join("\n", messages.get(i).content().texts());
      }
    }
    return "";
  }

  /** A request after split resolution: the model it is for and the context saying why. */
  private record Split(RequestContext context, ChatRequest request) {}

  /**
   * Records a completed request, then releases its answer; observers hear of it only once the
   * record is durable, and hear of a failure when it is not (the caller gets that failure). What
   * follows runs back on the caller's context ({@code back}), not on the recorder's thread: the
   * audit log's single writer completes every record, and must not also answer every request.
   */
  private <T> CompletionStage<T> release(Outcome.Completed outcome, T answer, Executor back) {
    return resume(recorder.record(outcome), back).handle((ok, failure) -> {
      if (failure != null) {
        FulcrumException refused = unrecorded(outcome, failure);
        observer.observe(new Outcome.Failed(outcome.context(), outcome.operation(),
            outcome.alias(), outcome.model(), outcome.version(), outcome.decision().dropped(),
            outcome.latency(), refused, outcome.entities(), outcome.requestDigest()));
        throw new CompletionException(refused);
      }
      observer.observe(outcome);
      return answer;
    });
  }

  /**
   * Observes and records a failed request, then fails with {@code error} itself (a bug stays a
   * bug, answered 500 at the edge), or with the record's failure when it could not be written.
   */
  private <T> CompletionStage<T> refuse(Outcome.Failed outcome, Throwable error, Executor back) {
    observer.observe(outcome);
    return resume(recorder.record(outcome), back).handle((ok, failure) -> {
      if (failure != null) {
        throw new CompletionException(unrecorded(outcome, failure));
      }
      throw error instanceof CompletionException c ? c : new CompletionException(error);
    });
  }

  private static FulcrumException unrecorded(Outcome outcome, Throwable failure) {
    log.error("request {}: its record could not be written, so it is refused",
        outcome.context().requestId(), failure);
    return new ServiceUnavailableException("the request could not be recorded in the audit "
        + "log, so it was refused; try again shortly", null);
  }

  /**
   * Admits the request, or refuses it (a rate limit, quota or failing limiter) before routing;
   * a refusal is observed and recorded like any other, with no model chosen.
   */
  private CompletionStage<Admitted> admit(RequestContext context, Operation operation,
      String model, TokenEstimate estimate, Instant start, Supplier<String> requestDigest,
      Executor back) {
    CompletionStage<Admitted> admitted;
    try {
      admitted = admission.admit(context, model, estimate);
    } catch (RuntimeException e) {
      admitted = CompletableFuture.failedFuture(e);
    }
    return admitted.handle((value, error) -> error == null
        ? CompletableFuture.completedFuture(value)
        : this.<Admitted>refuse(new Outcome.Failed(context, operation, model, model, "",
            List.of(), Duration.between(start, clock.instant()), asFulcrum(error), Map.of(),
            requestDigest.get()), error, back))
        .thenCompose(Function.identity());
  }

  private boolean recording() {
    return recorder != Recorder.NONE;
  }

  /** The answer for observers, when this pipeline keeps answers. */
  private AnswerText answer(String text) {
    return answers ? new AnswerText(text) : AnswerText.NONE;
  }

  private String digest(ChatRequest request) {
    return recording() ? Digests.hex(request.wireBytes()) : "";
  }

  private void mirror(RequestContext context, RouteQuery query, RoutingTable table,
      ChatRequest request, Scan scan, Decision.Routed decision, String text, Duration took) {
    shadows.ifPresent(mirror -> {
      List<Shadow> sampled = mirror.sampled(context.requestId(), table, decision.model());
      if (!sampled.isEmpty()) {
        mirror.mirror(query, table, sampled, outboundFor(context, request, scan), decision, text,
            took, context.requestId());
      }
    });
  }

  private static TokenEstimate estimate(ChatRequest request) {
    long chars = 0;
    for (ChatMessage message : request.messages()) {
      for (String text : message.content().texts()) {
        chars += text.length();
      }
    }
    return new TokenEstimate((chars + 3) / 4,
        request.maxTokens().orElse(DEFAULT_COMPLETION_TOKENS));
  }

  private RouteQuery query(RequestContext context, String alias, Operation operation,
      TokenEstimate tokens, Admitted admitted, Scan scan) {
    PrivacyFacts facts = new PrivacyFacts(context.privacy(), context.tenant().trustZone(),
        scan.types(), scan.failed());
    return new RouteQuery(alias, operation, context.stickyKey(), clock.instant(), facts,
        context.hints().constraints(), tokens,
        admitted.budgetExhausted() ? admitted.budget() : "");
  }

  private static Outcome.Failed failed(RequestContext context, Operation operation,
      String alias, Attempt<?> attempt, Duration took, Throwable error, String requestDigest,
      Scan scan) {
    Decision.Routed decision = attempt.decision;
    List<Dropped> dropped = decision != null ? decision.dropped() : attempt.rejected;
    return new Outcome.Failed(context, operation, alias,
        decision == null ? alias : decision.model(),
        decision == null ? "" : decision.versionId(), dropped, took, asFulcrum(error),
        scan.counts(), requestDigest);
  }

  private static FulcrumException asFulcrum(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    return cause instanceof FulcrumException fulcrum ? fulcrum
        : new ServiceUnavailableException("internal error", null);
  }

  /** A backend call for one candidate. */
  @FunctionalInterface
  private interface Call<T> {
    CompletionStage<T> apply(Candidate candidate);
  }

  /** A backend call for one candidate, given the scan and the caller's remaining budget. */
  @FunctionalInterface
  private interface ScannedCall<T> {
    CompletionStage<T> apply(Scan scan, Candidate candidate, Optional<Duration> budget);
  }

  /** A dispatch under way: its result, and the decision once routing has made one. */
  private static final class Attempt<T> {
    volatile Decision.Routed decision;
    volatile List<Dropped> rejected = List.of();
    CompletionStage<Served<T>> result;

    CompletionStage<Served<T>> result() {
      return result;
    }
  }

  private <T> Attempt<T> dispatch(RequestContext context, RouteQuery query, RoutingTable table,
      Call<T> call) {
    Attempt<T> attempt = new Attempt<>();
    Decision decision;
    try {
      decision = router.decide(query, table, backends);
    } catch (FulcrumException e) {
      attempt.result = CompletableFuture.failedFuture(e);
      return attempt;
    }
    retryBudget.deposit();
    attempt.result = switch (decision) {
      case Decision.Rejected rejected -> {
        attempt.rejected = rejected.dropped();
        yield CompletableFuture.failedFuture(Rejections.of(rejected, retryAfter(rejected)));
      }
      case Decision.Routed routed -> {
        attempt.decision = routed;
        yield attempt(context, routed, routed.attempts(), 0, call, null);
      }
    };
    return attempt;
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
    Instant now = clock.instant();
    return rejected.dropped().stream()
        .map(d -> backends.health(d.backend()).availableAt())
        .filter(at -> at.isAfter(now))
        .min(java.util.Comparator.naturalOrder())
        .map(at -> Duration.between(now, at))
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

  /** Assembles a pipeline. */
  public static final class Builder {
    private final Router router;
    private final Backends backends;
    private final Supplier<RoutingTable> routingTable;
    private Clock clock = Clock.systemUTC();
    private RetryBudget retryBudget = RetryBudget.standard();
    private RequestObserver observer = Observers.NONE;
    private Recorder recorder = Recorder.NONE;
    private Admission admission = Admission.UNLIMITED;
    private ShadowMirror shadows;
    private PrivacyGuard privacy;
    private PromptSplitter splitter;
    private Supplier<Executor> callerContext = () -> Runnable::run;
    private boolean answers;

    private Builder(Router router, Backends backends, Supplier<RoutingTable> routingTable) {
      this.router = Objects.requireNonNull(router, "router");
      this.backends = Objects.requireNonNull(backends, "backends");
      this.routingTable = Objects.requireNonNull(routingTable, "routingTable");
    }

    /** The time source for health, latency and cool-downs (default: system UTC). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** How many fallbacks may go out (default: 20% of traffic). */
    public Builder retryBudget(RetryBudget value) {
      this.retryBudget = Objects.requireNonNull(value, "retryBudget");
      return this;
    }

    /** Who is told how each request ended (default: nobody). */
    public Builder observer(RequestObserver value) {
      this.observer = Objects.requireNonNull(value, "observer");
      return this;
    }

    /** Who keeps the durable record of each request, on the path (default: nobody). */
    public Builder recorder(Recorder value) {
      this.recorder = Objects.requireNonNull(value, "recorder");
      return this;
    }

    /** Who checks rate limits, quotas and budgets before routing (default: unlimited). */
    public Builder admission(Admission value) {
      this.admission = Objects.requireNonNull(value, "admission");
      return this;
    }

    /** Who scans requests and sanitizes what leaves the trust zone (default: nobody). */
    public Builder privacy(PrivacyGuard value) {
      this.privacy = Objects.requireNonNull(value, "privacy");
      return this;
    }

    /** Where sampled requests are mirrored to shadow versions (default: nowhere). */
    public Builder shadows(ShadowMirror value) {
      this.shadows = Objects.requireNonNull(value, "shadows");
      return this;
    }

    /** Who resolves split aliases to a model per prompt (default: no split aliases). */
    public Builder splitter(PromptSplitter value) {
      this.splitter = Objects.requireNonNull(value, "splitter");
      return this;
    }

    /**
     * Where a request continues after a step that may finish on another thread (a Redis
     * admission, a privacy scan or a split classification on worker threads): called on the
     * caller's thread when a request starts, it returns an executor that runs tasks back in the
     * caller's context, such as its event loop (default: wherever the step finished).
     */
    public Builder callerContext(Supplier<Executor> value) {
      this.callerContext = Objects.requireNonNull(value, "callerContext");
      return this;
    }

    /**
     * Whether completed chat outcomes carry the answer text as the client received it ({@link
     * Outcome.Completed#answer()}), for an observer that archives it (default false). Costs a
     * copy of every streamed answer until its stream ends.
     */
    public Builder answers(boolean value) {
      this.answers = value;
      return this;
    }

    public RequestPipeline build() {
      return new RequestPipeline(this);
    }
  }
}
