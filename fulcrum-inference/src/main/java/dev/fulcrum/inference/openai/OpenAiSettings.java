package dev.fulcrum.inference.openai;

import dev.fulcrum.core.backend.Placement;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one OpenAI-compatible upstream (OpenAI, Nebius AI Studio, vLLM, Ollama,
 * llama.cpp server, …).
 *
 * @param name the backend's name
 * @param placement where it runs
 * @param baseUrl the API root including its version prefix, e.g.
 *     {@code https://api.studio.nebius.ai/v1}
 * @param apiKey sent as {@code Authorization: Bearer …} when present
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param readTimeout the longest silence tolerated while waiting for bytes
 * @param maxConnections the connection pool size per event loop
 */
public record OpenAiSettings(String name, Placement placement, URI baseUrl,
    Optional<String> apiKey, Duration connectTimeout, Duration readTimeout, int maxConnections) {

  public OpenAiSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("base URL must be http or https: " + baseUrl);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1");
    }
  }

  /** Redacts the key. */
  @Override
  public String toString() {
    return "OpenAiSettings[name=" + name + ", baseUrl=" + baseUrl + ", apiKey="
        + (apiKey.isPresent() ? "****" : "none") + "]";
  }
}
