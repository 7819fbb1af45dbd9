package dev.fulcrum.dataplane.privacy.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fulcrum.core.privacy.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Guards the model's quality on the shared evaluation sets (which training never reads): fails
 * if a retrained model falls below the targets. Skipped when the shared data is absent.
 */
class SharedEvaluationTest {

  private static Path data() {
    Path dir = Path.of(System.getProperty("fulcrum.shared", "../../shared"), "data", "pii");
    assumeTrue(Files.isDirectory(dir), "shared evaluation data not found at " + dir);
    return dir;
  }

  @Test
  void meetsTheTargetsOnPresidiosSyntheticSentences() throws IOException {
    Path file = data().resolve("synth_dev.json");

    TokenMetrics m = TokenMetrics.of(SharedModel.recognizer(), NerEvaluation.synth(file));

    assertThat(m.f1(EntityType.PERSON)).isGreaterThanOrEqualTo(0.85);
    assertThat(m.f1(EntityType.LOCATION)).isGreaterThanOrEqualTo(0.70);
  }

  @Test
  void findsPeopleInRealTweetsBetterThanChance() throws IOException {
    Path file = data().resolve("wnut17_dev.conll");

    TokenMetrics m = TokenMetrics.of(SharedModel.recognizer(), NerEvaluation.wnut(file));

    assertThat(m.f1(EntityType.PERSON)).isGreaterThanOrEqualTo(0.45);
  }
}
