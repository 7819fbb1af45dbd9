package dev.fulcrum.dataplane.routing;

import dev.fulcrum.core.backend.Capability;

/** What a request asks a backend to do, and the capability that requires. */
public enum Operation {
  CHAT(Capability.CHAT, "chat completions"),
  CHAT_STREAM(Capability.CHAT_STREAM, "streamed chat completions"),
  EMBEDDINGS(Capability.EMBEDDINGS, "embeddings"),
  /** Open Inference Protocol v2 tensors ({@code /v2/models/{name}/infer}). */
  TENSORS(Capability.TENSORS, "tensor inference");

  private final Capability required;
  private final String description;

  Operation(Capability required, String description) {
    this.required = required;
    this.description = description;
  }

  public Capability required() {
    return required;
  }

  /** A phrase for reasons: "does not serve embeddings". */
  public String description() {
    return description;
  }
}
