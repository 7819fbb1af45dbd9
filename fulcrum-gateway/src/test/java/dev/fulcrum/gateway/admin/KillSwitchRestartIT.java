package dev.fulcrum.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.gateway.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kill switch lives in the store: a gateway restarted on the same file still honours it. */
class KillSwitchRestartIT {
  static final String CONFIG = AdminFixture.CONFIG + "store: { url: \"sqlite:${STORE}\" }\n";

  @TempDir
  Path dir;

  @Test
  void aSwitchedOffModelStaysOffAcrossARestartUntilSwitchedOn() throws Exception {
    Map<String, String> variables = AdminHttp.variables(Map.of("STORE",
        dir.resolve("store.db").toString()));
    try (TestGateway first = TestGateway.start(CONFIG, variables)) {
      var off = new AdminHttp(first).post("/admin/v1/killswitch", """
          {"target": {"model": "chat"}, "enabled": false, "by": "oncall", "reason": "leak"}""");
      assertThat(off.json().path("changed").asBoolean()).isTrue();
      assertThat(new AdminHttp(first).chat("chat", "u").statusCode()).isEqualTo(503);
    }
    assertThat(Files.size(dir.resolve("store.db"))).isPositive();

    try (TestGateway second = TestGateway.start(CONFIG, variables)) {
      AdminHttp admin = new AdminHttp(second);

      assertThat(admin.chat("chat", "u").statusCode()).isEqualTo(503);
      assertThat(admin.get("/admin/v1/killswitch").json().path("data").get(0).path("reason")
          .asText()).isEqualTo("leak");

      admin.post("/admin/v1/killswitch", """
          {"target": {"model": "chat"}, "enabled": true, "by": "oncall", "reason": "fixed"}""");

      assertThat(admin.chat("chat", "u").statusCode()).isEqualTo(200);
    }
  }
}
