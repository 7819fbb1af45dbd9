package dev.fulcrum.inference.openai;

import dev.fulcrum.core.backend.Backend;
import io.vertx.core.Vertx;

/** Creates adapters for OpenAI-compatible HTTP upstreams. */
public final class OpenAiBackends {
  private OpenAiBackends() {}

  /**
   * An adapter that serves chat (plain and streaming) and embeddings over HTTP.
   *
   * @param vertx the event loops and HTTP client to use; not closed by the backend
   */
  public static Backend create(Vertx vertx, OpenAiSettings settings) {
    return new OpenAiBackend(vertx, settings);
  }
}
