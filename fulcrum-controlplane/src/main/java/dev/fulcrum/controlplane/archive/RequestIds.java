package dev.fulcrum.controlplane.archive;

import java.util.Objects;

/** The archive's rule for request ids, checked wherever one comes in. */
final class RequestIds {
  static final int MAX_LENGTH = 64;

  private RequestIds() {}

  /** @throws IllegalArgumentException when {@code requestId} is blank or too long to store */
  static String check(String requestId) {
    Objects.requireNonNull(requestId, "requestId");
    if (requestId.isBlank() || requestId.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a request id has 1 to " + MAX_LENGTH
          + " characters, got " + requestId.length());
    }
    return requestId;
  }
}
