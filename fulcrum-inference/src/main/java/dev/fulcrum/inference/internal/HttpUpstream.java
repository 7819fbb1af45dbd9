package dev.fulcrum.inference.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.FulcrumException;
import dev.fulcrum.core.json.Json;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One upstream HTTP API behind pooled, keep-alive Vert.x clients: requests go to paths under the
 * base URL, JSON goes out, and every failure — a refused connection, a silent upstream, a
 * non-2xx answer — comes back mapped by {@link UpstreamErrors}. There is one client (and pool)
 * per event loop, so a request served on a loop talks upstream on that same loop and never hops
 * threads; calls from outside an event loop share one more client. Thread-safe.
 */
public final class HttpUpstream implements AutoCloseable {

  /**
   * Where an upstream lives and how patient to be with it.
   *
   * @param backend the backend's name, for error messages
   * @param baseUrl the API root; request paths are appended to its path
   * @param bearerToken sent as {@code Authorization: Bearer …} when present
   * @param connectTimeout how long to wait for a TCP (and TLS) connection
   * @param readTimeout the longest silence tolerated while waiting for bytes
   * @param maxConnections the connection pool size per event loop
   */
  public record Endpoint(String backend, URI baseUrl, Optional<String> bearerToken,
      Duration connectTimeout, Duration readTimeout, int maxConnections) {
    public Endpoint {
      Objects.requireNonNull(backend, "backend");
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(bearerToken, "bearerToken");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /** Redacts the token. */
    @Override
    public String toString() {
      return "Endpoint[backend=" + backend + ", baseUrl=" + baseUrl + "]";
    }
  }

  private final Endpoint endpoint;
  private final Vertx vertx;
  private final HttpClientOptions options;
  private final PoolOptions pool;
  private final HttpClient shared;
  private final ConcurrentHashMap<Thread, HttpClient> perLoop = new ConcurrentHashMap<>();
  private final String target;
  private final String basePath;
  private final MultiMap headers;

  /**
   * @param vertx the event loops to use; not closed by {@link #close()}
   * @param accept the {@code Accept} header to send
   */
  public HttpUpstream(Vertx vertx, Endpoint endpoint, String accept) {
    this.endpoint = endpoint;
    this.vertx = vertx;
    URI url = endpoint.baseUrl();
    boolean tls = "https".equals(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    this.target = url.getHost() + ":" + port;
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.options = new HttpClientOptions()
        .setDefaultHost(url.getHost())
        .setDefaultPort(port)
        .setSsl(tls)
        .setKeepAlive(true)
        .setConnectTimeout((int) endpoint.connectTimeout().toMillis());
    this.pool = new PoolOptions().setHttp1MaxSize(endpoint.maxConnections());
    this.shared = vertx.createHttpClient(options, pool);
    this.headers = MultiMap.caseInsensitiveMultiMap()
        .add(HttpHeaders.CONTENT_TYPE, "application/json")
        .add(HttpHeaders.ACCEPT, accept);
    endpoint.bearerToken().ifPresent(token ->
        headers.add(HttpHeaders.AUTHORIZATION, "Bearer " + token));
  }

  /** {@code GET path}, answered with the decoded 2xx body or a mapped failure. */
  public <T> CompletionStage<T> getJson(String path, Function<byte[], T> decode) {
    return exchange(HttpMethod.GET, path, (Buffer) null, this::okBody)
        .map(buffer -> decode.apply(buffer.getBytes()))
        .toCompletionStage();
  }

  /** {@code POST path} with a JSON body, answered with the decoded 2xx body or a mapped failure. */
  public <T> CompletionStage<T> postJson(String path, ObjectNode body,
      Function<byte[], T> decode) {
    return postJson(path, Buffer.buffer(Json.bytes(body)), decode);
  }

  /** Like {@link #postJson(String, ObjectNode, Function)} with the body already serialized. */
  public <T> CompletionStage<T> postJson(String path, Buffer body, Function<byte[], T> decode) {
    return exchange(HttpMethod.POST, path, body, this::okBody)
        .map(buffer -> decode.apply(buffer.getBytes()))
        .toCompletionStage();
  }

  /** {@code GET path}, answered with the status alone (the body is read and dropped). */
  public CompletionStage<Integer> status(String path) {
    return exchange(HttpMethod.GET, path, (Buffer) null,
        response -> response.body().map(ignored -> response.statusCode()))
        .toCompletionStage();
  }

  /**
   * {@code POST path}, handing the response to {@code onResponse} as soon as its head arrives,
   * for streaming. {@code onResponse} runs on the response's event loop before any of its body
   * is delivered, so it must set the body handlers (or call {@link #accepted}) right away.
   */
  public <T> Future<T> post(String path, Buffer body,
      Function<HttpClientResponse, Future<T>> onResponse) {
    return exchange(HttpMethod.POST, path, body, onResponse);
  }

  /** Succeeds for 2xx; otherwise reads the error body and fails with the mapped exception. */
  public Future<Void> accepted(HttpClientResponse response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Future.succeededFuture();
    }
    String retryAfter = response.getHeader("retry-after");
    return response.body()
        .otherwise(Buffer.buffer())
        .compose(body -> Future.failedFuture(
            UpstreamErrors.fromStatus(endpoint.backend(), status, retryAfter, body.getBytes())));
  }

  /** Maps a transport failure of this upstream, naming its host and port. */
  public FulcrumException mapTransport(Throwable error) {
    return UpstreamErrors.fromTransport(endpoint.backend(), target, error);
  }

  @Override
  public void close() {
    perLoop.values().forEach(HttpClient::close);
    shared.close();
  }

  /** The client of the calling event loop, created on first use there. */
  private HttpClient client() {
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext()) {
      return shared;
    }
    return perLoop.computeIfAbsent(Thread.currentThread(),
        thread -> vertx.createHttpClient(options, pool));
  }

  private Future<Buffer> okBody(HttpClientResponse response) {
    return accepted(response).compose(ok -> response.body());
  }

  /**
   * Sends one request and runs {@code onResponse} inside the send's own continuation: chaining
   * it after the returned future instead races with the body when the call starts off the event
   * loop, and the body is lost (eclipse-vertx/vert.x#3517, #4705).
   */
  private <T> Future<T> exchange(HttpMethod method, String path, Buffer body,
      Function<HttpClientResponse, Future<T>> onResponse) {
    RequestOptions requestOptions = new RequestOptions()
        .setMethod(method)
        .setURI(basePath + path)
        .setHeaders(headers)
        .setIdleTimeout(endpoint.readTimeout().toMillis());
    return client().request(requestOptions)
        .compose(request -> (body == null ? request.send() : request.send(body))
            .compose(onResponse))
        .recover(error -> Future.failedFuture(mapTransport(error)));
  }
}
