package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.tenant.TenantDirectory;
import dev.fulcrum.controlplane.token.TokenService;
import dev.fulcrum.core.backend.BackendInfo;
import dev.fulcrum.core.backend.ChatBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.chat.ChatResponse;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import dev.fulcrum.core.routing.RoutingTable;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.pipeline.Backends;
import dev.fulcrum.dataplane.pipeline.RequestPipeline;
import dev.fulcrum.dataplane.routing.Router;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Internal failures and hostile input never leak stack traces or internals to the client. */
class ErrorHandlingIT {
  private static final String KEY = "sk-errors";
  private static Vertx vertx;
  private static GatewayServer server;
  private static GatewayServer.Dependencies deps;
  private static final HttpClient client = HttpClient.newHttpClient();

  /** A backend with a bug: it completes with nothing and throws on streaming. */
  static final class BuggyBackend implements ChatBackend {
    @Override
    public BackendInfo info() {
      return new BackendInfo("buggy", "test", Placement.LOCAL, false, false);
    }

    @Override
    public CompletionStage<ChatResponse> doChat(ChatRequest request) {
      return CompletableFuture.completedFuture(null);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    var table = RoutingTable.of(List.of(ModelRoutes.single("buggy", "1",
        List.of(new Route("buggy", "m", Price.FREE)))));
    var backends = Backends.of(List.of(new BuggyBackend()));
    deps = new GatewayServer.Dependencies(
        RequestPipeline.builder(new Router(), backends, () -> table).build(),
        new Authenticator(TenantDirectory.of(Map.of(ApiKeyHash.of(KEY), new Tenant("t"))),
            TokenService.builder(KeysetSource.inMemory()).build(), "fulcrum"),
        java.time.Duration.ofMinutes(5), () -> table, backends, 0, List.of(),
        java.util.Optional.empty());
    server = GatewayServer.start(vertx, deps, "127.0.0.1", 0, 4096, 1)
        .await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @Test
  void aFreePortTakenBeforeTheBindIsReplacedByAnother() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
      free = probe.getLocalPort();
    }
    try (ServerSocket taken = new ServerSocket(0, 1, loopback)) {
      Iterator<Integer> ports = List.of(taken.getLocalPort(), free).iterator();

      GatewayServer started = GatewayServer.startOnFreePort(vertx, deps, "127.0.0.1", 4096, 2,
          ports::next, GatewayServer.FREE_PORT_ATTEMPTS).await(10, TimeUnit.SECONDS);

      assertThat(started.port()).isEqualTo(free);
      assertThat(client.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + free + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aPortThatStaysTakenFailsTheStartAfterTheLastAttempt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int[] tries = {0};

      assertThatThrownBy(() -> GatewayServer.startOnFreePort(vertx, deps, "127.0.0.1", 4096, 1,
          () -> {
            tries[0]++;
            return taken.getLocalPort();
          }, 3).await(10, TimeUnit.SECONDS)).hasMessageContaining("Address already in use");
      assertThat(tries[0]).isEqualTo(3);
    }
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + path))
        .header("authorization", "Bearer " + KEY)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertNoInternals(HttpResponse<String> response) {
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("at dev.fulcrum")
        .doesNotContain("at io.vertx")
        .doesNotContain("java.")
        .doesNotContain("NullPointer");
    assertThat(response.headers().firstValue(FulcrumHeaders.REQUEST_ID)).isPresent();
  }

  @Test
  void aBugBecomesAGeneric500CarryingOnlyTheRequestId() throws Exception {
    var response = post("/v1/chat/completions",
        "{\"model\":\"buggy\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

    assertThat(response.statusCode()).isEqualTo(500);
    String requestId = response.headers().firstValue(FulcrumHeaders.REQUEST_ID).orElseThrow();
    assertThat(response.body()).contains("internal error in Fulcrum").contains(requestId);
    assertNoInternals(response);
  }

  @Test
  void anUnknownPathListsTheApiAndANonJsonBodySaysWhatToSend() throws Exception {
    var unknown = post("/v1/chat/completion", "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no such endpoint: POST /v1/chat/completion; "
        + "Fulcrum's API serves POST /v1/chat/completions, POST /v1/embeddings, GET /v1/models");

    var multipart = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions"))
        .header("authorization", "Bearer " + KEY)
        .header("content-type", "multipart/form-data; boundary=b")
        .POST(HttpRequest.BodyPublishers.ofString("--b\r\ncontent-disposition: form-data; "
            + "name=\"model\"\r\n\r\nchat\r\n--b--\r\n")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(multipart.statusCode()).isEqualTo(400);
    assertThat(multipart.body()).contains("request body must be JSON (content-type: "
        + "application/json), not multipart/form-data");

    assertThat(post("/v1/chat/completions", "").body())
        .contains("request body must be a JSON object, got nothing");
  }

  @Test
  void hostileInputGetsA4xxWithoutInternals() throws Exception {
    List<String> bodies = List.of("", "null", "[]", "\"x\"", "{", "{\"model\":", "\u0000\u0001",
        "{\"model\":\"buggy\",\"messages\":[{\"role\":\"user\",\"content\":[[[[[]]]]]}]}",
        "{\"model\":\"buggy\",\"messages\":[{\"role\":\"user\",\"content\":{\"$ref\":1}}]}",
        "{\"model\":{\"nested\":true},\"messages\":[]}",
        "{\"model\":\"buggy\",\"messages\":[null]}",
        "{\"model\":\"buggy\",\"messages\":[{\"role\":null}]}",
        "{\"model\":\"buggy\",\"stream\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
        "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
        "{\"model\":\"buggy\",\"input\":[1,2,3]}");
    for (String path : List.of("/v1/chat/completions", "/v1/embeddings")) {
      for (String body : bodies) {
        var response = post(path, body);
        assertThat(response.statusCode()).as("%s %s", path, body).isBetween(400, 499);
        assertNoInternals(response);
      }
    }
  }
}
