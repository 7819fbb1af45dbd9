package dev.fulcrum.inference.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.error.RateLimitedException;
import dev.fulcrum.core.error.UpstreamRejectedException;
import dev.fulcrum.core.error.UpstreamTimeoutException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * The one place where what an upstream did (an HTTP status, a broken connection, a timeout)
 * becomes a {@link FulcrumException}. Retry and fallback read only the resulting types.
 */
public final class UpstreamErrors {
  private static final int MAX_UPSTREAM_MESSAGE = 300;

  private UpstreamErrors() {}

  /**
   * Maps a non-2xx upstream answer.
   *
   * @param retryAfter the upstream's {@code Retry-After} header, or {@code null}
   * @param body the upstream's body (an OpenAI-style error object, or anything)
   */
  public static FulcrumException fromStatus(String backend, int status, String retryAfter,
      byte[] body) {
    String detail = upstreamMessage(body);
    String said = "backend '" + backend + "' answered HTTP " + status + detail;
    if (status == 429) {
      return new RateLimitedException(said + "; it is rate limiting Fulcrum, try again later",
          parseRetryAfter(retryAfter));
    }
    if (status == 408) {
      return new UpstreamTimeoutException(backend, said, null);
    }
    if (status >= 500) {
      return new UpstreamUnavailableException(backend, status, said, null);
    }
    if (status == 401 || status == 403) {
      return new UpstreamRejectedException(backend, status, said
          + "; it rejected Fulcrum's credentials, check backends." + backend + ".api-key");
    }
    return new UpstreamRejectedException(backend, status, said);
  }

  /** Maps a transport failure (no usable HTTP answer). */
  public static FulcrumException fromTransport(String backend, String target, Throwable error) {
    if (error instanceof FulcrumException fulcrum) {
      return fulcrum;
    }
    if (isTimeout(error)) {
      return new UpstreamTimeoutException(backend, "backend '" + backend + "' at " + target
          + " did not answer in time; raise backends." + backend + ".read-timeout if it is "
          + "just slow", error);
    }
    String why = error instanceof ConnectException ? "connection refused"
        : error instanceof UnknownHostException ? "unknown host"
        : error instanceof ClosedChannelException || isClosed(error) ? "connection closed"
        : error instanceof IOException ? "I/O error" : error.getClass().getSimpleName();
    return new UpstreamUnavailableException(backend, "cannot reach backend '" + backend
        + "' at " + target + " (" + why + ")", error);
  }

  /** Parses a 2xx body that must be a JSON object; garbage is the upstream's fault. */
  public static ObjectNode parseObject(String backend, byte[] body) {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // fall through: reported below without echoing the body
    }
    throw new UpstreamUnavailableException(backend, "backend '" + backend
        + "' answered 2xx with a body that is not a JSON object", null);
  }

  private static boolean isTimeout(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          || t.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("timeout")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isClosed(Throwable error) {
    return error.getClass().getSimpleName().contains("Closed");
  }

  /** The upstream's own error message, shortened, as {@code ": …"}; empty if none. */
  private static String upstreamMessage(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String message;
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      JsonNode error = node == null ? null : node.path("error");
      message = error != null && error.isObject() ? error.path("message").asText("")
          : error != null && error.isTextual() ? error.asText() : "";
    } catch (IOException e) {
      message = new String(body, 0, Math.min(body.length, MAX_UPSTREAM_MESSAGE),
          StandardCharsets.UTF_8);
    }
    message = message.strip();
    if (message.isEmpty()) {
      return "";
    }
    if (message.length() > MAX_UPSTREAM_MESSAGE) {
      message = message.substring(0, MAX_UPSTREAM_MESSAGE) + "…";
    }
    return ": " + message;
  }

  /** Delta-seconds form only; an HTTP date is treated as unknown. */
  static Duration parseRetryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
