package dev.fulcrum.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.gateway.http.FulcrumHeaders;
import dev.fulcrum.gateway.testing.TestGateway;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real gateway with the admin API on, three simulated backends ({@code sim}, {@code sim-b},
 * and {@code broken}, which fails every call) and one configured model, {@code chat}. Tests
 * create their own models through the API so they do not disturb each other.
 */
public final class AdminFixture implements AutoCloseable {
  static final String CONFIG = """
      admin: { api-keys: [ "${ADMIN_HASH}" ] }
      backends:
        - { name: sim, kind: simulated, placement: CLOUD }
        - { name: sim-b, kind: simulated, placement: CLOUD }
        - { name: broken, kind: simulated, placement: CLOUD, error-rate: 1 }
      models:
        - name: chat
          routes: [ { backend: sim, model: simulated-chat } ]
      tenants:
        - { id: acme, api-keys: [ "${KEY_HASH}" ] }
      """;
  private static final AtomicInteger NAMES = new AtomicInteger();

  public final TestGateway gateway;
  public final AdminHttp admin;

  private AdminFixture(TestGateway gateway) {
    this.gateway = gateway;
    this.admin = new AdminHttp(gateway);
  }

  public static AdminFixture start() {
    return new AdminFixture(TestGateway.start(CONFIG, AdminHttp.variables(Map.of())));
  }

  /** A fresh model whose version 1 (on {@code sim}) is prod. */
  public String modelWithProd(String prefix) {
    return modelWithProd(prefix, "sim");
  }

  public String modelWithProd(String prefix, String backend) {
    String model = prefix + "-" + NAMES.incrementAndGet();
    register(model, "1", backend);
    var promoted = admin.post(path(model, "1") + "/promote", AdminHttp.change("first release"));
    assertThat(promoted.status()).as(promoted.json().toString()).isEqualTo(200);
    return model;
  }

  public void register(String model, String version, String backend) {
    var answer = admin.post("/admin/v1/models/" + model + "/versions",
        AdminHttp.version(version, backend));
    assertThat(answer.status()).as(answer.json().toString()).isEqualTo(201);
  }

  public static String path(String model, String version) {
    return "/admin/v1/models/" + model + "/versions/" + version;
  }

  /** The {@code model@version} that served one chat request of {@code user}. */
  public String servedVersion(String model, String user) {
    var response = admin.chat(model, user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.headers().firstValue(FulcrumHeaders.MODEL_VERSION).orElseThrow();
  }

  @Override
  public void close() {
    gateway.close();
  }
}
