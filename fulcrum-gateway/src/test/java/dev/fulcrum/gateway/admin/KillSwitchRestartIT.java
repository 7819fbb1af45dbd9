package dev.fulcrum.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.gateway.config.ConfigLoader;
import dev.fulcrum.gateway.testing.TestGateway;
import dev.fulcrum.gateway.wiring.Fulcrum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kill switch lives in the store: a gateway restarted on the same state still honours it. */
class KillSwitchRestartIT {
  @TempDir
  Path state;

  /** A gateway of {@link AdminFixture#CONFIG} keeping its store and keysets in {@link #state}. */
  Fulcrum start() {
    Map<String, String> variables = new HashMap<>(AdminHttp.variables(Map.of()));
    variables.put("KEY_HASH", ApiKeyHash.of(TestGateway.KEY));
    return Fulcrum.start(ConfigLoader.withVariables(variables)
        .parse("restart.yaml", AdminFixture.CONFIG).withPort(0).withStateIn(state));
  }

  @Test
  void aSwitchedOffModelStaysOffAcrossARestartUntilSwitchedOn() throws Exception {
    try (Fulcrum first = start()) {
      AdminHttp admin = new AdminHttp(first.port(), TestGateway.KEY);
      var off = admin.post("/admin/v1/killswitch", """
          {"target": {"model": "chat"}, "enabled": false, "by": "oncall", "reason": "leak"}""");
      assertThat(off.json().path("changed").asBoolean()).isTrue();
      assertThat(admin.chat("chat", "u").statusCode()).isEqualTo(503);
    }
    assertThat(Files.size(state.resolve("fulcrum.db"))).isPositive();

    try (Fulcrum second = start()) {
      AdminHttp admin = new AdminHttp(second.port(), TestGateway.KEY);

      assertThat(admin.chat("chat", "u").statusCode()).isEqualTo(503);
      assertThat(admin.get("/admin/v1/killswitch").json().path("data").get(0).path("reason")
          .asText()).isEqualTo("leak");

      admin.post("/admin/v1/killswitch", """
          {"target": {"model": "chat"}, "enabled": true, "by": "oncall", "reason": "fixed"}""");

      assertThat(admin.chat("chat", "u").statusCode()).isEqualTo(200);
    }
  }
}
