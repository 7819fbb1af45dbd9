package dev.fulcrum.gateway.testing;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.gateway.config.ConfigLoader;
import dev.fulcrum.gateway.config.FulcrumConfig;
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
  private final Path stateDir;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private TestGateway(Fulcrum fulcrum, Path stateDir) {
    this.fulcrum = fulcrum;
    this.stateDir = stateDir;
  }

  /**
   * Starts a gateway from YAML; {@code ${KEY_HASH}} resolves to the hash of {@link #KEY} and
   * {@code variables} supply the rest.
   */
  public static TestGateway start(String yaml, Map<String, String> variables) {
    Map<String, String> all = new HashMap<>(variables);
    all.put("KEY_HASH", ApiKeyHash.of(KEY));
    FulcrumConfig config = ConfigLoader.withVariables(all).parse("test.yaml", yaml).withPort(0);
    Path stateDir = tempDir();
    return new TestGateway(Fulcrum.start(config.withStateIn(stateDir)), stateDir);
  }

  /**
   * Where this gateway keeps its SQLite store ({@code fulcrum.db}) and keysets
   * ({@code audit.keyset.json}, {@code tokens.keyset.json}).
   */
  public Path stateDir() {
    return stateDir;
  }

  /** A fresh directory for a gateway's store and keysets. */
  public static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("fulcrum-test-");
      dir.toFile().deleteOnExit();
      return dir;
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
