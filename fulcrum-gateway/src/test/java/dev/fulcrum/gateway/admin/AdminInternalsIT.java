package dev.fulcrum.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.killswitch.KillSwitch;
import dev.fulcrum.controlplane.publish.RoutingPublisher;
import dev.fulcrum.controlplane.registry.ModelRegistry;
import dev.fulcrum.controlplane.rollout.RolloutService;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.StoreException;
import dev.fulcrum.controlplane.store.StoreUrl;
import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.controlplane.tenant.TenantDirectory;
import dev.fulcrum.controlplane.token.TokenService;
import dev.fulcrum.dataplane.pipeline.Backends;
import dev.fulcrum.dataplane.pipeline.RequestPipeline;
import dev.fulcrum.dataplane.routing.Router;
import dev.fulcrum.gateway.http.Authenticator;
import dev.fulcrum.gateway.http.FulcrumHeaders;
import dev.fulcrum.gateway.http.GatewayServer;
import dev.fulcrum.gateway.http.admin.AdminApi;
import dev.fulcrum.gateway.http.admin.AdminContext;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the control plane fails underneath the admin API, the caller gets a clear 500 or 503 with
 * the request id, and never the failure's internals (paths, SQL, stack traces). Admin views
 * mounted after the API keep working behind its key.
 */
class AdminInternalsIT {
  static final String SECRET = "jdbc:sqlite:/var/secret/fulcrum.db: SQL near 'SELECT'";
  static Vertx vertx;
  static Database database;
  static AdminHttp admin;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    vertx = Vertx.vertx();
    database = Database.open(StoreUrl.parse("sqlite:" + dir.resolve("store.db")));
    ModelRegistry real = ModelRegistry.create(database, Clock.systemUTC());
    RolloutService rollouts = RolloutService.create(real);
    KillSwitch switches = KillSwitch.create(real);
    RoutingPublisher publisher = RoutingPublisher.create(real, rollouts, switches);
    ModelRegistry broken = (ModelRegistry) Proxy.newProxyInstance(
        ModelRegistry.class.getClassLoader(), new Class<?>[] {ModelRegistry.class},
        (proxy, method, args) -> {
          throw method.getName().equals("models") ? new IllegalStateException(SECRET)
              : new StoreException(SECRET, new java.sql.SQLException(SECRET));
        });
    Backends backends = Backends.of(List.of());
    var deps = new GatewayServer.Dependencies(
        RequestPipeline.builder(new Router(), backends, publisher).build(),
        new Authenticator(TenantDirectory.of(Map.of()),
            TokenService.builder(KeysetSource.inMemory()).build(), "fulcrum"),
        Duration.ofMinutes(5), publisher, backends, 0, List.<java.util.function.Consumer<
            io.vertx.ext.web.Router>>of(new AdminApi(
        new AdminContext(Set.of(ApiKeyHash.of(AdminHttp.ADMIN_KEY)), broken, rollouts,
            switches, publisher::snapshot, java.util.Optional.empty(),
            java.util.Optional.empty())), router -> router.get("/admin/v1/later-view")
            .handler(ctx -> ctx.response().end("{\"view\": \"later\"}"))),
        java.util.Optional.empty());
    int port = GatewayServer.start(vertx, deps, "127.0.0.1", 0, 4096, 1)
        .await(10, TimeUnit.SECONDS).port();
    admin = new AdminHttp(port, "unused");
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    database.close();
  }

  @Test
  void aBugIsA500WithTheRequestIdAndNoInternals() {
    var answer = admin.get("/admin/v1/models");

    assertThat(answer.status()).isEqualTo(500);
    String requestId = answer.raw().headers().firstValue(FulcrumHeaders.REQUEST_ID)
        .orElseThrow();
    assertThat(answer.errorMessage()).contains(requestId);
    assertThat(answer.json().path("error").path("type").asText()).isEqualTo("server_error");
    assertThat(answer.raw().body()).doesNotContain("secret").doesNotContain("SELECT")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aStoreFailureIsA503SayingNothingChanged() {
    var answer = admin.post("/admin/v1/models/chat/versions/1/promote",
        AdminHttp.change("try"));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.errorMessage()).contains("nothing was changed");
    assertThat(answer.raw().body()).doesNotContain("secret").doesNotContain("SELECT");
  }

  @Test
  void aViewMountedAfterTheAdminApiAnswersBehindTheAdminKey() {
    var answer = admin.get("/admin/v1/later-view");
    var unknown = admin.get("/admin/v1/never-mounted");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("view").asText()).isEqualTo("later");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(AdminHttp.answer(admin.unauthenticated("/admin/v1/later-view")).status())
        .isEqualTo(401);
  }

  @Test
  void anOversizedBodyIs413() {
    var answer = admin.post("/admin/v1/killswitch", "{\"reason\": \"" + "x".repeat(1_100_000)
        + "\"}");

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().path("error").path("code").asText()).isEqualTo("request_too_large");
  }
}
