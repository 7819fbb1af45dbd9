package dev.fulcrum.dataplane.shadow;

import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.routing.Shadow;
import dev.fulcrum.core.routing.VersionRoutes;
import dev.fulcrum.dataplane.pipeline.Backends;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.RouteQuery;
import dev.fulcrum.dataplane.routing.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors a sampled share of a model's traffic to its shadow versions, after the caller has been
 * answered, and reports how the shadow compared. It never delays or changes the caller's answer:
 * copies run asynchronously, bounded in concurrency and queue, and are dropped (counted) when
 * the bounds are reached. A copy is screened by the router like real traffic, so privacy policy,
 * kill switches and health apply to the shadow too; it goes to one backend, without fallbacks.
 */
public final class ShadowMirror {
  private static final Logger log = LoggerFactory.getLogger(ShadowMirror.class);

  private final Router router;
  private final Backends backends;
  private final AnswerSimilarity similarity;
  private final Consumer<ShadowOutcome> observer;
  private final ShadowSettings settings;
  private final Clock clock;
  private final Queue<Runnable> queue = new ArrayDeque<>();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private int running;

  public ShadowMirror(Router router, Backends backends, AnswerSimilarity similarity,
      Consumer<ShadowOutcome> observer, ShadowSettings settings, Clock clock) {
    this.router = router;
    this.backends = backends;
    this.similarity = similarity;
    this.observer = observer;
    this.settings = settings;
    this.clock = clock;
  }

  /** The shadows of {@code model} that this request is sampled into (usually none). */
  public List<Shadow> sampled(String requestId, RoutingTable table, String model) {
    return table.lookup(model).map(ModelRoutes::shadows).orElse(List.of()).stream()
        .filter(shadow -> sample(requestId, shadow))
        .toList();
  }

  /**
   * Mirrors {@code outbound} (the request as it left for the primary, already sanitized) to each
   * of {@code shadows}, comparing with the primary's answer text.
   */
  public void mirror(RouteQuery query, RoutingTable table, List<Shadow> shadows,
      ChatRequest outbound, Decision.Routed primary, String primaryText,
      Duration primaryLatency, String requestId) {
    for (Shadow shadow : shadows) {
      enqueue(() -> run(query, table, shadow, outbound, primary, primaryText, primaryLatency,
          requestId));
    }
  }

  /** Copies dropped because the bounds were reached. */
  public long dropped() {
    return dropped.get();
  }

  /** Copies not sent because routing refused them (privacy, kill switch, health). */
  public long skipped() {
    return skipped.get();
  }

  private void enqueue(Runnable job) {
    synchronized (this) {
      if (running < settings.maxConcurrent()) {
        running++;
      } else if (queue.size() < settings.maxQueued()) {
        queue.add(job);
        return;
      } else {
        dropped.incrementAndGet();
        return;
      }
    }
    job.run();
  }

  private void finished() {
    Runnable next;
    synchronized (this) {
      next = queue.poll();
      if (next == null) {
        running--;
        return;
      }
    }
    next.run();
  }

  private void run(RouteQuery query, RoutingTable table, Shadow shadow, ChatRequest outbound,
      Decision.Routed primary, String primaryText, Duration primaryLatency, String requestId) {
    String model = primary.model();
    // the shadow's version alone, with full weight: a shadow-only candidate has weight 0
    VersionRoutes target = new VersionRoutes(shadow.target().version(), 1,
        shadow.target().routes());
    RoutingTable only = RoutingTable.of(List.of(new ModelRoutes(model, List.of(target),
        List.of())), table.disabledBackends());
    Decision decision;
    try {
      decision = router.decide(query.withAlias(model), only, backends);
    } catch (dev.fulcrum.core.error.FulcrumException e) {
      skipped.incrementAndGet();
      finished();
      return;
    }
    if (!(decision instanceof Decision.Routed routed)) {
      // policy or health keeps this copy from its shadow: that says nothing about the version
      skipped.incrementAndGet();
      finished();
      return;
    }
    Instant start = clock.instant();
    ChatRequest copy = new ChatRequest(routed.chosen().route().upstreamModel(),
        outbound.messages(), false, outbound.options().deepCopy().without("stream_options"));
    ((ChatBackend) backends.backend(routed.chosen().backend().name())).chat(copy)
        .whenComplete((response, error) -> {
          Duration took = Duration.between(start, clock.instant());
          if (error != null) {
            report(requestId, model, primary, shadow, primaryLatency, took, true, Double.NaN);
            finished();
            return;
          }
          similarity.similarity(primaryText, text(response)).whenComplete((score, failure) -> {
            report(requestId, model, primary, shadow, primaryLatency, took, false,
                failure == null ? score : Double.NaN);
            finished();
          });
        });
  }

  private void report(String requestId, String model, Decision.Routed primary, Shadow shadow,
      Duration primaryLatency, Duration shadowLatency, boolean failed, double score) {
    try {
      observer.accept(new ShadowOutcome(requestId, model, primary.versionId(),
          shadow.target().version(), primaryLatency, shadowLatency, failed, score));
    } catch (RuntimeException e) {
      log.warn("shadow observer failed for request {}", requestId, e);
    }
  }

  private static String text(ChatResponse response) {
    return response.json().path("choices").path(0).path("message").path("content").asText("");
  }

  /** A stable draw in [0, 1) per (request, shadow version), compared with the sample rate. */
  private static boolean sample(String requestId, Shadow shadow) {
    long hash = 0xcbf29ce484222325L;
    String key = requestId + "|" + shadow.target().version();
    for (int i = 0; i < key.length(); i++) {
      hash ^= key.charAt(i);
      hash *= 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    double draw = (hash >>> 11) * 0x1.0p-53;
    return draw < shadow.sampleRate();
  }
}
