package dev.fulcrum.inference.kserve;

import dev.fulcrum.core.backend.Placement;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Open Inference Protocol v2 server (Triton, KServe).
 *
 * @param name the backend's name
 * @param placement where it runs ({@code placement}, default PRIVATE: usually an on-prem pool)
 * @param baseUrl the server root, without {@code /v2}, e.g. {@code http://triton:8000}
 *     ({@code base-url})
 * @param apiKey sent as {@code Authorization: Bearer …} when present, for servers behind an
 *     authenticating gateway ({@code api-key})
 * @param connectTimeout how long to wait for a connection ({@code connect-timeout}, default 5 s)
 * @param readTimeout the longest silence tolerated while waiting for an answer
 *     ({@code read-timeout}, default 60 s)
 * @param maxConnections the connection pool size per event loop ({@code max-connections},
 *     default 64)
 * @param textInput for embeddings: the BYTES input that receives the texts
 *     ({@code text-input}); when absent, the model's only BYTES input
 * @param embeddingOutput for embeddings: the floating-point {@code [n, d]} output holding the
 *     vectors ({@code embedding-output}); when absent, the model's only floating-point output
 */
public record KServeSettings(String name, Placement placement, URI baseUrl,
    Optional<String> apiKey, Duration connectTimeout, Duration readTimeout, int maxConnections,
    Optional<String> textInput, Optional<String> embeddingOutput) {

  public KServeSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(textInput, "textInput");
    Objects.requireNonNull(embeddingOutput, "embeddingOutput");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("base URL must be http or https: " + baseUrl);
    }
    String path = baseUrl.getPath() == null ? "" : baseUrl.getPath();
    if (path.endsWith("/v2") || path.endsWith("/v2/")) {
      throw new IllegalArgumentException("base URL must be the server root without /v2 (Fulcrum "
          + "adds it), e.g. " + baseUrl.resolve("/") + "; got " + baseUrl);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1");
    }
  }

  /** A server at {@code baseUrl} with every other setting at its default. */
  public static KServeSettings of(String name, URI baseUrl) {
    return new KServeSettings(name, Placement.PRIVATE, baseUrl, Optional.empty(),
        Duration.ofSeconds(5), Duration.ofSeconds(60), 64, Optional.empty(), Optional.empty());
  }

  public KServeSettings withPlacement(Placement where) {
    return new KServeSettings(name, where, baseUrl, apiKey, connectTimeout, readTimeout,
        maxConnections, textInput, embeddingOutput);
  }

  public KServeSettings withApiKey(String key) {
    return new KServeSettings(name, placement, baseUrl, Optional.of(key), connectTimeout,
        readTimeout, maxConnections, textInput, embeddingOutput);
  }

  public KServeSettings withTimeouts(Duration connect, Duration read) {
    return new KServeSettings(name, placement, baseUrl, apiKey, connect, read, maxConnections,
        textInput, embeddingOutput);
  }

  public KServeSettings withMaxConnections(int connections) {
    return new KServeSettings(name, placement, baseUrl, apiKey, connectTimeout, readTimeout,
        connections, textInput, embeddingOutput);
  }

  /** Names the tensors that carry texts in and vectors out, for models with several of each. */
  public KServeSettings withEmbeddingTensors(String input, String output) {
    return new KServeSettings(name, placement, baseUrl, apiKey, connectTimeout, readTimeout,
        maxConnections, Optional.of(input), Optional.of(output));
  }

  /** Redacts the key. */
  @Override
  public String toString() {
    return "KServeSettings[name=" + name + ", baseUrl=" + baseUrl + ", apiKey="
        + (apiKey.isPresent() ? "****" : "none") + "]";
  }
}
