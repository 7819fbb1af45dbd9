package dev.fulcrum.inference.kserve;

import io.vertx.core.Vertx;

/** Creates adapters for Open Inference Protocol v2 servers (KServe, Triton). */
public final class KServeBackends {
  private KServeBackends() {}

  /**
   * An adapter serving tensors and embeddings over HTTP/JSON.
   *
   * @param vertx the event loops and HTTP client to use; not closed by the backend
   */
  public static KServeBackend create(Vertx vertx, KServeSettings settings) {
    return new KServeHttpBackend(vertx, settings);
  }
}
