package dev.fulcrum.gateway.testing;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.gateway.config.ConfigLoader;
import dev.fulcrum.controlplane.store.StoreUrl;
import dev.fulcrum.gateway.config.FulcrumConfig;
import dev.fulcrum.gateway.config.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.fulcrum.gateway.wiring.Fulcrum;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A real gateway on an ephemeral port, and a JDK HTTP client to talk to it. */
public final class TestGateway implements AutoCloseable {
  public static final String KEY = "sk-test-key";

  private final Fulcrum fulcrum;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private TestGateway(Fulcrum fulcrum) {
    this.fulcrum = fulcrum;
  }

  /**
   * Starts a gateway from YAML; {@code ${KEY_HASH}} resolves to the hash of {@link #KEY} and
   * {@code variables} supply the rest.
   */
  public static TestGateway start(String yaml, Map<String, String> variables) {
    Map<String, String> all = new HashMap<>(variables);
    all.put("KEY_HASH", ApiKeyHash.of(KEY));
    FulcrumConfig config = ConfigLoader.withVariables(all).parse("test.yaml", yaml).withPort(0);
    if (!yaml.contains("store:")) {
      config = config.withStore(new StoreConfig(StoreUrl.parse("sqlite:" + tempStore()),
          Duration.ZERO));
    }
    return new TestGateway(Fulcrum.start(config));
  }

  private static Path tempStore() {
    try {
      Path dir = Files.createTempDirectory("fulcrum-test-");
      dir.toFile().deleteOnExit();
      return dir.resolve("store.db");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + fulcrum.port() + path);
  }

  public int port() {
    return fulcrum.port();
  }

  public HttpResponse<String> post(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("authorization", "Bearer " + KEY)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("authorization", "Bearer " + KEY)
        .GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpClient client() {
    return client;
  }

  @Override
  public void close() {
    fulcrum.close();
  }
}
