import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;

/**
 * The floor under Fulcrum's CPU per request in {@code bench/gateway/run.sh} (target {@code vertx}):
 * the HTTP stack Fulcrum runs on (Vert.x with the same server, client and pool options, the native
 * epoll transport, the same number of event loops) forwarding each request to the upstream and the
 * answer back, with nothing else: no routing, auth, JSON, privacy scan, metrics or audit. A JSON
 * answer is read whole and sent with its length, as Fulcrum does; an event stream is passed on
 * chunk by chunk. Not part of Fulcrum; it runs from source with Fulcrum's own libraries:
 *
 * <pre>java -cp 'fulcrum-gateway/target/lib/*' bench/gateway/VertxFloor.java PORT UPSTREAM_PORT [EVENT_LOOPS]</pre>
 */
public final class VertxFloor {
  private VertxFloor() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: VertxFloor PORT UPSTREAM_PORT [EVENT_LOOPS]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    int upstreamPort = Integer.parseInt(args[1]);
    int eventLoops = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(eventLoops)
        .setPreferNativeTransport(true));
    if (!vertx.isNativeTransportEnabled()) {
      System.err.println("VertxFloor: no native transport: " + vertx.unavailableNativeTransportCause());
      System.exit(1);
    }
    HttpClient client = vertx.createHttpClient(new HttpClientOptions()
            .setDefaultHost("127.0.0.1")
            .setDefaultPort(upstreamPort)
            .setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(256));
    MultiMap upstreamHeaders = MultiMap.caseInsensitiveMultiMap()
        .add(HttpHeaders.CONTENT_TYPE, "application/json")
        .add(HttpHeaders.ACCEPT, "application/json, text/event-stream");
    vertx.createHttpServer(new HttpServerOptions()
            .setCompressionSupported(false)
            .setTcpNoDelay(true)
            .setIdleTimeout(300))
        .requestHandler(request -> forward(client, upstreamHeaders, request))
        .listen(port, "127.0.0.1")
        .onSuccess(server -> System.out.println("VertxFloor listening on 127.0.0.1:"
            + server.actualPort() + ", upstream 127.0.0.1:" + upstreamPort + ", event loops "
            + eventLoops))
        .onFailure(failure -> {
          failure.printStackTrace();
          System.exit(1);
        });
  }

  private static void forward(HttpClient client, MultiMap upstreamHeaders,
      HttpServerRequest request) {
    HttpServerResponse response = request.response();
    request.body()
        .compose(body -> client.request(HttpMethod.POST, request.uri())
            .compose(call -> {
              call.headers().addAll(upstreamHeaders);
              return call.send(body);
            }))
        .compose(answer -> relay(answer, response))
        .onFailure(failure -> {
          if (!response.headWritten()) {
            response.setStatusCode(502).end(String.valueOf(failure.getMessage()));
          } else {
            response.reset();
          }
        });
  }

  private static Future<Void> relay(HttpClientResponse answer, HttpServerResponse response) {
    response.setStatusCode(answer.statusCode());
    String type = answer.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null) {
      response.putHeader(HttpHeaders.CONTENT_TYPE, type);
    }
    if (type != null && type.startsWith("text/event-stream")) {
      response.setChunked(true);
      return answer.pipeTo(response);
    }
    return answer.body().compose(body -> response.end(body));
  }
}
