package dev.fulcrum.gateway.http;

/** Names of the headers Fulcrum reads and writes; part of the public contract. */
public final class FulcrumHeaders {
  public static final String REQUEST_ID = "x-fulcrum-request-id";
  public static final String BACKEND = "x-fulcrum-backend";
  public static final String PLACEMENT = "x-fulcrum-placement";
  public static final String MODEL_VERSION = "x-fulcrum-model-version";
  public static final String SIMULATED = "x-fulcrum-simulated";
  public static final String ATTEMPTS = "x-fulcrum-attempts";
  public static final String DEGRADED = "x-fulcrum-degraded";
  public static final String PII = "x-fulcrum-pii";
  public static final String SANITIZED = "x-fulcrum-sanitized";
  public static final String DECISION = "x-fulcrum-decision";
  /** Which model a split alias chose and why, e.g. {@code chat-auto -> chat-small (SIMPLE 93%)}. */
  public static final String SPLIT = "x-fulcrum-split";

  private FulcrumHeaders() {}
}
