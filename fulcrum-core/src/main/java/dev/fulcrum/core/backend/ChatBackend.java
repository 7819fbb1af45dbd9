package dev.fulcrum.core.backend;

import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import java.util.concurrent.CompletionStage;

/** A backend that answers chat completions. */
public interface ChatBackend extends Backend {

  /**
   * Answers a chat request. Never throws: failures arrive as a stage failed with a
   * {@link dev.fulcrum.core.error.FulcrumException}.
   *
   * @param request the request with {@code model} already set to this backend's model name
   */
  default CompletionStage<ChatResponse> chat(ChatRequest request) {
    return Calls.guard(this, () -> doChat(request));
  }

  /** The provider's implementation of {@link #chat}; may throw or fail with anything. */
  CompletionStage<ChatResponse> doChat(ChatRequest request);
}
