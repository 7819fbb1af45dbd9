package dev.fulcrum.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.util.Map;
import java.util.Objects;

/**
 * An error as the caller sees it: an HTTP status and the OpenAI error object (or, on
 * {@code /v2} paths, the Open Inference Protocol's).
 *
 * @param status the HTTP status
 * @param type the OpenAI error type ({@code invalid_request_error}, …)
 * @param code a stable machine-readable code, or {@code null}
 * @param param the offending request field, or {@code null}
 * @param message what went wrong and what to do, for a person
 * @param headers extra response headers such as {@code Retry-After}
 */
record ApiError(int status, String type, String code, String param, String message,
    Map<String, String> headers) {
  ApiError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    headers = Map.copyOf(headers);
  }

  ApiError(int status, String type, String code, String message) {
    this(status, type, code, null, message, Map.of());
  }

  /** The Open Inference Protocol's shape, {@code {"error": message}}, for {@code /v2} paths. */
  ObjectNode toV2Json() {
    ObjectNode root = Json.object();
    root.put("error", message);
    return root;
  }

  /** {@code {"error":{"message","type","param","code"}}}. */
  ObjectNode toJson() {
    ObjectNode root = Json.object();
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.put("param", param);
    error.put("code", code);
    return root;
  }
}
