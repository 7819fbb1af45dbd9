package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small client of Fulcrum's admin API on the JDK's {@link HttpClient}. Answers are JSON; a
 * failure becomes an {@link AdminCallException} carrying the server's message, with a hint when
 * the cause is likely local (no key, wrong URL, admin API disabled).
 */
final class AdminClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final URI base;
  private final String adminKey;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  AdminClient(URI base, String adminKey) {
    this.base = base;
    this.adminKey = adminKey;
  }

  /** One path segment, encoded so that a model name such as {@code meta-llama/x} stays one. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  JsonNode get(String path) {
    return send(request(path).GET().build());
  }

  JsonNode post(String path, JsonNode body) {
    return send(request(path).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(TIMEOUT);
    if (!adminKey.isEmpty()) {
      builder.header("authorization", "Bearer " + adminKey);
    }
    return builder;
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new AdminCallException(0, "cannot reach Fulcrum at " + base + " (connection "
          + "refused); is it running? Point the CLI at it with --url or FULCRUM_URL");
    } catch (HttpTimeoutException e) {
      throw new AdminCallException(0, "Fulcrum at " + base + " did not answer within "
          + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      throw new AdminCallException(0, "cannot talk to Fulcrum at " + base + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdminCallException(0, "interrupted");
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 == 2 && body != null) {
      return body;
    }
    throw failure(response.statusCode(), body, response.body());
  }

  private AdminCallException failure(int status, JsonNode body, String raw) {
    String message = body == null ? null : body.path("error").path("message").asText(null);
    if (message == null) {
      String text = raw.strip();
      return new AdminCallException(status, "HTTP " + status + " from " + base + " (not "
          + "Fulcrum's admin API?): " + (text.length() > 200 ? text.substring(0, 200) + "…"
          : text));
    }
    String code = body.path("error").path("code").asText("");
    if (status == 401) {
      message += adminKey.isEmpty() ? "; no admin key was sent: pass --admin-key or set "
          + "FULCRUM_ADMIN_KEY" : "; check --admin-key / FULCRUM_ADMIN_KEY";
    } else if (status == 404 && code.equals("unknown_url") && !message.contains("admin API")) {
      message += " (is the admin API enabled? it needs admin.api-keys in fulcrum.yaml)";
    }
    return new AdminCallException(status, message);
  }

  private static JsonNode parse(String text) {
    try {
      return text.isBlank() ? null : Json.MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
