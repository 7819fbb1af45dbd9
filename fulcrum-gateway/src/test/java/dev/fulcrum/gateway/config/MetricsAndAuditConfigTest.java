package dev.fulcrum.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code metrics:} and {@code audit:} sections of {@code fulcrum.yaml}. */
class MetricsAndAuditConfigTest {
  private static final String BASE = """
      backends: [ { name: box, kind: simulated, placement: LOCAL } ]
      models: [ { name: chat, routes: [ { backend: box, model: local-chat } ] } ]
      tenants: [ { id: acme, api-keys: [ "%s" ] } ]
      """.formatted(ApiKeyHash.of("k"));

  private static FulcrumConfig parse(String extra) {
    return ConfigLoader.withVariables(Map.of()).parse("fulcrum.yaml", BASE + extra);
  }

  @Test
  void defaultsPublishMetricsWithoutTenantLabelsAndKeepTheKeysetNextToTheStore() {
    FulcrumConfig config = parse("store: { url: \"sqlite:/var/lib/fulcrum/fulcrum.db\" }\n");

    assertThat(config.metrics()).isEqualTo(new MetricsConfig(true, false, 50));
    assertThat(config.audit().keyset())
        .isEqualTo(Path.of("/var/lib/fulcrum/fulcrum-audit.keyset.json"));
  }

  @Test
  void readsBothSections() {
    FulcrumConfig config = parse("""
        metrics: { enabled: false, tenant-labels: true, max-features: 7 }
        audit: { keyset: /etc/fulcrum/audit.json }
        """);

    assertThat(config.metrics()).isEqualTo(new MetricsConfig(false, true, 7));
    assertThat(config.audit().keyset()).isEqualTo(Path.of("/etc/fulcrum/audit.json"));
  }

  @Test
  void aSharedStoreKeepsTheDefaultKeysetInTheWorkingDirectory() {
    FulcrumConfig config = parse("store: { url: \"postgresql://db:5432/fulcrum?user=f\" }\n");

    assertThat(config.audit().keyset()).isEqualTo(Path.of("fulcrum-audit.keyset.json"));
  }

  @Test
  void stateDirectoriesGatherTheStoreAndEveryKeyset() {
    FulcrumConfig moved = parse("").withStateIn(Path.of("/tmp/x"));

    assertThat(moved.store().url().jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/x/fulcrum.db");
    assertThat(moved.audit().keyset()).isEqualTo(Path.of("/tmp/x/audit.keyset.json"));
    assertThat(moved.tokens().keyset()).isEqualTo(Path.of("/tmp/x/tokens.keyset.json"));
    assertThat(moved.privacy().hashSecret()).isEqualTo(Path.of("/tmp/x/hash.secret"));
  }

  @Test
  void mistakesNameTheFieldAndLine() {
    assertThatThrownBy(() -> parse("metrics: { tenant-labels: maybe }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("fulcrum.yaml:4: metrics.tenant-labels must be true or false, got 'maybe'");
    assertThatThrownBy(() -> parse("metrics: { max-feature: 3 }\n"))
        .hasMessageContaining("metrics.max-feature is not a known setting; did you mean "
            + "'max-features'?");
    assertThatThrownBy(() -> parse("audit: { keyset: \"\" }\n"))
        .hasMessageContaining("audit.keyset must be a file path");
  }
}
