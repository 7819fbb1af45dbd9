package dev.fulcrum.dataplane.observe;

import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.Usage;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.dataplane.pipeline.RequestContext;
import dev.fulcrum.dataplane.routing.Candidate;
import dev.fulcrum.dataplane.routing.Operation;
import java.time.Duration;
import java.util.Objects;

/**
 * How one request ended, for observers (rollout guards, drift, usage, metrics). Carries the
 * request in process so observers can derive features; observers must not keep or log its text.
 */
public sealed interface Outcome {

  RequestContext context();

  Operation operation();

  /** The model the caller named. */
  String alias();

  /** Time from the pipeline taking the request to the answer (or stream) ending. */
  Duration latency();

  /**
   * The request was answered.
   *
   * @param model the model that served (the alias, or its degraded-mode model)
   * @param version that model's version id
   * @param servedBy the route and backend that answered
   * @param usage tokens used (reported by the backend, else zero)
   * @param request the chat request, or {@code null} for embeddings
   * @param responseChars characters of answer text
   * @param finishReason the first choice's finish reason ({@code stop}, {@code length}, …)
   * @param refused whether the model refused (an OpenAI {@code refusal})
   */
  record Completed(RequestContext context, Operation operation, String alias, String model,
      String version, Candidate servedBy, Duration latency, Usage usage, ChatRequest request,
      int responseChars, String finishReason, boolean refused) implements Outcome {
    public Completed {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(servedBy, "servedBy");
      Objects.requireNonNull(usage, "usage");
      Objects.requireNonNull(finishReason, "finishReason");
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
   * @param error what the caller was told
   */
  record Failed(RequestContext context, Operation operation, String alias, String model,
      String version, Duration latency, FulcrumException error) implements Outcome {
    public Failed {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(error, "error");
    }
  }
}
