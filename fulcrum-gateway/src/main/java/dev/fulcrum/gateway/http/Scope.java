package dev.fulcrum.gateway.http;

/** What a short-lived token may be used for; API keys may do everything. */
public enum Scope {
  CHAT("chat"),
  EMBEDDINGS("embeddings"),
  MODELS("models"),
  /** {@code POST /v2/models/{name}/infer}. */
  INFER("infer"),
  PRIVACY("privacy");

  private final String wire;

  Scope(String wire) {
    this.wire = wire;
  }

  /** The scope's name in tokens and in {@code POST /v1/tokens}. */
  public String wire() {
    return wire;
  }
}
