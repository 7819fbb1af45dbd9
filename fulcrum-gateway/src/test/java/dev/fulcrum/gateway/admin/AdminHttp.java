package dev.fulcrum.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.testing.TestGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Calls a test gateway's admin API with the admin key, and its chat API as a tenant. */
public final class AdminHttp {
  public static final String ADMIN_KEY = "sk-admin-test";

  /** One answer: status, parsed JSON body, and the raw response for headers. */
  public record Answer(int status, JsonNode json, HttpResponse<String> raw) {
    public String errorMessage() {
      return json.path("error").path("message").asText();
    }
  }

  private final String base;
  private final String tenantKey;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  public AdminHttp(TestGateway gateway) {
    this(gateway.port(), TestGateway.KEY);
  }

  /** For a gateway on {@code port} whose tenant key is {@code tenantKey}. */
  public AdminHttp(int port, String tenantKey) {
    this.base = "http://127.0.0.1:" + port;
    this.tenantKey = tenantKey;
  }

  /** The variables a test config needs besides the tenant key: {@code ${ADMIN_HASH}}. */
  static Map<String, String> variables(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(more);
    all.put("ADMIN_HASH", ApiKeyHash.of(ADMIN_KEY));
    return all;
  }

  public Answer get(String path) {
    return answer(send(HttpRequest.newBuilder(URI.create(base + path))
        .header("authorization", "Bearer " + ADMIN_KEY).GET().build()));
  }

  /** A GET without any key. */
  public HttpResponse<String> unauthenticated(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  public Answer post(String path, String json) {
    return answer(send(HttpRequest.newBuilder(URI.create(base + path))
        .header("authorization", "Bearer " + ADMIN_KEY)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build()));
  }

  /** A chat completion as the tenant, sticky to {@code user}. */
  public HttpResponse<String> chat(String model, String user) {
    return send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
        .header("authorization", "Bearer " + tenantKey)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"user\":\""
            + user + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static Answer answer(HttpResponse<String> response) {
    JsonNode json;
    try {
      json = response.body().isEmpty() ? Json.object() : Json.MAPPER.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON (HTTP " + response.statusCode() + "): "
          + response.body(), e);
    }
    return new Answer(response.statusCode(), json, response);
  }

  /** A register body: one route to {@code backend}, owned by the test. */
  public static String version(String version, String backend) {
    return """
        {"version": "%s", "by": "test", "reason": "a new version",
         "artifact": {"uri": "hf://test/%s", "sha256": "%s"},
         "signature": {"input": {"type": "object"}, "output": {"type": "object"}},
         "metadata": {"owner": "ml-platform", "training_data": "s3://lake/chat@2026-11-01",
                      "metrics": {"win_rate": 0.61}, "labels": {"task": "chat"}},
         "routes": [{"backend": "%s", "model": "simulated-chat",
                     "input_usd_per_mtok": 0.15, "output_usd_per_mtok": 0.6}]}
        """.formatted(version, version, "ab".repeat(32), backend);
  }

  public static String change(String reason) {
    return "{\"by\": \"test\", \"reason\": \"" + reason + "\"}";
  }
}
