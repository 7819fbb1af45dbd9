package dev.fulcrum.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.core.error.UpstreamRejectedException;
import dev.fulcrum.core.json.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpUpstreamTest {
  private static Vertx serverVertx;
  private static Vertx clientVertx;
  private static HttpUpstream upstream;

  @BeforeAll
  static void start() throws Exception {
    serverVertx = Vertx.vertx();
    HttpServer server = serverVertx.createHttpServer().requestHandler(request ->
        request.body().onSuccess(body -> {
          if (request.path().equals("/api/missing")) {
            request.response().setStatusCode(404).end("{\"error\":\"no such thing\"}");
          } else {
            request.response().putHeader("content-type", "application/json")
                .end("{\"echo\":\"" + request.method() + " " + request.path() + "\"}");
          }
        }));
    server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    clientVertx = Vertx.vertx();
    upstream = new HttpUpstream(clientVertx, new HttpUpstream.Endpoint("up",
        URI.create("http://127.0.0.1:" + server.actualPort() + "/api/"), Optional.empty(),
        Duration.ofSeconds(2), Duration.ofSeconds(5), 4), "application/json");
  }

  @AfterAll
  static void stop() {
    clientVertx.close();
    serverVertx.close();
  }

  /**
   * Requests started off the event loop used to lose their body now and then when the response
   * was handled outside the send's own continuation (eclipse-vertx/vert.x#4705); a few hundred
   * requests were enough to hang one.
   */
  @Test
  void answersEveryRequestStartedOffTheEventLoop() throws Exception {
    for (int i = 0; i < 3000; i++) {
      String echo = i % 2 == 0
          ? upstream.getJson("/things/" + i, HttpUpstreamTest::echo)
              .toCompletableFuture().get(5, TimeUnit.SECONDS)
          : upstream.postJson("/things", Json.object().put("i", i), HttpUpstreamTest::echo)
              .toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertThat(echo).isEqualTo(i % 2 == 0 ? "GET /api/things/" + i : "POST /api/things");
    }
  }

  @Test
  void mapsANon2xxAnswerAndReportsAStatus() throws Exception {
    try {
      upstream.getJson("/missing", HttpUpstreamTest::echo).toCompletableFuture()
          .get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(UpstreamRejectedException.class)
          .hasMessageContaining("HTTP 404: no such thing");
    }
    assertThat(upstream.status("/missing").toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isEqualTo(404);
  }

  private static String echo(byte[] body) {
    return Json.parseObject(body).path("echo").asText(new String(body, StandardCharsets.UTF_8));
  }
}
