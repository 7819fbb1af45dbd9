package dev.fulcrum.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code archive:} section of {@code fulcrum.yaml}. */
class ArchiveConfigTest {
  private static final String BASE = """
      store: { url: "sqlite:/var/lib/fulcrum/fulcrum.db" }
      backends: [ { name: box, kind: simulated, placement: LOCAL } ]
      models: [ { name: chat, routes: [ { backend: box, model: local-chat } ] } ]
      tenants: [ { id: acme, api-keys: [ "%s" ] } ]
      """.formatted(ApiKeyHash.of("k"));

  private static FulcrumConfig parse(String extra) {
    return ConfigLoader.withVariables(Map.of()).parse("fulcrum.yaml", BASE + extra);
  }

  @Test
  void isOffByDefaultWithItsKekNextToTheStore() {
    FulcrumConfig config = parse("");

    assertThat(config.archive()).isEqualTo(new ArchiveConfig(false,
        Path.of("/var/lib/fulcrum/fulcrum-kek.keyset.json")));
  }

  @Test
  void readsTheSection() {
    FulcrumConfig config = parse("archive: { enabled: true, kek: /etc/fulcrum/kek.json }\n");

    assertThat(config.archive()).isEqualTo(new ArchiveConfig(true,
        Path.of("/etc/fulcrum/kek.json")));
  }

  @Test
  void aStateDirectoryHoldsTheKekToo() {
    FulcrumConfig moved = parse("archive: { enabled: true }\n").withStateIn(Path.of("/tmp/x"));

    assertThat(moved.archive()).isEqualTo(new ArchiveConfig(true,
        Path.of("/tmp/x/kek.keyset.json")));
  }

  @Test
  void mistakesNameTheFieldAndLine() {
    assertThatThrownBy(() -> parse("archive: { enabled: yes please }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("fulcrum.yaml:5: archive.enabled must be true or false, got 'yes please'");
    assertThatThrownBy(() -> parse("archive: { enable: true }\n"))
        .hasMessageContaining("archive.enable is not a known setting; did you mean "
            + "'enabled'?");
    assertThatThrownBy(() -> parse("archive: { kek: \"\" }\n"))
        .hasMessageContaining("archive.kek must be a file path");
  }

  @Test
  void theKekMustNotShareAFileWithAnotherKeyset() {
    assertThatThrownBy(() -> parse("""
        audit: { keyset: /etc/fulcrum/keys.json }
        archive: { enabled: true, kek: /etc/fulcrum/keys.json }
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessage("fulcrum.yaml:6: archive.kek names the same file as audit.keyset "
            + "(/etc/fulcrum/keys.json); the key-encryption key needs a keyset file of its own, "
            + "e.g. /etc/fulcrum/fulcrum-kek.keyset.json");
  }
}
