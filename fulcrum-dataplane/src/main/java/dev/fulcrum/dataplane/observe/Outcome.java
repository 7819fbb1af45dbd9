package dev.fulcrum.dataplane.observe;

import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Decision;
import dev.fulcrum.dataplane.routing.Dropped;
import dev.fulcrum.dataplane.routing.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one request ended, for observers (rollout guards, drift, usage, metrics) and the recorder
 * (audit). Carries the request (and, when the pipeline keeps answers, the answer) in process so
 * observers can derive features; they must not log its text, and only the encrypted archive keeps
 * it. Digests are hex SHA-256 of what went upstream and what came back, so a record
 * can prove what was exchanged without holding it.
 */
public sealed interface Outcome {

  RequestContext context();

  Operation operation();

  /** The model the caller named. */
  String alias();

  /** Time from the pipeline taking the request to the answer (or stream) ending. */
  Duration latency();

  /** Personal data found in the request, by type (never the values). */
  Map<EntityType, Integer> entities();

  /** Hex SHA-256 of the request as sent upstream, or empty when not computed. */
  String requestDigest();

  /**
   * The request was answered.
   *
   * @param decision where the router sent it, with its reasons
   * @param servedBy the route and backend that answered
   * @param usage tokens used (reported by the backend, else zero)
   * @param request the chat request, or {@code null} for embeddings
   * @param responseChars characters of answer text
   * @param finishReason the first choice's finish reason ({@code stop}, {@code length}, …)
   * @param refused whether the model refused (an OpenAI {@code refusal})
   * @param responseDigest hex SHA-256 of the answer text, or empty when not computed
   * @param answer the answer text as the client received it, when the pipeline keeps answers
   *     (for the encrypted archive); else {@link AnswerText#NONE}
   */
  record Completed(RequestContext context, Operation operation, String alias,
      Decision.Routed decision, Candidate servedBy, Duration latency, Usage usage,
      ChatRequest request, int responseChars, String finishReason, boolean refused,
      Map<EntityType, Integer> entities, String requestDigest, String responseDigest,
      AnswerText answer) implements Outcome {
    public Completed {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(decision, "decision");
      Objects.requireNonNull(servedBy, "servedBy");
      Objects.requireNonNull(usage, "usage");
      Objects.requireNonNull(finishReason, "finishReason");
      entities = Map.copyOf(entities);
      Objects.requireNonNull(requestDigest, "requestDigest");
      Objects.requireNonNull(responseDigest, "responseDigest");
      Objects.requireNonNull(answer, "answer");
    }

    /** An outcome that carries no answer text (embeddings, or answers not kept). */
    public Completed(RequestContext context, Operation operation, String alias,
        Decision.Routed decision, Candidate servedBy, Duration latency, Usage usage,
        ChatRequest request, int responseChars, String finishReason, boolean refused,
        Map<EntityType, Integer> entities, String requestDigest, String responseDigest) {
      this(context, operation, alias, decision, servedBy, latency, usage, request,
          responseChars, finishReason, refused, entities, requestDigest, responseDigest,
          AnswerText.NONE);
    }

    /** The model that served: the alias, or its degraded-mode model. */
    public String model() {
      return decision.model();
    }

    /** That model's version id. */
    public String version() {
      return decision.versionId();
    }

    /** The answer's cost at the route's prices. */
    public double costUsd() {
      return servedBy.route().price().costUsd(usage);
    }
  }

  /**
   * The request failed.
   *
   * @param model the model chosen, when routing got that far (else the alias)
   * @param version the version chosen, or empty when routing failed
   * @param dropped the router's reasons, when it decided
   * @param error what the caller was told
   */
  record Failed(RequestContext context, Operation operation, String alias, String model,
      String version, List<Dropped> dropped, Duration latency, FulcrumException error,
      Map<EntityType, Integer> entities, String requestDigest) implements Outcome {
    public Failed {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(version, "version");
      dropped = List.copyOf(dropped);
      Objects.requireNonNull(error, "error");
      entities = Map.copyOf(entities);
      Objects.requireNonNull(requestDigest, "requestDigest");
    }
  }
}
