package dev.fulcrum.controlplane.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.controlplane.store.TestDatabases;
import dev.fulcrum.controlplane.store.TestDatabases.TestDatabase;
import dev.fulcrum.core.routing.ModelRoutes;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigImportTest {
  private static final String DIALECTS = "dev.fulcrum.controlplane.store.TestDatabases#dialects";
  private static final Change CONFIG = Change.by("config", "defined in fulcrum.yaml");
  private static final List<Route> NEBIUS = List.of(new Route("nebius",
      "meta-llama/Llama-3.3-70B-Instruct", new Price(0.13, 0.40)));
  private static final List<Route> LOCAL = List.of(new Route("local", "all-minilm-l6-v2",
      Price.FREE));

  @TempDir
  Path temp;
  private final FakeClock clock = new FakeClock();

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void importsEachConfiguredModelAsVersionOneActiveWithProd(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);

      ImportReport report = registry.importConfigured(List.of(
          ModelRoutes.single("chat-large", "1", NEBIUS),
          ModelRoutes.single("embed-small", "1", LOCAL)), CONFIG);

      assertThat(report.models()).extracting(ImportReport.Entry::outcome)
          .containsOnly(ImportReport.Outcome.CREATED);
      assertThat(registry.models()).containsExactly("chat-large", "embed-small");
      ModelVersion chat = registry.show("chat-large", "1");
      assertThat(chat.state()).isEqualTo(VersionState.ACTIVE);
      assertThat(chat.routes()).isEqualTo(NEBIUS);
      assertThat(chat.spec().metadata().owner()).isEqualTo("config");
      assertThat(registry.aliases("chat-large")).containsEntry("prod", "1");
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void importingOnEveryStartChangesNothingTheSecondTime(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      List<ModelRoutes> configured = List.of(ModelRoutes.single("chat-large", "1", NEBIUS));
      registry.importConfigured(configured, CONFIG);

      ImportReport again = ModelRegistry.create(test.db(), clock)
          .importConfigured(configured, CONFIG);

      assertThat(again.models()).extracting(ImportReport.Entry::outcome)
          .containsExactly(ImportReport.Outcome.UNCHANGED);
      assertThat(registry.history("chat-large")).hasSize(1);
      assertThat(registry.aliasHistory("chat-large", "prod")).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void keepsTheStoredVersionAndReportsAConflictWhenConfiguredRoutesChange(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.importConfigured(List.of(ModelRoutes.single("chat-large", "1", NEBIUS)), CONFIG);

      ImportReport report = registry.importConfigured(
          List.of(ModelRoutes.single("chat-large", "1", LOCAL)), CONFIG);

      assertThat(report.conflicts()).singleElement().satisfies(entry ->
          assertThat(entry.message()).contains("give the model a new version in fulcrum.yaml"));
      assertThat(registry.show("chat-large", "1").routes()).isEqualTo(NEBIUS);
    }
  }

  @ParameterizedTest
  @MethodSource(DIALECTS)
  void aNewConfiguredVersionIsRegisteredAndPromoted(String dialect) {
    try (TestDatabase test = TestDatabases.open(dialect, temp)) {
      ModelRegistry registry = ModelRegistry.create(test.db(), clock);
      registry.importConfigured(List.of(ModelRoutes.single("chat-large", "1", NEBIUS)), CONFIG);

      ImportReport report = registry.importConfigured(
          List.of(ModelRoutes.single("chat-large", "2", LOCAL)), CONFIG);

      assertThat(report.models()).extracting(ImportReport.Entry::outcome)
          .containsExactly(ImportReport.Outcome.PROMOTED);
      assertThat(registry.aliases("chat-large")).containsEntry("prod", "2");
      assertThat(registry.show("chat-large", "1").state()).isEqualTo(VersionState.RETIRED);
    }
  }
}
