package dev.fulcrum.core.backend;

import dev.fulcrum.core.chat.ChatChunk;
import dev.fulcrum.core.chat.ChatRequest;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A backend that streams chat completions chunk by chunk. */
public interface StreamingChatBackend extends Backend {

  /**
   * Starts a streamed answer. The stage completes once the backend has accepted the request
   * (for HTTP upstreams: a 2xx status arrived), so a caller can still fall back elsewhere when it
   * fails; after that, failures arrive through the publisher's {@code onError}.
   *
   * <p>The publisher accepts one subscriber and honours its demand: the backend reads no
   * further than requested (backpressure). Cancelling the subscription aborts the upstream call.
   */
  default CompletionStage<Flow.Publisher<ChatChunk>> stream(ChatRequest request) {
    return Calls.guard(this, () -> doStream(request));
  }

  /** The provider's implementation of {@link #stream}; may throw or fail with anything. */
  CompletionStage<Flow.Publisher<ChatChunk>> doStream(ChatRequest request);
}
